import { posix } from 'node:path';
import type { AccessConfig, AccessLevel, BreakGlassSpec, EksMode, PlatformBreakGlassSpec, SourcePoint, TeamSpec, WorkloadIdentity, WorkloadIdentityMode } from '../access/model.js';
import { checkOwnership, dayOf, normaliseDate, type OwnershipFinding } from '../access/teams/index.js';
import { diag, type Diagnostic } from '../core/diagnostic.js';
import { checkExpiries, checkIdentities } from './check-identities.js';
import { isObject, type JsonObject, type JsonValue } from '../core/json.js';
import { DocChecker, type YamlPath } from './checker.js';
import { EstateCode } from './codes.js';
import { teamShape } from './schema-access.js';
import { INVALID, readShape } from './shape.js';
import { didYouMean } from './suggest.js';
import type { ReservedFile, ServiceSpec } from './types.js';

export interface LoadAccessInput {
  /** harbormaster.yaml's spec after its shape check (invalid parts pruned). */
  spec: JsonObject;
  /** harbormaster.yaml's checker, for spec.access problems. */
  c: DocChecker;
  teamFiles: readonly ReservedFile[];
  services: ReadonlyMap<string, ServiceSpec>;
  /** Every directory under services/, valid or not. */
  serviceNames: readonly string[];
  problems: Diagnostic[];
  warnings: Diagnostic[];
  now: Date;
}

export interface LoadedAccess {
  teams: Map<string, TeamSpec>;
  access?: AccessConfig;
}

/**
 * Reads teams/*.yaml and spec.access when the estate has spec.access (access
 * is opt-in: without it teams/ stays a reserved directory), then checks what
 * spans files: ownership against service.yaml, environments, identities
 * mapped twice, expired break-glass roles, workload identity overrides.
 */
export function loadAccess(input: LoadAccessInput): LoadedAccess {
  const { spec, c } = input;
  checkWorkloadIdentities(input);
  const written = isObject(c.doc.value) && isObject(c.doc.value.spec ?? null) ? (c.doc.value.spec as JsonObject).access : undefined;
  if (written == null) return { teams: new Map() };
  checkSystemMasters(written, c);
  const { teams, invalid } = readTeams(input);
  checkOwnershipOf(teams, invalid, input);
  checkEnvironments(teams, input);
  checkGroups(teams);
  const specs = new Map([...teams].sort(([a], [b]) => a.localeCompare(b)).map(([name, t]) => [name, t.spec] as const));
  if (!isObject(spec.access ?? null)) return { teams: specs };
  const access = toAccessConfig(spec.access as JsonObject, c, input.now);
  const teamSpecs = [...specs.values()];
  checkIdentities(teamSpecs, access, input);
  checkExpiries(teamSpecs, access, input.warnings);
  return { teams: specs, access };
}

interface ReadTeam {
  spec: TeamSpec;
  c: DocChecker;
}

/** The shape language has no booleans: checked on the file as written, so it is reported even when spec.access has other problems. */
function checkSystemMasters(written: JsonValue, c: DocChecker): void {
  const list = isObject(written) && Array.isArray(written.breakGlass) ? written.breakGlass : [];
  list.forEach((entry, i) => {
    if (isObject(entry) && entry.systemMasters != null && typeof entry.systemMasters !== 'boolean') {
      c.report(EstateCode.BadType, 'expected true or false', ['spec', 'access', 'breakGlass', i, 'systemMasters']);
    }
  });
}

/** Valid teams by name, and the names of team files that failed (so their services are not also "unowned"). */
function readTeams(input: LoadAccessInput): { teams: Map<string, ReadTeam>; invalid: Set<string> } {
  const teams = new Map<string, ReadTeam>();
  const invalid = new Set<string>();
  for (const file of [...input.teamFiles].sort((a, b) => a.file.localeCompare(b.file))) {
    const docs = file.documents.filter((d) => d.value !== null);
    if (docs.length !== 1) {
      const message = docs.length === 0 ? 'file is empty' : `expected one Team document, found ${docs.length}`;
      input.problems.push(diag(EstateCode.BadDocument, message, { file: file.file, line: docs[1]?.line ?? 1 }));
      continue;
    }
    const c = new DocChecker(file.file, docs[0]!, input.problems);
    const read = readShape(docs[0]!.value, teamShape, [], c);
    const expected = posix.basename(file.file).replace(/\.ya?ml$/, '');
    if (read === INVALID) {
      invalid.add(expected);
      continue;
    }
    const team = toTeamSpec(read as JsonObject, c);
    if (team.name !== expected) {
      invalid.add(expected).add(team.name);
      c.report(EstateCode.TeamNameMismatch, `metadata.name ${team.name} differs from the file name ${expected}`, ['metadata', 'name'], `rename one of them; did you mean ${expected}?`);
    } else if (teams.has(team.name)) {
      c.report(EstateCode.DuplicateTeam, `team ${team.name} is defined more than once`, ['metadata', 'name'], `first defined in ${teams.get(team.name)!.spec.file}`);
    } else teams.set(team.name, { spec: team, c });
  }
  return { teams, invalid };
}

