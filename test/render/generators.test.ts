import assert from 'node:assert/strict';
import { posix } from 'node:path';
import { describe, it } from 'node:test';
import { parseAllDocuments } from 'yaml';
import { DiagnosticError, fail } from '../../src/core/diagnostic.js';
import type { JsonObject } from '../../src/core/json.js';
import { Resource } from '../../src/core/resource.js';
import { MemoryFileSystem } from '../../src/fs/memory.js';
import type { BuildContext } from '../../src/render/context.js';
import { RenderCode } from '../../src/render/errors.js';
import { applyHashSuffixes, runGenerators } from '../../src/render/generators/index.js';
import type { Kustomization } from '../../src/render/kustomization.js';
import { addNamePrefix } from '../../src/render/nameref/index.js';
import { ResMap } from '../../src/render/resmap.js';
import { parseDocuments } from '../../src/yaml/parse.js';

/**
 * Expected objects are `kubectl kustomize` (v1.32, kustomize v5.5.0) output
 * of the same kustomizations with `sortOptions: {order: fifo}`, compared
 * structurally until the serialiser lands.
 */

/** A BuildContext over an in-memory tree: kustomization text parsed with positions, rootOnly file loading. */
function context(fs: MemoryFileSystem, root: string, kustomizationText: string): BuildContext {
  const file = posix.join(root, 'kustomization.yaml');
  fs.write(file, kustomizationText);
  const [doc] = parseDocuments(kustomizationText, file);
  return {
    fs,
    options: { loadRestrictor: 'rootOnly' },
    root,
    kustomizationFile: file,
    kustomization: doc!.value as Kustomization,
    readFile(relativePath) {
      const path = posix.resolve(root, relativePath);
      if (!path.startsWith(`${root}/`)) fail(RenderCode.OutsideRoot, `file '${path}' is not in or below '${root}'`, { file });
      if (!fs.isFile(path)) fail(RenderCode.MissingResource, `'${path}' must resolve to a file`, { file });
      const bytes = fs.readFile(path);
      return { path, bytes, text: new TextDecoder().decode(bytes) };
    },
    sourceOf(path) {
      return { file, line: doc!.locate(path)?.line ?? 0 };
    },
    warn() {},
  };
}

function generate(fs: MemoryFileSystem, root: string, text: string, resources = new ResMap()): ResMap {
  runGenerators(resources, context(fs, root, text));
  return resources;
}

function objects(resources: ResMap): JsonObject[] {
  return resources.all().map((r) => r.obj);
}

function golden(yamlText: string): JsonObject[] {
  return parseAllDocuments(yamlText).map((d) => d.toJS() as JsonObject);
}

function codeOf(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    if (error instanceof DiagnosticError) return error.code;
    throw error;
  }
  return 'no error';
}

/** What an outer kustomization's namePrefix does to every object, as far as generators care. */
function prefixAll(resources: ResMap, prefix: string): void {
  for (const r of resources) {
    addNamePrefix(r, prefix);
    r.rememberId();
    (r.obj.metadata as JsonObject).name = prefix + r.name;
  }
}

function namespaceAll(resources: ResMap, namespace: string): void {
  for (const r of resources) {
    r.rememberId();
    (r.obj.metadata as JsonObject).namespace = namespace;
  }
}

