/**
 * Finishing an applySet's outcomes: what a dry run could not validate
 * accepted, and members never sent (the cluster went away) failed.
 */
import type { Member, ObjectOutcome } from './apply-objects.js';
import type { ClusterError } from './types.js';

export function unreachableIn(outcomes: readonly ObjectOutcome[]): ClusterError | undefined {
  return outcomes.find((o) => o.error?.code === 'CLUSTER_UNREACHABLE')?.error;
}

/**
 * A dry run does not create Namespaces, so objects inside a Namespace the set
 * would create come back 404. They would be created: say so, unvalidated.
 */
export function acceptMissingNamespaces(outcomes: ObjectOutcome[]): void {
  const created = new Set(outcomes.filter((o) => o.ref.kind === 'Namespace' && o.action === 'created').map((o) => o.ref.name));
  outcomes.forEach((o, i) => {
    if (o.error?.code !== 'CLUSTER_NOT_FOUND' || !o.ref.namespace || !created.has(o.ref.namespace)) return;
    outcomes[i] = { key: o.key, ref: o.ref, action: 'created', note: `not validated: namespace ${o.ref.namespace} does not exist yet` };
  });
}

/** Members of later phases, never sent because the cluster went away, fail with that error. */
export function failUnattempted(members: readonly Member[], outcomes: ObjectOutcome[], error: ClusterError): void {
  const seen = new Set(outcomes.map((o) => o.key));
  for (const m of members) if (!seen.has(m.key)) outcomes.push({ key: m.key, ref: m.ref, action: 'failed', error });
}