function point(c: DocChecker, path: YamlPath): SourcePoint {
  return { file: c.file, line: c.where(path).line ?? 1 };
}

function toTeamSpec(value: JsonObject, c: DocChecker): TeamSpec {
  const spec = value.spec as JsonObject;
  const list = (key: string): JsonValue[] => (Array.isArray(spec[key]) ? (spec[key] as JsonValue[]) : []);
  const identities = list('identities').flatMap((arn, i) => (typeof arn === 'string' ? [{ roleArn: arn, at: point(c, ['spec', 'identities', i]) }] : []));
  const breakGlass = list('breakGlass').flatMap((entry, i): BreakGlassSpec[] => {
    if (!isObject(entry)) return [];
    const at = point(c, ['spec', 'breakGlass', i]);
    return [{ roleArn: entry.roleArn as string, level: entry.level as AccessLevel, expires: normaliseDate(entry.expires as string)!, reason: entry.reason as string, at }];
  });
  return {
    name: (value.metadata as JsonObject).name as string,
    file: c.file,
    description: (spec.description as string | undefined) ?? '',
    kubernetesGroup: spec.kubernetesGroup as string,
    services: list('services').filter((s): s is string => typeof s === 'string'),
    identities,
    access: (spec.access as Record<string, AccessLevel> | undefined) ?? {},
    breakGlass,
    at: point(c, ['metadata', 'name']),
  };
}

function toAccessConfig(value: JsonObject, c: DocChecker, now: Date): AccessConfig {
  const eks = value.eks as JsonObject;
  const strings = (v: JsonValue | undefined): string[] => (Array.isArray(v) ? v.filter((s): s is string => typeof s === 'string') : []);
  const breakGlass = (Array.isArray(value.breakGlass) ? value.breakGlass : []).flatMap((entry, i): PlatformBreakGlassSpec[] => {
    if (!isObject(entry)) return [];
    const path: YamlPath = ['spec', 'access', 'breakGlass', i];
    const masters = entry.systemMasters ?? false;
    return [{ roleArn: entry.roleArn as string, expires: normaliseDate(entry.expires as string)!, reason: entry.reason as string, systemMasters: masters === true, at: point(c, path) }];
  });
  const config: AccessConfig = {
    eks: { mode: eks.mode as EksMode, accountId: eks.accountId as string, namespace: (eks.namespace as string | undefined) ?? 'kube-system', nodeRoles: strings(eks.nodeRoles) },
    platformAdmins: strings(value.platformAdmins),
    breakGlass,
    asOf: dayOf(now),
    at: point(c, ['spec', 'access']),
  };
  if (typeof value.defaultLevel === 'string') config.defaultLevel = value.defaultLevel as AccessLevel;
  return config;
}

/** service.yaml owners against team service lists, both ways. */
function checkOwnershipOf(teams: Map<string, ReadTeam>, invalid: Set<string>, input: LoadAccessInput): void {
  const lists = new Map([...teams].map(([name, t]) => [name, t.spec.services] as const));
  const owners = new Map([...input.services].map(([name, s]) => [name, s.owner] as const));
  const teamNames = [...teams.keys()];
  for (const f of checkOwnership(lists, owners)) {
    if (f.kind === 'no-owner' && f.owner && invalid.has(f.owner)) continue; // its team file is broken: reported there
    reportOwnership(f, teams, input, teamNames);
  }
}

interface OwnershipWhere {
  service?: DocChecker;
  serviceFile: string;
  team?: ReadTeam;
  teamNames: string[];
  serviceNames: readonly string[];
}

