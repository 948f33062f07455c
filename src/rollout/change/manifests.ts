import type { KubeObject } from '../../cluster/types.js';
import type { JsonValue } from '../../core/json.js';
import { parseDocuments } from '../../yaml/parse.js';
import { stringifyDocuments } from '../../yaml/serialize.js';

/**
 * Last-good manifests are stored as multi-document YAML (LastGood.manifests):
 * readable with sqlite3 and diffable, and the same text `render` prints.
 */
export function manifestsToYaml(objects: readonly KubeObject[]): string {
  return stringifyDocuments(objects.map((o) => o as unknown as JsonValue));
}

export function manifestsFromYaml(text: string, source = 'last-good manifests'): KubeObject[] {
  return parseDocuments(text, source)
    .map((d) => d.value)
    .filter((v) => v !== null && typeof v === 'object' && !Array.isArray(v))
    .map((v) => v as unknown as KubeObject);
}
