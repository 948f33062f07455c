import type { Resource } from '../core/resource.js';
import type { Accumulator, Build, Target } from './accumulate.js';
import { addManagedByLabel, writeBuildAnnotations } from './build-metadata.js';
import { KustomizationContext } from './context-impl.js';
import type { FieldSpecConfig } from './field-specs-config.js';
import { finishAnnotations } from './finish-annotations.js';
import { applyHashSuffixes } from './generators/index.js';
import { BUILTIN_NAME_REFERENCES, fixNameReferences, type NameBackReference } from './nameref/index.js';
import type { ResMap } from './resmap.js';
import { sortResources } from './sort.js';
import { resolveVars } from './vars/index.js';

const LOCAL_CONFIG = 'config.kubernetes.io/local-config';

/**
 * The top-level-only stages, in kustomize's order: hash suffixes, name
 * references, vars, dropping local-config objects, sorting, then the
 * build metadata kustomize adds last and the internal annotations it strips.
 */
export function finishTopLevel(build: Build, top: Target, acc: Accumulator): Resource[] {
  const resources = acc.resources;
  const ctx = new KustomizationContext(top.loader, top.loaded, '', () => acc.config);
  applyHashSuffixes(resources);
  fixNameReferences(resources, nameReferenceTable(acc.config));
  resolveVars(resources, acc.vars, acc.config.varReference);
  dropLocalConfig(resources);
  sortResources(resources, top.loaded.kustomization.sortOptions, ctx.where(['sortOptions']));
  const metadata = build.metadata;
  const keep = { origin: metadata.originAnnotations, transformations: metadata.transformerAnnotations };
  for (const r of resources) {
    if (metadata.managedByLabel) addManagedByLabel(r);
    if (metadata.track) writeBuildAnnotations(r);
    finishAnnotations(r, keep);
  }
  return resources.all();
}

/** Objects annotated `config.kubernetes.io/local-config` with any value but "false" are not output. */
function dropLocalConfig(resources: ResMap): void {
  resources.filter((r) => {
    const annotations = (r.obj.metadata as { annotations?: Record<string, unknown> } | undefined)?.annotations;
    if (!annotations || typeof annotations !== 'object' || !(LOCAL_CONFIG in annotations)) return true;
    return annotations[LOCAL_CONFIG] === 'false' || annotations[LOCAL_CONFIG] === false;
  });
}

/** The built-in nameReference table, extended by `configurations:`/`crds:` entries. */
function nameReferenceTable(config: FieldSpecConfig): readonly NameBackReference[] {
  if (config.nameReference.length === 0) return BUILTIN_NAME_REFERENCES;
  const table = BUILTIN_NAME_REFERENCES.map((ref) => ({ target: ref.target, referrers: [...ref.referrers] }));
  for (const custom of config.nameReference) {
    const target = { group: custom.group, version: custom.version, kind: custom.kind };
    const referrers = custom.fieldSpecs.map((fs) => ({ group: fs.group, version: fs.version, kind: fs.kind, path: fs.path }));
    const twin = table.find((ref) => sameGvk(ref.target, target));
    if (!twin) {
      table.push({ target, referrers });
      continue;
    }
    for (const r of referrers) if (!twin.referrers.some((t) => sameGvk(t, r) && t.path === r.path)) twin.referrers.push(r);
  }
  return table;
}

function sameGvk(a: { group?: string; version?: string; kind?: string }, b: { group?: string; version?: string; kind?: string }): boolean {
  return (a.group ?? '') === (b.group ?? '') && (a.version ?? '') === (b.version ?? '') && (a.kind ?? '') === (b.kind ?? '');
}
