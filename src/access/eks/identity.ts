/**
 * IAM principal → Kubernetes identity, as EKS authenticates it: an access
 * entry wins over aws-auth (API_AND_CONFIG_MAP); aws-auth mapRoles matches
 * the caller's role without its path (SSO permission-set roles included),
 * then mapUsers, then mapAccounts. Username and group templates are filled
 * in ({{SessionName}} with `@` → `-`, {{AccountID}}, …).
 */
import { parseRoleArn, stripRolePath } from '../teams/arn.js';
import { AUTHENTICATED_GROUP } from '../evaluate/subjects.js';
import type { AccessPolicyAssociation } from '../model.js';
import type { IdentityMapping } from './mappings.js';

export interface Caller {
  /** `arn:aws:iam::A:role/[PATH/]NAME`, `arn:aws:sts::A:assumed-role/NAME/SESSION` or `arn:aws:iam::A:user/NAME`. */
  arn: string;
  /** Role session name ({{SessionName}}); from an assumed-role ARN, else this, else `session`. */
  sessionName?: string;
  accessKeyId?: string;
}

export interface ResolvedIdentity {
  /** The principal as EKS matches it: a role ARN without path, or a user ARN. */
  principal: string;
  username: string;
  groups: string[];
  /** The mapping that authenticated the caller. */
  mapping: IdentityMapping;
  /** EKS access policies of the access entry (none for aws-auth). */
  policies: AccessPolicyAssociation[];
}

interface CanonicalCaller {
  kind: 'role' | 'user';
  principal: string;
  account: string;
  session: string;
  /** Username EKS gives an access entry without one. */
  entryDefault: string;
}

const ASSUMED_ROLE = /^arn:([\w-]+):sts::(\d{12}):assumed-role\/([^/]+)\/(.+)$/;
const USER = /^arn:([\w-]+):iam::(\d{12}):user\/(?:.*\/)?[^/]+$/;

export function canonicalCaller(caller: Caller): CanonicalCaller | undefined {
  const assumed = ASSUMED_ROLE.exec(caller.arn);
  if (assumed) {
    const [, partition, account, name, session] = assumed as unknown as [string, string, string, string, string];
    const principal = `arn:${partition}:iam::${account}:role/${name}`;
    return { kind: 'role', principal, account, session, entryDefault: `arn:${partition}:sts::${account}:assumed-role/${name}/{{SessionName}}` };
  }
  const role = parseRoleArn(caller.arn);
  if (role) {
    const principal = stripRolePath(caller.arn);
    const entryDefault = `arn:${role.partition}:sts::${role.account}:assumed-role/${role.name}/{{SessionName}}`;
    return { kind: 'role', principal, account: role.account, session: caller.sessionName ?? 'session', entryDefault };
  }
  const user = USER.exec(caller.arn);
  if (user) return { kind: 'user', principal: caller.arn, account: user[2]!, session: caller.sessionName ?? 'session', entryDefault: caller.arn };
  return undefined;
}

/** The identity EKS gives `caller`, or undefined when nothing maps it (it cannot authenticate). */
export function resolveIdentity(caller: Caller, mappings: readonly IdentityMapping[]): ResolvedIdentity | undefined {
  const c = canonicalCaller(caller);
  if (!c) return undefined;
  const same = (a: string, b: string): boolean => a.toLowerCase() === b.toLowerCase();
  const entry = mappings.find((m) => m.source === 'access-entry' && same(c.kind === 'role' ? stripRolePath(m.arn) : m.arn, c.principal));
  const mapped =
    entry ??
    mappings.find((m) => m.source === (c.kind === 'role' ? 'aws-auth/mapRoles' : 'aws-auth/mapUsers') && same(m.arn, c.principal)) ??
    mappings.find((m) => m.source === 'aws-auth/mapAccounts' && m.arn === c.account);
  if (!mapped) return undefined;
  const fill = (text: string): string => fillTemplate(text, c, caller);
  const { username, groups } = identityOf(mapped, c);
  return {
    principal: c.principal,
    username: fill(username),
    groups: [...new Set([...groups.map(fill), AUTHENTICATED_GROUP])],
    mapping: mapped,
    policies: mapped.entryType === undefined || mapped.entryType === 'STANDARD' ? mapped.policies : [],
  };
}

const NODE_TYPES = new Set(['EC2_LINUX', 'EC2_WINDOWS', 'HYBRID_LINUX', 'EC2', 'HYPERPOD_LINUX']);

/** Username and groups before templates: what was written, or the defaults of the mapping's kind. */
function identityOf(m: IdentityMapping, c: CanonicalCaller): { username: string; groups: string[] } {
  if (m.source === 'aws-auth/mapAccounts') return { username: c.principal, groups: [] };
  if (m.source === 'access-entry') {
    if (m.entryType && NODE_TYPES.has(m.entryType)) return { username: 'system:node:{{EC2PrivateDNSName}}', groups: ['system:bootstrappers', 'system:nodes'] };
    if (m.entryType === 'FARGATE_LINUX') return { username: 'system:node:{{SessionName}}', groups: ['system:bootstrappers', 'system:nodes', 'system:node-proxier'] };
    return { username: m.username || c.entryDefault, groups: m.groups };
  }
  return { username: m.username || c.principal, groups: m.groups };
}

/** aws-iam-authenticator's template variables. */
export function fillTemplate(text: string, c: Pick<CanonicalCaller, 'account' | 'session'>, caller: Pick<Caller, 'accessKeyId'> = {}): string {
  return text
    .replaceAll('{{AccountID}}', c.account)
    .replaceAll('{{SessionNameRaw}}', c.session)
    .replaceAll('{{SessionName}}', c.session.replaceAll('@', '-'))
    .replaceAll('{{AccessKeyID}}', caller.accessKeyId ?? 'ASIAEXAMPLEKEYID')
    .replaceAll('{{EC2PrivateDNSName}}', 'ip-10-0-0-1.ec2.internal');
}

/** Reverse map: Kubernetes group → the mappings that put principals in it (for who-can's "which IAM roles"). */
export function principalsByGroup(mappings: readonly IdentityMapping[]): Map<string, IdentityMapping[]> {
  const out = new Map<string, IdentityMapping[]>();
  for (const m of mappings) {
    for (const g of m.groups) {
      const list = out.get(g);
      if (list) list.push(m);
      else out.set(g, [m]);
    }
  }
  return out;
}
