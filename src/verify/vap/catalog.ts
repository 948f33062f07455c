/**
 * What the apiserver's REST mapping knows about a kind: its plural resource
 * name and whether it is namespaced. Built-in kinds come from a table
 * derived from the Kubernetes OpenAPI; custom kinds from the
 * CustomResourceDefinitions in the same set; anything else is guessed the
 * way apimachinery guesses (lower-case plural; namespaced if it has one).
 */
import { isObject, type JsonObject } from '../../core/json.js';
import type { Resource } from '../../core/resource.js';
import { BUILTIN_RESOURCES } from './resource-data.js';

export interface KindInfo {
  resource: string;
  namespaced: boolean;
  /** True when neither the table nor a CRD knew the kind. */
  guessed: boolean;
}

/** apimachinery's UnsafeGuessKindToResource. */
export function guessPlural(kind: string): string {
  const singular = kind.toLowerCase();
  if (singular.endsWith('s')) return `${singular}es`;
  if (singular.endsWith('y')) return `${singular.slice(0, -1)}ies`;
  return `${singular}s`;
}

function str(obj: JsonObject | undefined, key: string): string {
  const v = obj?.[key];
  return typeof v === 'string' ? v : '';
}

export class KindCatalog {
  private readonly custom = new Map<string, KindInfo>();

  constructor(resources: readonly Resource[]) {
    for (const r of resources) {
      if (r.kind !== 'CustomResourceDefinition' || r.id.group !== 'apiextensions.k8s.io') continue;
      const spec = isObject(r.obj.spec) ? r.obj.spec : undefined;
      const names = isObject(spec?.names) ? spec.names : undefined;
      const group = str(spec, 'group');
      const kind = str(names, 'kind');
      const plural = str(names, 'plural');
      if (group && kind && plural) this.custom.set(`${group}/${kind}`, { resource: plural, namespaced: str(spec, 'scope') !== 'Cluster', guessed: false });
    }
  }

  lookup(group: string, kind: string, hasNamespace: boolean): KindInfo {
    const key = `${group}/${kind}`;
    const builtin = BUILTIN_RESOURCES[key];
    if (builtin) return { resource: builtin[0], namespaced: builtin[1], guessed: false };
    return this.custom.get(key) ?? { resource: guessPlural(kind), namespaced: hasNamespace, guessed: true };
  }
}
