/**
 * Who a binding's subject is, as the RBAC authorizer decides it: a User by
 * name, a Group by membership, a ServiceAccount by its username
 * `system:serviceaccount:NS:NAME` (namespace defaulting to the binding's).
 */
import type { Subject, UserInfo } from './types.js';

const SA_PREFIX = 'system:serviceaccount:';
export const AUTHENTICATED_GROUP = 'system:authenticated';
export const ALL_SERVICE_ACCOUNTS_GROUP = 'system:serviceaccounts';

export function serviceAccountUsername(namespace: string, name: string): string {
  return `${SA_PREFIX}${namespace}:${name}`;
}

/** `system:serviceaccount:NS:NAME` → {namespace, name}; undefined for other usernames. */
export function parseServiceAccountUsername(username: string): { namespace: string; name: string } | undefined {
  if (!username.startsWith(SA_PREFIX)) return undefined;
  const rest = username.slice(SA_PREFIX.length);
  const colon = rest.indexOf(':');
  if (colon <= 0 || colon === rest.length - 1 || rest.indexOf(':', colon + 1) >= 0) return undefined;
  return { namespace: rest.slice(0, colon), name: rest.slice(colon + 1) };
}

/** The groups every request of a ServiceAccount carries. */
export function serviceAccountGroups(namespace: string): string[] {
  return [ALL_SERVICE_ACCOUNTS_GROUP, `${ALL_SERVICE_ACCOUNTS_GROUP}:${namespace}`, AUTHENTICATED_GROUP];
}

/**
 * The identity `kubectl --as USER --as-group G` produces: the API server adds
 * `system:authenticated` (and a ServiceAccount's own groups) when impersonating.
 */
export function impersonatedUser(name: string, groups: readonly string[] = []): UserInfo {
  const all = [...groups];
  const sa = parseServiceAccountUsername(name);
  if (sa) all.push(...serviceAccountGroups(sa.namespace));
  if (name !== 'system:anonymous' && !all.includes(AUTHENTICATED_GROUP)) all.push(AUTHENTICATED_GROUP);
  return { name, groups: [...new Set(all)] };
}

/** The namespace a ServiceAccount subject names: its own, else the binding's ('' when neither). */
export function subjectServiceAccountNamespace(subject: Subject, bindingNamespace: string): string {
  return subject.namespace && subject.namespace !== '' ? subject.namespace : bindingNamespace;
}

/** appliesToUser of the RBAC authorizer. */
export function subjectAppliesTo(user: UserInfo, subject: Subject, bindingNamespace: string): boolean {
  switch (subject.kind) {
    case 'User':
      return user.name === subject.name;
    case 'Group':
      return user.groups.includes(subject.name);
    case 'ServiceAccount': {
      const ns = subjectServiceAccountNamespace(subject, bindingNamespace);
      return ns !== '' && user.name === serviceAccountUsername(ns, subject.name);
    }
    default:
      return false;
  }
}

/**
 * A stable key for "the same principal": `User:alice`, `Group:devs`,
 * `ServiceAccount:ns/name` (namespace resolved against the binding).
 */
export function subjectKey(subject: Subject, bindingNamespace = ''): string {
  if (subject.kind === 'ServiceAccount') return `ServiceAccount:${subjectServiceAccountNamespace(subject, bindingNamespace)}/${subject.name}`;
  return `${subject.kind}:${subject.name}`;
}

/** The subject with a ServiceAccount's namespace filled in from the binding. */
export function resolvedSubject(subject: Subject, bindingNamespace: string): Subject {
  if (subject.kind !== 'ServiceAccount') return { kind: subject.kind, name: subject.name };
  return { kind: 'ServiceAccount', name: subject.name, namespace: subjectServiceAccountNamespace(subject, bindingNamespace) };
}

/** `Group devs`, `User alice`, `ServiceAccount ns/name`. */
export function formatSubject(subject: Subject): string {
  if (subject.kind === 'ServiceAccount') return `ServiceAccount ${subject.namespace ?? ''}/${subject.name}`;
  return `${subject.kind} ${subject.name}`;
}
