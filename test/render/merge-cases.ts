import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { JsonObject } from '../../src/core/json.js';
import { strategicMerge, StrategicMergeError } from '../../src/render/merge/strategic.js';
import { parseDocuments } from '../../src/yaml/parse.js';
import { stringifyDocument } from '../../src/yaml/serialize.js';

/** Marks a case whose patch kubectl refuses. */
export const FAILS = null;

/** One strategic-merge case: base and patch documents, and kubectl's output (or FAILS). */
export interface MergeCase {
  name: string;
  base: string;
  patch: string;
  expected: string | null;
}

export function doc(text: string): JsonObject {
  return parseDocuments(text, 'case.yaml')[0]!.value as JsonObject;
}

/** One test per case: the merged object printed as kustomize prints it, or a StrategicMergeError. */
export function runMergeCases(title: string, cases: readonly MergeCase[]): void {
  describe(title, () => {
    for (const c of cases) {
      it(c.name, () => {
        if (c.expected === FAILS) {
          assert.throws(() => strategicMerge(doc(c.base), doc(c.patch)), StrategicMergeError);
          return;
        }
        const merged = strategicMerge(doc(c.base), doc(c.patch));
        assert.ok(merged);
        assert.equal(stringifyDocument(merged), c.expected);
      });
    }
  });
}
