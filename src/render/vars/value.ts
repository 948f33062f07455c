import { isObject, type JsonValue } from '../../core/json.js';
import { FieldPathError, lookupField, valueAt } from '../fieldpath.js';
import type { VarValue } from './expand.js';

const INT64_MAX = 9223372036854775807n;
const INT64_MIN = -9223372036854775808n;

/**
 * A var's value (kyaml RNode.GetFieldValue): the path is split on every `.` (no
 * escaping) and `name[3]` means element 3. Strings, ints, floats and bools are
 * values; null gives the text `null`; a map or list gives undefined, which leaves
 * `$(VAR)` unexpanded. 'missing' when the field is absent or an int overflows int64.
 */
export function readVarValue(obj: JsonValue, fieldPath: string): VarValue | undefined | 'missing' {
  let found: JsonValue | undefined;
  try {
    const loc = lookupField(obj, sliceIndexParts(fieldPath.split('.')));
    found = loc ? valueAt(obj, loc) : undefined;
  } catch (e) {
    if (e instanceof FieldPathError) return 'missing';
    throw e;
  }
  if (found === undefined) return 'missing';
  if (found === null) return 'null';
  if (Array.isArray(found) || isObject(found)) return undefined;
  if (typeof found === 'bigint') return found > INT64_MAX || found < INT64_MIN ? 'missing' : found;
  return found;
}

/** kyaml convertSliceIndex: `ports[0]` → `ports`, `0`. */
function sliceIndexParts(parts: string[]): string[] {
  return parts.flatMap((part) => {
    const m = /^(.*)\[(\d+)\]$/.exec(part);
    if (!m) return [part];
    return m[1] ? [m[1], m[2] as string] : [m[2] as string];
  });
}
