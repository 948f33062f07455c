import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { JsonObject } from '../../src/core/json.js';
import { applyJsonPatch, JsonPatchError } from '../../src/render/merge/json6902.js';
import { jsonPatchOf, resourceDocuments } from '../../src/render/merge/patch-load.js';
import { parseDocuments } from '../../src/yaml/parse.js';
import { stringifyDocument } from '../../src/yaml/serialize.js';

/**
 * JSON 6902 patches. Expected outputs are `kubectl kustomize` (v1.32,
 * kustomize v5.5.0) output for BASE with `patches: [{path: ops.yaml, target:
 * {kind: ConfigMap}}]`; `failsAt` is the operation kubectl stops at.
 */
const BASE = `apiVersion: v1
kind: ConfigMap
metadata:
  name: c
data:
  a: "1"
  k~e/y: x
list:
- 1
- 2
- 3
nested:
  obj: {x: 1}
`;

interface Case {
  name: string;
  ops: string;
  expected?: string;
  failsAt?: number;
}

const CASES: Case[] = [
  {
    name: "add sets a key, replacing an existing one",
    ops: `- {op: add, path: /data/b, value: "2"}
- {op: add, path: /data/a, value: "9"}`,
    expected: `apiVersion: v1
data:
  a: "9"
  b: "2"
  k~e/y: x
kind: ConfigMap
list:
- 1
- 2
- 3
metadata:
  name: c
nested:
  obj:
    x: 1
`,
  },
  {
    name: "add inserts at an index; \"-\" and -1 append",
    ops: `- {op: add, path: /list/0, value: 0}
- {op: add, path: /list/-, value: 9}
- {op: add, path: /list/-1, value: 10}`,
    expected: `apiVersion: v1
data:
  a: "1"
  k~e/y: x
kind: ConfigMap
list:
- 0
- 1
- 2
- 3
- 9
- 10
metadata:
  name: c
nested:
  obj:
    x: 1
`,
  },
  {
    name: "negative indexes count from the end",
    ops: `- {op: remove, path: /list/-1}
- {op: replace, path: /list/-2, value: 7}`,
    expected: `apiVersion: v1
data:
  a: "1"
  k~e/y: x
kind: ConfigMap
list:
- 7
- 2
metadata:
  name: c
nested:
  obj:
    x: 1
`,
  },
  {
    name: "~0 and ~1 escape ~ and /",
    ops: `- {op: replace, path: /data/k~0e~1y, value: escaped}`,
    expected: `apiVersion: v1
data:
  a: "1"
  k~e/y: escaped
kind: ConfigMap
list:
- 1
- 2
- 3
metadata:
  name: c
nested:
  obj:
    x: 1
`,
  },
  {
    name: "replace of a missing object key adds it",
    ops: `- {op: replace, path: /data/new, value: v}`,
    expected: `apiVersion: v1
data:
  a: "1"
  k~e/y: x
  new: v
kind: ConfigMap
list:
- 1
- 2
- 3
metadata:
  name: c
nested:
  obj:
    x: 1
`,
  },
  {
    name: "add without value adds null",
    ops: `- {op: add, path: /data/nothing}`,
    expected: `apiVersion: v1
data:
  a: "1"
  k~e/y: x
  nothing: null
kind: ConfigMap
list:
- 1
- 2
- 3
metadata:
  name: c
nested:
  obj:
    x: 1
`,
  },
  {
    name: "a path without leading slash addresses its last segment at the top",
    ops: `- {op: add, path: data/top, value: v}`,
    expected: `apiVersion: v1
data:
  a: "1"
  k~e/y: x
kind: ConfigMap
list:
- 1
- 2
- 3
metadata:
  name: c
nested:
  obj:
    x: 1
top: v
`,
  },
  {
    name: "move and copy",
    ops: `- {op: copy, from: /nested/obj, path: /nested/copy}
- {op: move, from: /data/a, path: /nested/moved}`,
    expected: `apiVersion: v1
data:
  k~e/y: x
kind: ConfigMap
list:
- 1
- 2
- 3
metadata:
  name: c
nested:
  copy:
    x: 1
  moved: "1"
  obj:
    x: 1
`,
  },
  {
    name: "test passes on an equal value, then ops go on",
    ops: `- {op: test, path: /nested/obj, value: {x: 1}}
- {op: remove, path: /nested}`,
    expected: `apiVersion: v1
data:
  a: "1"
  k~e/y: x
kind: ConfigMap
list:
- 1
- 2
- 3
metadata:
  name: c
`,
  },
  {
    name: "YAML values use go-yaml v2 scalars",
    ops: `- {op: add, path: /data/on, value: on}
- {op: add, path: /data/oct, value: 0o17}
- {op: add, path: /data/f, value: 1e3}`,
    expected: `apiVersion: v1
data:
  a: "1"
  f: 1000
  k~e/y: x
  oct: 15
  "on": true
kind: ConfigMap
list:
- 1
- 2
- 3
metadata:
  name: c
nested:
  obj:
    x: 1
`,
  },
  {
    name: "remove of a missing key fails",
    ops: `- {op: add, path: /data/z, value: "1"}
- {op: remove, path: /data/missing}`,
    failsAt: 1,
  },
  {
    name: "test of a different value fails",
    ops: `- {op: test, path: /data/a, value: "2"}`,
    failsAt: 0,
  },
  {
    name: "add under a missing parent fails",
    ops: `- {op: add, path: /nope/x, value: 1}`,
    failsAt: 0,
  },
  {
    name: "an index past the end fails",
    ops: `- {op: add, path: /list/9, value: 1}`,
    failsAt: 0,
  },
  {
    name: "replace of a missing index fails",
    ops: `- {op: replace, path: /list/3, value: 1}`,
    failsAt: 0,
  },
  {
    name: "an unknown op fails",
    ops: `- {op: frob, path: /data/a}`,
    failsAt: 0,
  },
  {
    name: "a body starting with [ is strict JSON",
    ops: `[{"op": "add", "path": "/data/j", "value": 1}]`,
    expected: `apiVersion: v1
data:
  a: "1"
  j: 1
  k~e/y: x
kind: ConfigMap
list:
- 1
- 2
- 3
metadata:
  name: c
nested:
  obj:
    x: 1
`,
  },
];