/** Each finding at the line to edit: service.yaml's owner, or the entry of the team's list. */
const OWNERSHIP_REPORTS: Record<OwnershipFinding['kind'], (f: OwnershipFinding, w: OwnershipWhere) => void> = {
  'no-owner': (f, w) => {
    const message = f.owner ? `owner ${f.owner} is not a team (no teams/${f.owner}.yaml)` : `service ${f.service} has no owner team`;
    w.service?.report(EstateCode.ServiceNoOwner, message, ['spec', 'owner'], f.owner ? didYouMean(f.owner, w.teamNames) : `set spec.owner to one of: ${w.teamNames.join(', ')}`);
  },
  'not-listed': (f, w) => {
    w.service?.report(EstateCode.ServiceNotListed, `owner ${f.team} does not list ${f.service} in its services`, ['spec', 'owner'], `add ${f.service} to spec.services in ${w.team?.spec.file}`);
  },
  'not-owner': (f, w) => {
    w.team?.c.report(EstateCode.TeamNotOwner, `team ${f.team} lists ${f.service}, but ${f.service}'s owner is ${f.owner || 'not set'}`, ['spec', 'services', f.index ?? 0], `remove it here, or set spec.owner: ${f.team} in ${w.serviceFile}`);
  },
  'unknown-service': (f, w) => {
    if (w.serviceNames.includes(f.service)) return; // exists but invalid: already reported
    w.team?.c.report(EstateCode.UnknownService, `unknown service ${f.service}: no directory services/${f.service}`, ['spec', 'services', f.index ?? 0], didYouMean(f.service, w.serviceNames));
  },
};

function reportOwnership(f: OwnershipFinding, teams: Map<string, ReadTeam>, input: LoadAccessInput, teamNames: string[]): void {
  const service = input.services.get(f.service);
  const where: OwnershipWhere = { serviceFile: service?.file ?? 'its service.yaml', teamNames, serviceNames: input.serviceNames };
  if (service) where.service = new DocChecker(service.file, service.document, input.problems);
  const team = f.team === undefined ? undefined : teams.get(f.team);
  if (team) where.team = team;
  OWNERSHIP_REPORTS[f.kind](f, where);
}

/** Environment names of a team's access: those of spec.environments, or else of the clusters. */
function checkEnvironments(teams: Map<string, ReadTeam>, input: LoadAccessInput): void {
  const declared = isObject(input.spec.environments ?? null) ? Object.keys(input.spec.environments as JsonObject) : undefined;
  const clusters = Array.isArray(input.spec.clusters) ? input.spec.clusters : [];
  const known = declared ?? [...new Set(clusters.flatMap((cl) => (isObject(cl) && typeof cl.environment === 'string' ? [cl.environment] : [])))];
  for (const { spec, c } of teams.values()) {
    for (const env of Object.keys(spec.access)) {
      if (!known.includes(env)) c.report(EstateCode.UnknownEnvironment, `unknown environment ${env}`, ['spec', 'access', env], didYouMean(env, known) ?? `known environments: ${known.join(', ')}`);
    }
  }
}

function checkGroups(teams: Map<string, ReadTeam>): void {
  const seen = new Map<string, TeamSpec>();
  for (const { spec, c } of teams.values()) {
    const first = seen.get(spec.kubernetesGroup);
    if (first) c.report(EstateCode.DuplicateGroup, `group ${spec.kubernetesGroup} is already team ${first.name}'s`, ['spec', 'kubernetesGroup'], 'each team needs its own group, or the teams share every permission');
    else seen.set(spec.kubernetesGroup, spec);
  }
}

/** Typed view of a service's spec.workloadIdentity (already shape-checked). */
export function toWorkloadIdentity(value: JsonObject, service: string, at: SourcePoint): WorkloadIdentity {
  return {
    roleArn: value.roleArn as string,
    mode: value.mode as WorkloadIdentityMode,
    serviceAccount: (value.serviceAccount as string | undefined) ?? service,
    overrides: (value.overrides as Record<string, string> | undefined) ?? {},
    at,
  };
}

/** Override keys name a region or cluster; one ServiceAccount in a namespace has one role. */
function checkWorkloadIdentities(input: LoadAccessInput): void {
  const clusters = Array.isArray(input.spec.clusters) ? input.spec.clusters.filter(isObject) : [];
  const places = [...new Set(clusters.flatMap((cl) => [cl.name, cl.region]).filter((v): v is string => typeof v === 'string'))];
  const accounts = new Map<string, { service: string; roleArn: string }>();
  for (const service of input.services.values()) {
    const wi = service.workloadIdentity;
    if (!wi) continue;
    const c = new DocChecker(service.file, service.document, input.problems);
    for (const key of Object.keys(wi.overrides)) {
      if (!places.includes(key)) c.report(EstateCode.BadValue, `override ${key} is neither a region nor a cluster of the estate`, ['spec', 'workloadIdentity', 'overrides', key], didYouMean(key, places));
    }
    const key = `${service.namespace}/${wi.serviceAccount}`;
    const other = accounts.get(key);
    if (other && other.roleArn !== wi.roleArn) {
      c.report(EstateCode.DuplicateServiceAccount, `ServiceAccount ${key} already runs as ${other.roleArn} for ${other.service}`, ['spec', 'workloadIdentity', 'serviceAccount'], 'give each service its own ServiceAccount');
    } else accounts.set(key, { service: service.name, roleArn: wi.roleArn });
  }
}