describe('configMapGenerator / secretGenerator sources', () => {
  it('reads envs, env, literals and files with kustomize quirks', () => {
    const fs = new MemoryFileSystem()
      .write('/app/a.env', new Uint8Array([0xef, 0xbb, 0xbf, ...Buffer.from('  A=1\n# c\n\n   \nB=two  \nC\nD==x\n\tE = y\n')]))
      .write('/app/b.env', 'Z=9\n')
      .write('/app/f.txt', 'hello\n')
      .write('/app/bin.dat', new Uint8Array([0xff, 0xfe, 0x00, 0x62, 0x69, 0x6e]));
    const resources = generate(fs, '/app', `configMapGenerator:
- name: cfg
  env: b.env
  envs: [a.env]
  literals: ["q='quoted'", 'r="dq"', "s='mis\\"", "t=''", "u='"]
  files: [f.txt, k2=bin.dat]
  options:
    labels: {l: v}
    annotations: {an: v}
    immutable: true
secretGenerator:
- name: sec
  literals: [k=v]
  files: [f.txt, bin.dat]
  type: kubernetes.io/tls
  options:
    immutable: true
    labels: {x: z}
`);
    applyHashSuffixes(resources);
    assert.deepEqual(objects(resources), golden(`apiVersion: v1
binaryData:
  k2: //4AYmlu
data:
  A: "1"
  B: 'two  '
  C: ""
  D: =x
  'E ': ' y'
  Z: "9"
  f.txt: |
    hello
  q: quoted
  r: dq
  s: '''mis"'
  t: ""
  u: ''''
immutable: true
kind: ConfigMap
metadata:
  annotations:
    an: v
  labels:
    l: v
  name: cfg-7kmdhh5k4c
---
apiVersion: v1
data:
  bin.dat: //4AYmlu
  f.txt: aGVsbG8K
  k: dg==
immutable: true
kind: Secret
metadata:
  labels:
    x: z
  name: sec-m74db7tm7t
type: kubernetes.io/tls
`));
  });

  it('handles empty generators, CRLF env files and long Secret values', () => {
    const fs = new MemoryFileSystem()
      .write('/app/crlf.env', 'A=1\r\nB=2\r\n')
      .write('/app/long.txt', 'x'.repeat(60));
    const resources = generate(fs, '/app', `configMapGenerator:
- name: empty
- name: crlf
  envs: [crlf.env]
secretGenerator:
- name: s-empty
- name: long
  files: [long.txt]
- name: lit
  literals: ["k=<&>"]
`);
    applyHashSuffixes(resources);
    assert.deepEqual(objects(resources), golden(`apiVersion: v1
kind: ConfigMap
metadata:
  name: empty-6ct58987ht
---
apiVersion: v1
data:
  A: "1"
  B: "2"
kind: ConfigMap
metadata:
  name: crlf-66h9cbh964
---
apiVersion: v1
data: {}
kind: Secret
metadata:
  name: s-empty-46f8b28mk5
type: Opaque
---
apiVersion: v1
data:
  long.txt: |
    eHh4eHh4eHh4eHh4eHh4eHh4eHh4eHh4eHh4eHh4eHh4eHh4eHh4eHh4eHh4eHh4eHh4eH
    h4eHh4eHh4
kind: Secret
metadata:
  name: long-2k46t86dhc
type: Opaque
---
apiVersion: v1
data:
  k: PCY+
kind: Secret
metadata:
  name: lit-hd8d295gd4
type: Opaque
`));
  });

  it('accepts keys kustomize does not validate and treats an unknown behavior as create', () => {
    const resources = generate(new MemoryFileSystem(), '/app', `configMapGenerator:
- name: cfg
  behavior: foo
  literals: ["a b=c", "x/y=z", "ü=1"]
`);
    applyHashSuffixes(resources);
    assert.deepEqual(objects(resources), golden(`apiVersion: v1
data:
  a b: c
  x/y: z
  ü: "1"
kind: ConfigMap
metadata:
  name: cfg-89d6gc459h
`));
  });

  it('sets origin to the generator entry and generator info', () => {
    const resources = generate(new MemoryFileSystem(), '/app', `configMapGenerator:
- name: a
  literals: [a=1]
- name: b
  options: {disableNameSuffixHash: true}
`);
    const [a, b] = resources.all();
    assert.deepEqual(a!.origin, { file: '/app/kustomization.yaml', line: 2 });
    assert.deepEqual(b!.origin, { file: '/app/kustomization.yaml', line: 4 });
    assert.deepEqual(a!.generator, { hashSuffix: true, behavior: 'create' });
    assert.deepEqual(b!.generator, { hashSuffix: false, behavior: 'create' });
  });
});

