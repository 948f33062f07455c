import { DiagnosticError, diag } from '../../core/diagnostic.js';
import { isArray, isObject, type JsonValue } from '../../core/json.js';
import { idString } from '../../core/resource-id.js';
import type { Resource } from '../../core/resource.js';
import { FieldPathError, formatPath, setValueAt, walkFieldSpec, type FieldLocation } from '../fieldpath.js';
import { RenderCode } from '../errors.js';
import type { ResMap } from '../resmap.js';
import { expand, type VarLookup, type VarValue } from './expand.js';
import { VAR_REFERENCE_FIELD_SPECS, type VarFieldSpec } from './var-reference.js';

/**
 * Expands `$(VAR)` in every var-reference field of every resource (kustomize's
 * refvar filter): a string field is expanded; in a map, each string value; in a
 * list, every item, which must all be strings. Other scalars are left alone.
 */
export function substituteVars(resources: ResMap, values: Map<string, VarValue | undefined>, extraSpecs: readonly VarFieldSpec[]): void {
  const lookup: VarLookup = (name) => values.get(name);
  const specs = uniqueSpecs([...VAR_REFERENCE_FIELD_SPECS, ...extraSpecs]);
  for (const resource of resources) {
    const changed = new Set<string>();
    for (const spec of specs) {
      if (!specMatches(spec, resource)) continue;
      try {
        walkFieldSpec(resource.obj, spec.path, (loc, value) => expandAt(loc, value, lookup, changed));
      } catch (e) {
        if (!(e instanceof FieldPathError)) throw e;
        throw new DiagnosticError([
          diag(RenderCode.VarInvalid, `considering field '${spec.path}' of object ${idString(resource.id)}: ${e.message}`, {
            file: resource.origin.file,
            line: resource.origin.line,
          }),
        ]);
      }
    }
    if (changed.size > 0) resource.record({ transformer: 'vars', detail: `$(VAR) expanded in ${[...changed].join(', ')}` });
  }
}

/** kustomize merges field specs as a set: a `configurations:` entry equal to a default one runs once. */
function uniqueSpecs(specs: readonly VarFieldSpec[]): VarFieldSpec[] {
  const seen = new Set<string>();
  return specs.filter((s) => {
    const key = JSON.stringify([s.path, s.kind ?? '', s.group ?? '', s.version ?? '']);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function specMatches(spec: VarFieldSpec, resource: Resource): boolean {
  const id = resource.id;
  return (!spec.kind || spec.kind === id.kind) && (!spec.group || spec.group === id.group) && (!spec.version || spec.version === id.version);
}

function expandAt(loc: FieldLocation, value: JsonValue, lookup: VarLookup, changed: Set<string>): void {
  const set = (at: FieldLocation, input: string) => {
    const next = expand(input, lookup);
    if (next !== input) changed.add(formatPath(at.path));
    setValueAt(at, next);
  };
  if (typeof value === 'string') return set(loc, value);
  if (isObject(value)) {
    for (const [key, item] of Object.entries(value)) {
      if (typeof item === 'string') set({ parent: value, key, path: [...loc.path, key], created: false }, item);
    }
    return;
  }
  if (isArray(value)) {
    value.forEach((item, i) => {
      if (typeof item !== 'string') throw new FieldPathError('invalid value type expect a string');
      set({ parent: value, key: i, path: [...loc.path, i], created: false }, item);
    });
  }
}
