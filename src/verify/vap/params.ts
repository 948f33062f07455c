/**
 * Parameter resources for a binding: `paramRef.name` picks one object of
 * the policy's paramKind, `paramRef.selector` every matching one, in
 * `paramRef.namespace`, else (for a namespaced kind) the request's
 * namespace. Found params are evaluated one by one; none found follows
 * `parameterNotFoundAction`.
 */
import { parseApiVersion } from '../../core/resource-id.js';
import type { Resource } from '../../core/resource.js';
import type { KindCatalog } from './catalog.js';
import type { AdmissionRequest } from './request.js';
import { labelsOf, matchesSelector } from './selector.js';
import type { AdmissionPolicy, PolicyBinding } from './types.js';

export type ParamOutcome =
  | { kind: 'none' }
  | { kind: 'found'; params: Resource[] }
  | { kind: 'not-found'; action: 'Allow' | 'Deny' }
  | { kind: 'misconfigured'; message: string };

interface Candidate {
  resource: Resource;
  namespace: string;
}

export class ParamIndex {
  private readonly byKind = new Map<string, Candidate[]>();

  constructor(resources: readonly Resource[], private readonly catalog: KindCatalog, defaultNamespace: string) {
    for (const resource of resources) {
      const key = `${resource.id.group}/${resource.id.kind}`;
      const info = catalog.lookup(resource.id.group, resource.id.kind, resource.namespace !== '');
      const namespace = info.namespaced ? resource.namespace || defaultNamespace : '';
      const list = this.byKind.get(key) ?? [];
      list.push({ resource, namespace });
      this.byKind.set(key, list);
    }
  }

  resolve(policy: AdmissionPolicy, binding: PolicyBinding, req: AdmissionRequest): ParamOutcome {
    const paramKind = policy.paramKind;
    if (!paramKind) return { kind: 'none' };
    const ref = binding.paramRef;
    if (!ref) return { kind: 'misconfigured', message: `policy ${policy.name} has a paramKind, but binding ${binding.name} has no paramRef` };
    const { group } = parseApiVersion(paramKind.apiVersion);
    const namespaced = this.catalog.lookup(group, paramKind.kind, true).namespaced;
    let namespace = '';
    if (namespaced) {
      namespace = ref.namespace ?? req.namespace;
      if (namespace === '') {
        return { kind: 'misconfigured', message: `binding ${binding.name} needs paramRef.namespace: ${paramKind.kind} is namespaced and ${req.kind} ${req.name} is not` };
      }
    }
    const candidates = (this.byKind.get(`${group}/${paramKind.kind}`) ?? []).filter((c) => c.namespace === namespace);
    const params = candidates
      .filter((c) => (ref.name !== undefined ? c.resource.name === ref.name : matchesSelector(ref.selector!, labelsOf(c.resource.obj))))
      .map((c) => c.resource);
    return params.length > 0 ? { kind: 'found', params } : { kind: 'not-found', action: ref.parameterNotFoundAction };
  }
}