describe('configMapGenerator / secretGenerator errors', () => {
  const cases: [string, string, Record<string, string>?][] = [
    ['literal without key', 'configMapGenerator:\n- name: c\n  literals: ["=v"]\n', undefined],
    ['literal without =', 'configMapGenerator:\n- name: c\n  literals: ["kv"]\n', undefined],
    ['file source without key', 'configMapGenerator:\n- name: c\n  files: ["=f.txt"]\n', { '/app/f.txt': 'x' }],
    ['file source without path', 'configMapGenerator:\n- name: c\n  files: ["k="]\n', undefined],
    ['file source with two =', 'configMapGenerator:\n- name: c\n  files: ["k=a=b"]\n', undefined],
    ['generator without name', 'secretGenerator:\n- literals: [a=b]\n', undefined],
  ];
  for (const [title, text, files] of cases) {
    it(`${title} → ${RenderCode.GeneratorInvalid}`, () => {
      const fs = new MemoryFileSystem();
      for (const [path, content] of Object.entries(files ?? {})) fs.write(path, content);
      assert.equal(codeOf(() => generate(fs, '/app', text)), RenderCode.GeneratorInvalid);
    });
  }

  it('rejects a key repeated across envs, literals and files', () => {
    const fs = new MemoryFileSystem().write('/app/e.env', 'a=1\n').write('/app/a', 'x');
    assert.equal(codeOf(() => generate(fs, '/app', 'configMapGenerator:\n- name: c\n  envs: [e.env]\n  literals: [a=2]\n')), RenderCode.GeneratorDuplicateKey);
    assert.equal(codeOf(() => generate(fs, '/app', 'configMapGenerator:\n- name: c\n  literals: [a=2]\n  files: [a]\n')), RenderCode.GeneratorDuplicateKey);
  });

  it('reads files through ctx.readFile, so the load restrictor applies', () => {
    const fs = new MemoryFileSystem().write('/outside.txt', 'x');
    assert.equal(codeOf(() => generate(fs, '/app', 'configMapGenerator:\n- name: c\n  files: [../outside.txt]\n')), RenderCode.OutsideRoot);
  });

  it('create of an existing id fails; merge/replace of a missing one fails', () => {
    const fs = new MemoryFileSystem();
    const base = generate(fs, '/base', 'configMapGenerator:\n- name: a\n  literals: [a=1]\n');
    prefixAll(base, 'p-');
    namespaceAll(base, 'ns1');
    // The original id (no namespace, unprefixed) still matches.
    assert.equal(codeOf(() => generate(fs, '/ov', 'configMapGenerator:\n- name: a\n  literals: [b=3]\n', base.clone())), RenderCode.GeneratorExists);
    assert.equal(codeOf(() => generate(fs, '/ov', 'configMapGenerator:\n- name: zz\n  behavior: merge\n', base.clone())), RenderCode.GeneratorNotFound);
    assert.equal(codeOf(() => generate(fs, '/ov', 'secretGenerator:\n- name: a\n  behavior: replace\n', base.clone())), RenderCode.GeneratorNotFound);
  });
});