describe('applyJsonPatch', () => {
  const base = parseDocuments(BASE, 'base.yaml')[0]!.value as JsonObject;
  for (const c of CASES) {
    it(c.name, () => {
      const ops = jsonPatchOf(c.ops, 'ops.yaml');
      assert.ok(ops);
      if (c.failsAt !== undefined) {
        assert.throws(() => applyJsonPatch(base, ops), (e: unknown) => e instanceof JsonPatchError && e.index === c.failsAt);
        return;
      }
      assert.equal(stringifyDocument(applyJsonPatch(base, ops)), c.expected);
    });
  }

  it('does not modify its input', () => {
    const before = JSON.stringify(base);
    applyJsonPatch(base, jsonPatchOf('- {op: remove, path: /data}', 'ops.yaml')!);
    assert.equal(JSON.stringify(base), before);
  });
});

describe('jsonPatchOf', () => {
  it('refuses what is not a list of operations', () => {
    assert.equal(jsonPatchOf('apiVersion: v1\nkind: ConfigMap\n', 'p.yaml'), undefined);
    assert.equal(jsonPatchOf('[{op: add, path: /x}]', 'p.yaml'), undefined, 'a body starting with [ must be strict JSON');
    assert.equal(jsonPatchOf('', 'p.yaml'), undefined);
  });
});

describe('resourceDocuments', () => {
  const at = (line: number) => ({ file: 'k.yaml', line });

  it('reads a JSON 6902 body as no resource, so `patches` tries it as JSON patch', () => {
    const body = '[{"op":"remove","path":"/metadata/annotations/eks.amazonaws.com~1role-arn"}]';
    assert.equal(resourceDocuments(body, 'k.yaml', at), undefined);
    assert.ok(jsonPatchOf(body, 'k.yaml'));
  });

  it('still reads flow-style YAML that only looks like JSON through the YAML parser', () => {
    assert.equal(resourceDocuments('[{op: remove, path: /x}]', 'k.yaml', at), undefined);
    const flow = resourceDocuments('{"kind": "ConfigMap", "apiVersion": "v1", "metadata": {"name": "a"}}', 'k.yaml', at);
    assert.deepEqual(flow?.map((d) => d.value.kind), ['ConfigMap']);
  });

  it('reads block-style resource documents with their lines', () => {
    const docs = resourceDocuments('kind: ConfigMap\napiVersion: v1\nmetadata:\n  name: a\n---\nkind: Secret\nmetadata:\n  name: b\n', 'k.yaml', at);
    assert.deepEqual(docs?.map((d) => [d.value.kind, d.source.line]), [['ConfigMap', 1], ['Secret', 6]]);
  });
});
