import { diag, DiagnosticError } from '../core/diagnostic.js';
import { isObject, type JsonObject, type JsonValue } from '../core/json.js';
import { shortId, type Gvk } from '../core/resource-id.js';
import type { Resource } from '../core/resource.js';
import { FieldPathError, specMatches, walkFieldSpec, type CreateKind, type FieldSpec } from './field-specs.js';

/**
 * Applying field specs to one resource, as the built-in transformers do.
 * Each helper reports whether anything changed, so transformers record
 * provenance only on the objects they really touched.
 */

/** Runs `visit` at every place the matching specs reach; a structural problem becomes a diagnostic with `code`. */
export function forEachField(
  resource: Resource,
  specs: readonly FieldSpec[],
  createKind: CreateKind | undefined,
  code: string,
  visit: (container: JsonObject | JsonValue[], key: string | number) => void,
): void {
  const gvk = resource.id;
  for (const spec of specs.length > 2 ? specsFor(specs, gvk) : specs) {
    if (!specMatches(spec, gvk)) continue;
    try {
      walkFieldSpec(resource.obj, spec, createKind, visit);
    } catch (err) {
      if (!(err instanceof FieldPathError)) throw err;
      throw new DiagnosticError([
        diag(code, `${shortId(resource.id)}: cannot reach '${err.specPath}': ${err.message} at '${err.at}'`, {
          file: resource.origin.file,
          line: resource.origin.line,
        }),
      ]);
    }
  }
}

/**
 * The specs that apply to objects of a group/version/kind, in their order;
 * remembered per (long) spec list, since every object of a kind asks the same.
 */
function specsFor(specs: readonly FieldSpec[], gvk: Gvk): readonly FieldSpec[] {
  let byKind = matchingSpecs.get(specs);
  if (!byKind) matchingSpecs.set(specs, (byKind = new Map()));
  let forKind = byKind.get(gvk.kind);
  if (!forKind) byKind.set(gvk.kind, (forKind = []));
  // A kind comes in very few group/versions: a short list beats building a key per lookup.
  let found = forKind.find((m) => m.group === gvk.group && m.version === gvk.version);
  if (!found) forKind.push((found = { group: gvk.group, version: gvk.version, specs: specs.filter((spec) => specMatches(spec, gvk)) }));
  return found.specs;
}

const matchingSpecs = new WeakMap<readonly FieldSpec[], Map<string, { group: string; version: string; specs: readonly FieldSpec[] }[]>>();

/**
 * Sets string entries in the maps the specs reach (labels, annotations),
 * creating maps where allowed.
 *
 * kustomize builds one YAML node per key per object and inserts that same
 * node wherever the key was missing, while a key already present gets the
 * new value copied into its existing node. So in one object, a label created
 * by one transformer in metadata/labels and in a selector stays linked: a
 * later transformer that changes it in one place changes it in both (an
 * overlay's plain `labels` entry can so reach a base's selector). The links
 * are kept in `ValueLinks` to reproduce that.
 */
export function setMapEntries(resource: Resource, specs: readonly FieldSpec[], entries: Readonly<Record<string, string>>, code: string): boolean {
  let changed = false;
  const keys = Object.keys(entries);
  const links = ValueLinks.of(resource);
  const created = new Map<string, LinkedValue>();
  forEachField(resource, specs, 'map', code, (container, key) => {
    const map = mapAt(resource, container, key, code);
    for (const k of keys) {
      const value = entries[k]!;
      if (k in map) {
        changed = links.assign(map, k, value) || changed;
        continue;
      }
      map[k] = value;
      let node = created.get(k);
      if (!node) created.set(k, (node = { value, slots: [] }));
      links.attach(map, k, node);
      changed = true;
    }
  });
  return changed;
}

function mapAt(resource: Resource, container: JsonObject | JsonValue[], key: string | number, code: string): JsonObject {
  const slot = container as Record<string | number, JsonValue>;
  const at = slot[key];
  if (isObject(at)) return at;
  if (at === null || at === undefined) return (slot[key] = {});
  throw new DiagnosticError([
    diag(code, `${shortId(resource.id)}: expected a map of strings at '${String(key)}', found ${typeof at}`, {
      file: resource.origin.file,
      line: resource.origin.line,
    }),
  ]);
}

interface LinkedValue {
  value: string;
  slots: { map: JsonObject; key: string }[];
}

/** Which label/annotation values of one object share a node (see setMapEntries). */
class ValueLinks {
  private readonly byMap = new WeakMap<JsonObject, Map<string, LinkedValue>>();

  static of(resource: Resource): ValueLinks {
    const existing = resource.meta[LINKS];
    if (existing instanceof ValueLinks) return existing;
    const links = new ValueLinks();
    resource.meta[LINKS] = links;
    return links;
  }

  attach(map: JsonObject, key: string, node: LinkedValue): void {
    node.slots.push({ map, key });
    let keys = this.byMap.get(map);
    if (!keys) this.byMap.set(map, (keys = new Map()));
    keys.set(key, node);
  }

  /** Writes into an existing entry; if it is still a shared node, every place holding that node follows. */
  assign(map: JsonObject, key: string, value: string): boolean {
    const node = this.byMap.get(map)?.get(key);
    if (!node || map[key] !== node.value) {
      if (map[key] === value) return false;
      map[key] = value;
      return true;
    }
    const old = node.value;
    node.value = value;
    for (const slot of node.slots) if (slot.map[slot.key] === old) slot.map[slot.key] = value;
    return old !== value;
  }
}

const LINKS = 'kustomize.valueLinks';

/** Replaces the scalars the specs reach with `next(old)` (names, namespaces), creating them where allowed. */
export function setScalars(resource: Resource, specs: readonly FieldSpec[], next: (old: JsonValue) => string, code: string): boolean {
  let changed = false;
  forEachField(resource, specs, 'scalar', code, (container, key) => {
    const slot = container as Record<string | number, JsonValue>;
    const value = next(slot[key] ?? null);
    if (slot[key] !== value) {
      slot[key] = value;
      changed = true;
    }
  });
  return changed;
}

/** The text kustomize sees in a scalar node (what a prefix is prepended to). */
export function scalarText(value: JsonValue): string {
  if (value === null || typeof value === 'object') return '';
  return String(value);
}