describe('configMapGenerator / secretGenerator merge and replace', () => {
  it('merges into generated and plain objects, keeping slots; hash only if both wanted one', () => {
    const fs = new MemoryFileSystem();
    const resources = new ResMap();
    const plain = parseDocuments(`apiVersion: v1
kind: ConfigMap
metadata:
  name: plain
  labels: {p: q}
immutable: true
data:
  x: "1"
extra: dropped
`, '/base/plain.yaml')[0]!.value as JsonObject;
    resources.add(new Resource(plain, { file: '/base/plain.yaml', line: 1 }));
    generate(fs, '/base', `configMapGenerator:
- name: cfg
  literals: [a=1, b=2]
  options:
    labels: {lb: base, common: base}
    annotations: {ab: base}
    immutable: true
- name: nohash
  literals: [a=1]
  options:
    disableNameSuffixHash: true
secretGenerator:
- name: sec
  literals: [a=1]
  type: kubernetes.io/tls
`, resources);
    prefixAll(resources, 'b-');
    generate(fs, '/ov', `configMapGenerator:
- name: cfg
  behavior: merge
  literals: [b=3, c=4]
  options:
    labels: {common: ov, lo: ov}
- name: nohash
  behavior: merge
  literals: [z=1]
- name: plain
  behavior: merge
  literals: [y=2]
  options:
    disableNameSuffixHash: false
secretGenerator:
- name: sec
  behavior: merge
  literals: [b=2]
`, resources);
    applyHashSuffixes(resources);
    assert.deepEqual(objects(resources), golden(`apiVersion: v1
data:
  x: "1"
  "y": "2"
kind: ConfigMap
metadata:
  labels:
    p: q
  name: b-plain
---
apiVersion: v1
data:
  a: "1"
  b: "3"
  c: "4"
kind: ConfigMap
metadata:
  annotations:
    ab: base
  labels:
    common: ov
    lb: base
    lo: ov
  name: b-cfg-fbcmkbc66h
---
apiVersion: v1
data:
  a: "1"
  z: "1"
kind: ConfigMap
metadata:
  name: b-nohash
---
apiVersion: v1
data:
  a: MQ==
  b: Mg==
kind: Secret
metadata:
  name: b-sec-8fb7cfch84
type: Opaque
`));
    const cfg = resources.all()[1]!;
    assert.deepEqual(cfg.origin, { file: '/base/kustomization.yaml', line: 2 });
    assert.deepEqual(cfg.changes.at(-1), {
      transformer: 'configMapGenerator',
      source: { file: '/ov/kustomization.yaml', line: 2 },
      detail: 'behavior: merge',
    });
    assert.equal(cfg.previousIds[0]!.name, 'cfg');
  });

  it('folds generatorOptions in and replaces while keeping labels, name and namespace', () => {
    const fs = new MemoryFileSystem();
    const resources = generate(fs, '/base', `configMapGenerator:
- name: cfg
  literals: [a=1, b=2]
  options:
    labels: {lb: base, common: base}
    annotations: {ab: base}
- name: rep
  literals: [a=1, b=2]
  options:
    labels: {lb: base}
    disableNameSuffixHash: true
`);
    namespaceAll(resources, 'ns1');
    generate(fs, '/ov', `generatorOptions:
  labels: {g: opt, common: gopt}
  disableNameSuffixHash: true
configMapGenerator:
- name: cfg
  namespace: ns1
  behavior: merge
  literals: [b=3]
  options:
    immutable: true
    labels: {common: ov}
- name: rep
  namespace: ns1
  behavior: replace
  literals: [c=3]
  options:
    labels: {lr: ov}
    annotations: {x: y1}
    immutable: true
    disableNameSuffixHash: false
- name: new
  literals: [c=3]
  options:
    disableNameSuffixHash: false
`, resources);
    prefixAll(resources, 'o-');
    applyHashSuffixes(resources);
    assert.deepEqual(objects(resources), golden(`apiVersion: v1
data:
  a: "1"
  b: "3"
immutable: true
kind: ConfigMap
metadata:
  annotations:
    ab: base
  labels:
    common: ov
    g: opt
    lb: base
  name: o-cfg
  namespace: ns1
---
apiVersion: v1
data:
  c: "3"
immutable: true
kind: ConfigMap
metadata:
  annotations:
    x: y1
  labels:
    common: gopt
    g: opt
    lb: base
    lr: ov
  name: o-rep
  namespace: ns1
---
apiVersion: v1
data:
  c: "3"
kind: ConfigMap
metadata:
  labels:
    common: gopt
    g: opt
  name: o-new
`));
  });

  it('replace: the hash suffix survives only when both sides want it', () => {
    const fs = new MemoryFileSystem();
    const resources = generate(fs, '/base', `configMapGenerator:
- name: a
  literals: [a=1]
- name: b
  literals: [a=1]
  options: {disableNameSuffixHash: true}
- name: c
  literals: [a=1]
`);
    generate(fs, '/ov', `configMapGenerator:
- name: a
  behavior: replace
  literals: [b=3]
  options: {disableNameSuffixHash: true}
- name: b
  behavior: replace
  literals: [b=3]
- name: c
  behavior: replace
  literals: [b=3]
`, resources);
    applyHashSuffixes(resources);
    assert.deepEqual(objects(resources), golden(`apiVersion: v1
data:
  b: "3"
kind: ConfigMap
metadata:
  name: a
---
apiVersion: v1
data:
  b: "3"
kind: ConfigMap
metadata:
  name: b
---
apiVersion: v1
data:
  b: "3"
kind: ConfigMap
metadata:
  name: c-67b96hb59k
`));
  });

  it('merges by the original id after the base renamed and re-namespaced the object', () => {
    const fs = new MemoryFileSystem();
    const resources = generate(fs, '/base', 'configMapGenerator:\n- name: a\n  literals: [a=1]\n');
    namespaceAll(resources, 'ns1');
    prefixAll(resources, 'p-');
    generate(fs, '/ov', 'configMapGenerator:\n- name: a\n  behavior: merge\n  literals: [b=3]\n', resources);
    applyHashSuffixes(resources);
    assert.deepEqual(objects(resources), golden(`apiVersion: v1
data:
  a: "1"
  b: "3"
kind: ConfigMap
metadata:
  name: p-a-dtd4b88ttf
  namespace: ns1
`));
  });
});
