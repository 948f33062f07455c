/**
 * Objects in `default` mix with whatever else lands there and escape the
 * per-namespace policies (quotas, PodSecurity labels, NetworkPolicies).
 * An object without a namespace goes wherever kubectl's context points.
 */
import { defineRule } from './define.js';
import { indexOf } from './indexes.js';
import { isNamespaced } from './scope.js';

export const defaultNamespace = defineRule({
  name: 'default-namespace',
  category: 'hygiene',
  severity: 'warning',
  description: 'Namespaced objects should name a namespace other than `default`.',
  remediation: 'Set `namespace:` in the kustomization (or `metadata.namespace`) to the team\'s or service\'s namespace.',
  check(resource, context, report) {
    const ns = resource.namespace;
    if (ns !== '' && ns !== 'default') return;
    if (!isNamespaced(resource, indexOf(context))) return;
    report(['metadata', 'namespace'], ns === ''
      ? `${resource.kind} sets no namespace, so it lands in the current context's namespace (usually default)`
      : `${resource.kind} is in the default namespace`);
  },
});
