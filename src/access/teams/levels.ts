import { ACCESS_LEVELS, type AccessConfig, type AccessLevel, type TeamSpec } from '../model.js';

export function isAccessLevel(value: string): value is AccessLevel {
  return (ACCESS_LEVELS as readonly string[]).includes(value);
}

/** Levels up to and including `level`, lowest first: what `level` aggregates. */
export function levelsUpTo(level: AccessLevel): AccessLevel[] {
  return ACCESS_LEVELS.slice(0, ACCESS_LEVELS.indexOf(level) + 1);
}

/** The team's level in an environment: its own entry, else the estate default, else none. */
export function levelIn(team: TeamSpec, environment: string, config: Pick<AccessConfig, 'defaultLevel'>): AccessLevel | undefined {
  return team.access[environment] ?? config.defaultLevel;
}
