import type { JsonObject } from '../../core/json.js';
import { BUILTIN_MERGE_SCHEMA, type MergeSchema } from '../schema.js';
import { DirectiveError } from './directive.js';
import { MergeKindError } from './elements.js';
import { fromBase, fromPatch, isMap, toJson } from './node.js';
import { walk, WalkError } from './walk.js';

/**
 * Strategic merge patch with kustomize 5.5's semantics (kyaml merge2, not
 * apimachinery's strategicpatch):
 * - merge keys come from `schema` (the built-in one by default), found from the
 *   object's (or a nested object's) apiVersion and kind; `x-kubernetes-list-map-keys`
 *   win, giving composite keys; lists without a merge strategy are replaced;
 * - patch elements come first, merged with their matches, then the object's
 *   other elements (for composite keys, all of the object's elements follow);
 * - `null` in the patch deletes; `$patch: delete|replace|merge` on maps and as a
 *   `- $patch: …` list item; at document level `delete` removes the object and
 *   `replace` does nothing; `$patch` inside a list element replaces nothing (the
 *   element's patch is lost), all as in kubectl;
 * - `$setElementOrder/…`, `$retainKeys`, `$deleteFromPrimitiveList/…` are not
 *   directives here: they are copied into the result like any field.
 *
 * Pure: neither argument is modified. Returns undefined when the patch deletes
 * the whole object. Throws StrategicMergeError (with the field path) where
 * kustomize fails, e.g. a map patched with a list.
 */
export function strategicMerge(base: JsonObject, patch: JsonObject, schema: MergeSchema = BUILTIN_MERGE_SCHEMA): JsonObject | undefined {
  try {
    const root = fromBase(base);
    const merged = walk([root, fromPatch(patch)], undefined, { path: [], schema });
    if (!isMap(merged)) return undefined;
    // kustomize keeps its own root node and only notices deletion, so a
    // document-level `$patch: replace` (which yields the patch's node) changes nothing.
    return toJson(root) as JsonObject;
  } catch (error) {
    if (error instanceof WalkError) throw new StrategicMergeError(error.cause.message, error.path);
    if (error instanceof MergeKindError || error instanceof DirectiveError) throw new StrategicMergeError(error.message, []);
    throw error;
  }
}

/** A patch kustomize refuses to apply; `path` is the field path inside the object. */
export class StrategicMergeError extends Error {
  constructor(readonly reason: string, readonly path: string[]) {
    super(path.length > 0 ? `${reason} at ${path.join('.')}` : reason);
    this.name = 'StrategicMergeError';
  }
}
