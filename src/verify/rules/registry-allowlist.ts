/** Images only from the registries the estate allows (the check is off when none are configured). */
import { defineRule } from './define.js';
import { isAllowedImage, parseImage, qualifiedName } from './images.js';
import { str } from './values.js';
import { POD_KINDS, workloadOf } from './workloads.js';

export const registryAllowlist = defineRule({
  name: 'registry-allowlist',
  category: 'security',
  severity: 'error',
  description: 'Container images must come from an allowed registry.',
  remediation: 'Pull the image through an allowed registry (mirror it there), or add the registry to the estate allowlist.',
  kinds: POD_KINDS,
  check(resource, context, report) {
    const allowed = context.allowedRegistries;
    if (!allowed || allowed.length === 0) return;
    for (const c of workloadOf(resource)?.containers ?? []) {
      const image = str(c.container.image);
      if (image === undefined || image === '') continue;
      const ref = parseImage(image);
      if (!isAllowedImage(ref, allowed)) {
        report([...c.path, 'image'], `container "${c.name}" image "${image}" (${qualifiedName(ref)}) is not from an allowed registry: ${allowed.join(', ')}`);
      }
    }
  },
});
