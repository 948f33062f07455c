/** An autoscaler whose target is not there scales nothing. */
import { parseApiVersion } from '../../core/resource-id.js';
import { defineRule } from './define.js';
import { indexOf } from './indexes.js';
import { dig, isKind, namespaceOf, str } from './values.js';

export const hpaTargetMissing = defineRule({
  name: 'hpa-target-missing',
  category: 'reliability',
  severity: 'warning',
  description: 'A HorizontalPodAutoscaler should target a workload in the same set.',
  remediation: 'Fix `spec.scaleTargetRef` (apiVersion, kind, name) to name the workload, or add the workload.',
  kinds: ['HorizontalPodAutoscaler'],
  check(resource, context, report) {
    if (!isKind(resource, 'autoscaling', 'HorizontalPodAutoscaler')) return;
    const ref = dig(resource.obj, 'spec', 'scaleTargetRef');
    const kind = str(dig(ref, 'kind')) ?? '';
    const name = str(dig(ref, 'name')) ?? '';
    const { group } = parseApiVersion(str(dig(ref, 'apiVersion')) ?? '');
    const ns = namespaceOf(resource);
    if (!indexOf(context).find(group, kind, ns, name)) {
      report(['spec', 'scaleTargetRef', 'name'], `scale target ${kind}/${name} does not exist in namespace "${ns}"`);
    }
  },
});
