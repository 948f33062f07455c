import { gvkString, parseApiVersion, sameGvk, type Gvk, type ResourceId } from '../../core/resource-id.js';
import type { Resource } from '../../core/resource.js';
import type { VarArgs } from '../kustomization.js';
import type { ResMap } from '../resmap.js';
import { effectiveNamespace } from '../select.js';

/** Where a var's binding lives on a resource; meta survives clone() and is never serialised. */
const REF_VAR_NAMES = 'refVarNames';

/** The objref's GVK: `apiVersion` wins over `group`/`version` (kustomize's Target.GVK()). */
export function objrefGvk(spec: VarArgs): Gvk {
  const ref = spec.objref ?? {};
  const kind = ref.kind ?? '';
  if (ref.apiVersion) return { ...parseApiVersion(ref.apiVersion), kind };
  return { group: ref.group ?? '', version: ref.version ?? '', kind };
}

/**
 * Resources whose current or previous id the var's objref names. The GVK must be
 * equal (an objref without apiVersion matches nothing); an empty namespace matches
 * any namespace. A given namespace is compared with the resource's effective one,
 * which for a cluster-scoped kind is none, so it never matches (checked with kubectl:
 * kustomize knows the scope of resource ids but not of the objref's).
 */
export function matchVarTarget(resources: ResMap, spec: VarArgs): Resource[] {
  const gvk = objrefGvk(spec);
  const name = spec.objref?.name ?? '';
  const namespace = spec.objref?.namespace ?? '';
  const matches = (id: ResourceId) =>
    id.name === name && sameGvk(id, gvk) && (namespace === '' || effectiveNamespace(id) === namespace);
  return resources.all().filter((r) => r.allIds.some(matches));
}

export function bindVar(resource: Resource, name: string): void {
  const names = (resource.meta[REF_VAR_NAMES] as string[] | undefined) ?? [];
  // A new array each time: clones share meta values.
  resource.meta[REF_VAR_NAMES] = [...names, name];
}

/** The first resource (ResMap order) a var of this name was bound to. */
export function findBoundResource(resources: ResMap, name: string): Resource | undefined {
  return resources.all().find((r) => ((r.meta[REF_VAR_NAMES] as string[] | undefined) ?? []).includes(name));
}

/** kustomize's `{NAME Kind.version.group {fieldpath}}` rendering of a var, for messages. */
export function varLabel(spec: VarArgs): string {
  return `'{${spec.name} ${gvkString(objrefGvk(spec))} {${spec.fieldref?.fieldpath ?? 'metadata.name'}}}'`;
}
