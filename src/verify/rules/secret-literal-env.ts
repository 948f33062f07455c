/** A credential written as a literal env value is in the repository, the rendered output and `kubectl get -o yaml`. */
import { isObject } from '../../core/json.js';
import { defineRule } from './define.js';
import { looksLikeReference, looksLikeSecretName } from './secret-names.js';
import { items, str } from './values.js';
import { POD_KINDS, runningContainers, workloadOf } from './workloads.js';

export const secretLiteralEnv = defineRule({
  name: 'secret-literal-env',
  category: 'security',
  severity: 'error',
  description: 'Credentials must not be written as literal environment values.',
  remediation: 'Store the value in a Secret (or an external secret store) and mount it as a file, or reference it with `valueFrom.secretKeyRef`.',
  kinds: POD_KINDS,
  check(resource, _context, report) {
    const w = workloadOf(resource);
    if (!w) return;
    for (const c of runningContainers(w)) {
      items(c.container.env).forEach((env, i) => {
        if (!isObject(env)) return;
        const name = str(env.name) ?? '';
        const value = str(env.value) ?? '';
        if (value !== '' && looksLikeSecretName(name) && !looksLikeReference(value)) {
          report([...c.path, 'env', i, 'value'], `container "${c.name}" sets ${name} to a literal value`);
        }
      });
    }
  },
});
