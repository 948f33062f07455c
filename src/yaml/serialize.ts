import type { JsonValue } from '../core/json.js';

/** One document exactly as kustomize prints it (sorted keys, its quoting), ending in a newline. */
export function stringifyDocument(_value: JsonValue): string {
  throw new Error('yaml serialize: not implemented yet');
}

/** Documents joined by `---\n`, no leading separator; '' for none. */
export function stringifyDocuments(values: JsonValue[]): string {
  return values.map(stringifyDocument).join('---\n');
}
