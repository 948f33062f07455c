/** A pod referring to a ConfigMap that does not exist stays in CreateContainerConfigError. */
import { isObject, type JsonValue } from '../../core/json.js';
import type { FieldPath } from '../finding.js';
import { defineRule } from './define.js';
import { indexOf } from './indexes.js';
import { dig, items, namespaceOf, str } from './values.js';
import { POD_KINDS, runningContainers, type Workload, workloadOf } from './workloads.js';

/** Published into every namespace by the control plane. */
const ALWAYS_PRESENT = new Set(['kube-root-ca.crt']);

interface Reference {
  name: string;
  path: FieldPath;
}

export const configMapRefMissing = defineRule({
  name: 'configmap-ref-missing',
  category: 'reliability',
  severity: 'warning',
  description: 'ConfigMaps a pod requires (not marked optional) should be part of the same set.',
  remediation: 'Add the ConfigMap (or its generator) to the kustomization, fix the name, or mark the reference `optional: true`.',
  kinds: POD_KINDS,
  check(resource, context, report) {
    const w = workloadOf(resource);
    if (!w) return;
    const index = indexOf(context);
    const ns = namespaceOf(resource);
    for (const ref of requiredReferences(w)) {
      if (!ALWAYS_PRESENT.has(ref.name) && !index.find('', 'ConfigMap', ns, ref.name)) {
        report(ref.path, `ConfigMap "${ref.name}" does not exist in namespace "${ns}"`);
      }
    }
  },
});

function requiredReferences(w: Workload): Reference[] {
  const out: Reference[] = [];
  const add = (ref: JsonValue | undefined, path: FieldPath): void => {
    if (!isObject(ref) || ref.optional === true) return;
    const name = str(ref.name);
    if (name) out.push({ name, path: [...path, 'name'] });
  };
  for (const c of runningContainers(w)) {
    items(c.container.env).forEach((env, i) => add(dig(env, 'valueFrom', 'configMapKeyRef'), [...c.path, 'env', i, 'valueFrom', 'configMapKeyRef']));
    items(c.container.envFrom).forEach((source, i) => add(dig(source, 'configMapRef'), [...c.path, 'envFrom', i, 'configMapRef']));
  }
  items(w.spec.volumes).forEach((volume, i) => {
    const base = [...w.specPath, 'volumes', i];
    add(dig(volume, 'configMap'), [...base, 'configMap']);
    items(dig(volume, 'projected', 'sources')).forEach((source, j) => add(dig(source, 'configMap'), [...base, 'projected', 'sources', j, 'configMap']));
  });
  return out;
}
