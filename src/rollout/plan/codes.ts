/** Stable codes of planning problems (tests assert these, never message wording). */
export const PlanCode = {
  UnknownCluster: 'PLAN_UNKNOWN_CLUSTER',
  PlannedCluster: 'PLAN_PLANNED_CLUSTER',
  NoManifests: 'PLAN_NO_MANIFESTS',
  NoWave: 'PLAN_NO_WAVE',
} as const;
