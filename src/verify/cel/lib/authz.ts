/**
 * Kubernetes authorizer library (kubernetes.authz, from 1.27), stubbed:
 * offline there is no authorizer to ask, so checks answer from a policy the
 * caller gives (by default everything is denied, with a reason that says
 * why). The builder chain has the upstream shape:
 *
 *   authorizer.group('apps').resource('deployments').namespace('ns').check('create').allowed()
 *   authorizer.serviceAccount('ns', 'sa').path('/healthz').check('get').allowed()
 *   authorizer.requestResource.check('delete').reason()
 */
import type { Environment } from '@marcbachmann/cel-js';
import { v, type CelLibrary } from '../library.js';

/** What an offline check is about; the caller's policy decides. */
export interface AuthorizationRequest {
  user: string;
  path?: string;
  group?: string;
  resource?: string;
  subresource?: string;
  namespace?: string;
  name?: string;
  verb: string;
}

export type AuthorizationPolicy = (request: AuthorizationRequest) => boolean;

export const DENY_ALL: AuthorizationPolicy = () => false;

export class AuthzDecision {
  constructor(readonly allowed: boolean, readonly reason: string) {}
}

export class AuthzPathCheck {
  constructor(readonly authorizer: Authorizer, readonly path: string) {}
}

export class AuthzResourceCheck {
  constructor(readonly authorizer: Authorizer, readonly attrs: Omit<AuthorizationRequest, 'user' | 'verb'>) {}

  with(change: Partial<AuthorizationRequest>): AuthzResourceCheck {
    return new AuthzResourceCheck(this.authorizer, { ...this.attrs, ...change });
  }
}

export class AuthzGroupCheck {
  constructor(readonly authorizer: Authorizer, readonly group: string) {}
}

export class Authorizer {
  /** The resource of the request being admitted, for `authorizer.requestResource`. */
  readonly requestResource: AuthzResourceCheck;

  constructor(readonly user: string, readonly policy: AuthorizationPolicy, request: Omit<AuthorizationRequest, 'user' | 'verb'> = {}) {
    this.requestResource = new AuthzResourceCheck(this, request);
  }

  decide(request: Omit<AuthorizationRequest, 'user'>): AuthzDecision {
    const allowed = this.policy({ ...request, user: this.user });
    return new AuthzDecision(allowed, allowed ? '' : 'offline evaluation: no authorizer is consulted, the check is denied');
  }
}

function install(env: Environment): void {
  env
    .registerType('Authorizer', { ctor: Authorizer, fields: { requestResource: 'ResourceCheck' } })
    .registerType('PathCheck', AuthzPathCheck)
    .registerType('GroupCheck', AuthzGroupCheck)
    .registerType('ResourceCheck', AuthzResourceCheck)
    .registerType('Decision', AuthzDecision)
    .registerFunction('Authorizer.path(string): PathCheck', (a: Authorizer, path: string) => new AuthzPathCheck(a, path))
    .registerFunction('Authorizer.group(string): GroupCheck', (a: Authorizer, group: string) => new AuthzGroupCheck(a, group))
    .registerFunction('Authorizer.serviceAccount(string, string): Authorizer', (a: Authorizer, ns: string, name: string) =>
      new Authorizer(`system:serviceaccount:${ns}:${name}`, a.policy))
    .registerFunction('GroupCheck.resource(string): ResourceCheck', (g: AuthzGroupCheck, resource: string) =>
      new AuthzResourceCheck(g.authorizer, { group: g.group, resource }))
    .registerFunction('ResourceCheck.subresource(string): ResourceCheck', (r: AuthzResourceCheck, subresource: string) => r.with({ subresource }))
    .registerFunction('ResourceCheck.namespace(string): ResourceCheck', (r: AuthzResourceCheck, namespace: string) => r.with({ namespace }))
    .registerFunction('ResourceCheck.name(string): ResourceCheck', (r: AuthzResourceCheck, name: string) => r.with({ name }))
    .registerFunction('ResourceCheck.check(string): Decision', (r: AuthzResourceCheck, verb: string) => r.authorizer.decide({ ...r.attrs, verb }))
    .registerFunction('PathCheck.check(string): Decision', (p: AuthzPathCheck, verb: string) => p.authorizer.decide({ path: p.path, verb }))
    .registerFunction('Decision.allowed(): bool', (d: AuthzDecision) => d.allowed)
    .registerFunction('Decision.reason(): string', (d: AuthzDecision) => d.reason)
    .registerFunction('Decision.errored(): bool', () => false)
    .registerFunction('Decision.error(): string', () => '');
}

export const authzLibrary: CelLibrary = { name: 'kubernetes.authz', since: v(1, 27), install };
