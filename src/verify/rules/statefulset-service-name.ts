/** A StatefulSet's pods get stable DNS names only through the governing Service it names. */
import { defineRule } from './define.js';
import { indexOf } from './indexes.js';
import { dig, isKind, namespaceOf, str } from './values.js';

export const statefulSetServiceName = defineRule({
  name: 'statefulset-service-name',
  category: 'reliability',
  severity: 'warning',
  description: 'The governing Service a StatefulSet names should exist in the same set.',
  remediation: 'Add a headless Service (`clusterIP: None`) with that name selecting the pods, or fix `spec.serviceName`.',
  kinds: ['StatefulSet'],
  check(resource, context, report) {
    if (!isKind(resource, 'apps', 'StatefulSet')) return;
    const name = str(dig(resource.obj, 'spec', 'serviceName')) ?? '';
    if (name === '') return;
    const ns = namespaceOf(resource);
    if (!indexOf(context).find('', 'Service', ns, name)) {
      report(['spec', 'serviceName'], `governing Service "${name}" does not exist in namespace "${ns}"`);
    }
  },
});
