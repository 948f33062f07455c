/** Advice: a digest pins the exact bytes a tag pointed to when it was tested. */
import { defineRule } from './define.js';
import { parseImage } from './images.js';
import { str } from './values.js';
import { POD_KINDS, workloadOf } from './workloads.js';

export const imageDigest = defineRule({
  name: 'image-digest',
  category: 'security',
  severity: 'info',
  description: 'Container images should be pinned by digest so a re-pushed tag cannot change what runs.',
  remediation: 'Append the digest (`image: repo:1.2.3@sha256:…`), e.g. with kustomize `images: [{name, digest}]`.',
  kinds: POD_KINDS,
  check(resource, _context, report) {
    for (const c of workloadOf(resource)?.containers ?? []) {
      const image = str(c.container.image);
      if (image === undefined || image === '') continue;
      if (parseImage(image).digest === undefined) report([...c.path, 'image'], `container "${c.name}" image "${image}" is not pinned by digest`);
    }
  },
});
