/** Images must name a fixed tag (or digest): `latest` and untagged images change under a running workload. */
import { defineRule } from './define.js';
import { parseImage } from './images.js';
import { str } from './values.js';
import { POD_KINDS, workloadOf } from './workloads.js';

export const latestTag = defineRule({
  name: 'latest-tag',
  category: 'security',
  severity: 'warning',
  description: 'Container images must be pinned to a version tag or digest, not `latest` or no tag.',
  remediation: 'Set the image to a specific version tag (e.g. `nginx:1.27.2`) or a digest, e.g. with kustomize `images:`.',
  kinds: POD_KINDS,
  check(resource, _context, report) {
    for (const c of workloadOf(resource)?.containers ?? []) {
      const image = str(c.container.image);
      if (image === undefined || image === '') continue;
      const ref = parseImage(image);
      if (ref.digest !== undefined) continue;
      if (ref.tag === undefined) report([...c.path, 'image'], `container "${c.name}" image "${image}" has no tag, so it means latest`);
      else if (ref.tag === 'latest') report([...c.path, 'image'], `container "${c.name}" image "${image}" uses the latest tag`);
    }
  },
});
