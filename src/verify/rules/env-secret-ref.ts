/** Secrets in environment variables leak into crash dumps, child processes and debug output; files do not. */
import { isObject } from '../../core/json.js';
import { defineRule } from './define.js';
import { dig, items, str } from './values.js';
import { POD_KINDS, runningContainers, workloadOf } from './workloads.js';

export const envSecretRef = defineRule({
  name: 'env-secret-ref',
  category: 'security',
  severity: 'info',
  description: 'Secrets are better mounted as files than passed as environment variables.',
  remediation: 'Mount the Secret as a volume (read-only) and read the file; files also pick up rotations without a restart.',
  kinds: POD_KINDS,
  check(resource, _context, report) {
    const w = workloadOf(resource);
    if (!w) return;
    for (const c of runningContainers(w)) {
      items(c.container.env).forEach((env, i) => {
        const ref = dig(env, 'valueFrom', 'secretKeyRef');
        if (isObject(ref)) {
          report([...c.path, 'env', i, 'valueFrom', 'secretKeyRef'], `container "${c.name}" reads ${str(dig(env, 'name')) ?? ''} from Secret "${str(ref.name) ?? ''}" into the environment`);
        }
      });
      items(c.container.envFrom).forEach((source, i) => {
        const ref = dig(source, 'secretRef');
        if (isObject(ref)) report([...c.path, 'envFrom', i, 'secretRef'], `container "${c.name}" loads Secret "${str(ref.name) ?? ''}" into the environment`);
      });
    }
  },
});
