import type { Gvk } from '../../core/resource-id.js';
import type { Resource } from '../../core/resource.js';
import type { BuildContext } from '../context.js';
import { RenderCode } from '../errors.js';
import { scalarText, setScalars } from '../field-specs-apply.js';
import { specMatches, type FieldSpec } from '../field-specs.js';
import type { ResMap } from '../resmap.js';

/** Kinds whose names kustomize never prefixes or suffixes (judged by the object's original id). */
const NEVER_RENAMED: readonly Partial<Gvk>[] = [
  { kind: 'CustomResourceDefinition' },
  { group: 'apiregistration.k8s.io', kind: 'APIService' },
  { kind: 'Namespace' },
];

/**
 * The shared body of namePrefix and nameSuffix: for every object (except the
 * kinds above) and every matching field spec, rewrite the field; on
 * `metadata/name` also note the affix for name references and remember the
 * old id first.
 */
export function applyNameAffix(
  resources: ResMap,
  ctx: BuildContext,
  field: 'namePrefix' | 'nameSuffix',
  specs: readonly FieldSpec[],
  rename: (old: string) => string,
  noteAffix: (r: Resource) => void,
): void {
  const source = ctx.sourceOf([field]);
  for (const r of resources) {
    const original = r.originalId;
    if (NEVER_RENAMED.some((skip) => specMatches({ path: '', ...skip }, original))) continue;
    for (const spec of specs) {
      if (!specMatches(spec, original)) continue;
      const oldName = r.name;
      if (spec.path === 'metadata/name') {
        noteAffix(r);
        r.rememberId();
      }
      const changed = setScalars(r, [spec], (old) => rename(scalarText(old)), RenderCode.InvalidResource);
      if (changed) {
        const detail = spec.path === 'metadata/name' ? `name ${oldName} → ${r.name}` : `${spec.path} renamed`;
        r.record({ transformer: field, source, detail });
      }
    }
  }
}
