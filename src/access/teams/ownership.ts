/**
 * Who owns which service, judged from both sides: each service.yaml names an
 * owner team, each team lists the services it owns. The two must agree.
 * Pure data in, findings out; the estate loader turns them into diagnostics
 * at the lines concerned.
 */
export interface OwnershipFinding {
  kind:
    /** The service's owner team exists but does not list the service. */
    | 'not-listed'
    /** A team lists a service whose service.yaml names another owner (or none). */
    | 'not-owner'
    /** A team lists a service that does not exist. */
    | 'unknown-service'
    /** The service names no owner, or an owner that is not a team. */
    | 'no-owner';
  service: string;
  team?: string;
  /** Index in the team's `services` list (not-owner, unknown-service). */
  index?: number;
  /** The owner service.yaml names (not-owner, no-owner). */
  owner?: string;
}

export function checkOwnership(teams: ReadonlyMap<string, readonly string[]>, owners: ReadonlyMap<string, string>): OwnershipFinding[] {
  const findings: OwnershipFinding[] = [];
  for (const [service, owner] of owners) {
    const listed = teams.get(owner);
    if (!listed) findings.push({ kind: 'no-owner', service, owner });
    else if (!listed.includes(service)) findings.push({ kind: 'not-listed', service, team: owner });
  }
  for (const [team, services] of teams) {
    services.forEach((service, index) => {
      const owner = owners.get(service);
      if (owner === undefined) findings.push({ kind: 'unknown-service', service, team, index });
      else if (owner !== team) findings.push({ kind: 'not-owner', service, team, index, owner });
    });
  }
  return findings;
}
