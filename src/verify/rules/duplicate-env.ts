/** With duplicate env names only the last value counts, which is rarely what the earlier line meant. */
import { isObject } from '../../core/json.js';
import { defineRule } from './define.js';
import { items, str } from './values.js';
import { POD_KINDS, runningContainers, workloadOf } from './workloads.js';

export const duplicateEnv = defineRule({
  name: 'duplicate-env',
  category: 'reliability',
  severity: 'warning',
  description: 'A container must not define the same environment variable twice.',
  remediation: 'Remove one of the entries (check patches that append to `env`).',
  kinds: POD_KINDS,
  check(resource, _context, report) {
    const w = workloadOf(resource);
    if (!w) return;
    for (const c of runningContainers(w)) {
      const seen = new Set<string>();
      items(c.container.env).forEach((env, i) => {
        const name = isObject(env) ? str(env.name) : undefined;
        if (name === undefined) return;
        if (seen.has(name)) report([...c.path, 'env', i, 'name'], `container "${c.name}" defines ${name} more than once`);
        seen.add(name);
      });
    }
  },
});
