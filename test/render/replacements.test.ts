import assert from 'node:assert/strict';
import { posix } from 'node:path';
import { describe, it } from 'node:test';
import { DiagnosticError } from '../../src/core/diagnostic.js';
import { cloneJson, type JsonObject, type JsonValue } from '../../src/core/json.js';
import { Resource } from '../../src/core/resource.js';
import { MemoryFileSystem } from '../../src/fs/memory.js';
import type { BuildContext } from '../../src/render/context.js';
import type { Kustomization } from '../../src/render/kustomization.js';
import { ResMap } from '../../src/render/resmap.js';
import { replacementsStep } from '../../src/render/transformers/replacements.js';

/**
 * Golden cases: each was rendered with `kubectl kustomize` (v1.32, kustomize v5.5.0) from a
 * kustomization with `resources: [res.yaml]`, these `replacements` (and `namePrefix` where
 * `prefix` is set; the prefix is applied here by hand, as the pipeline would before
 * replacements) and `sortOptions: {order: fifo}`. `expected` is kubectl's output, parsed,
 * or for failures the diagnostic code we give and kubectl's message for reference.
 */
interface GoldenCase {
  name: string;
  resources: JsonObject[];
  prefix?: string;
  files?: Record<string, string>;
  replacements: JsonValue[];
  expected: JsonValue[] | { code: string; kubectl: string };
}

const ROOT = '/app';

function makeContext(kustomization: Kustomization, files: Record<string, string> = {}): BuildContext {
  const fs = new MemoryFileSystem();
  for (const [name, text] of Object.entries(files)) fs.write(posix.join(ROOT, name), text);
  return {
    fs,
    options: { loadRestrictor: 'rootOnly' },
    root: ROOT,
    kustomizationFile: `${ROOT}/kustomization.yaml`,
    kustomization,
    readFile(relativePath) {
      const path = posix.resolve(ROOT, relativePath);
      return { path, text: fs.readText(path), bytes: fs.readFile(path) };
    },
    sourceOf(path) {
      return { file: `${ROOT}/kustomization.yaml`, line: path.length };
    },
    warn() {},
  };
}

function load(resources: JsonObject[], prefix?: string): ResMap {
  const map = new ResMap();
  resources.forEach((obj, i) => map.add(new Resource(cloneJson(obj), { file: `${ROOT}/res.yaml`, line: i + 1 })));
  if (prefix) {
    for (const r of map) {
      r.rememberId();
      (r.obj.metadata as JsonObject).name = `${prefix}${r.name}`;
    }
  }
  return map;
}

function run(c: GoldenCase): ResMap {
  const resources = load(c.resources, c.prefix);
  replacementsStep.run(resources, makeContext({ replacements: c.replacements as JsonObject[] }, c.files));
  return resources;
}

describe('replacements (golden, from kubectl kustomize)', () => {
  for (const c of goldenCases()) {
    it(c.name, () => {
      const expected = c.expected;
      if (Array.isArray(expected)) {
        assert.deepEqual(run(c).all().map((r) => r.obj), expected);
      } else {
        assert.throws(() => run(c), (e: unknown) => e instanceof DiagnosticError && e.code === expected.code);
      }
    });
  }
});

describe('replacements provenance', () => {
  it('records one change per replacement on each changed resource', () => {
    const c = goldenCases().find((x) => x.name === 'replacements run in order') as GoldenCase;
    const resources = run(c);
    const changed = resources.all().filter((r) => r.changes.length > 0).map((r) => r.name);
    assert.deepEqual(changed, ['t1', 'other']);
    const change = resources.all()[1]?.changes[0];
    assert.equal(change?.transformer, 'replacements');
    assert.deepEqual(change?.source, { file: `${ROOT}/kustomization.yaml`, line: 2 });
    assert.match(change?.detail ?? '', /data\.x/);
  });
  it('records nothing when the value is already there', () => {
    const resources = load([{ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'a' }, data: { x: 'a' } }]);
    const replacements = [{ source: { kind: 'ConfigMap', name: 'a' }, targets: [{ select: { name: 'a' }, fieldPaths: ['data.x'] }] }];
    replacementsStep.run(resources, makeContext({ replacements }));
    assert.equal(resources.all()[0]?.changes.length, 0);
  });
  it('points diagnostics at the replacement entry', () => {
    const resources = load([{ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'a' } }]);
    const replacements = [{ source: { kind: 'ConfigMap', name: 'zz' }, targets: [{ select: { name: 'a' } }] }];
    assert.throws(
      () => replacementsStep.run(resources, makeContext({ replacements })),
      (e: unknown) =>
        e instanceof DiagnosticError &&
        e.diagnostics[0]?.file === `${ROOT}/kustomization.yaml` &&
        e.diagnostics[0]?.yamlPath === 'replacements[0].source',
    );
  });
});

function goldenCases(): GoldenCase[] {
  return [
    {
      name: "copies a string into string, int and list-selected fields",
      resources: [{"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "src"}, "data": {"port": "8080", "num": 9090, "host": "a.b.example.com", "csv": "a,b,c", "flag": true, "m": {"k": "v"}, "l": ["x", "y"], "em": {}, "empty": ""}}, {"apiVersion": "apps/v1", "kind": "Deployment", "metadata": {"name": "web"}, "spec": {"replicas": 1, "template": {"spec": {"containers": [{"name": "app", "image": "nginx:1.0", "ports": [{"containerPort": 80, "name": "http"}], "env": [{"name": "A", "value": "1"}, {"name": "B", "value": "x"}]}, {"name": "myapp-sidecar", "image": "busybox", "ports": [{"containerPort": 81}]}]}}}}, {"apiVersion": "v1", "kind": "Service", "metadata": {"name": "web-svc"}, "spec": {"ports": [{"port": 80, "targetPort": "http"}]}}],
      replacements: [{"source": {"kind": "ConfigMap", "name": "src", "fieldPath": "data.port"}, "targets": [{"select": {"kind": "Deployment"}, "fieldPaths": ["spec.template.spec.containers.[name=app].ports.0.containerPort", "spec.template.spec.containers.[name=app].env.[name=B].value", "spec.template.spec.containers.0.image"]}, {"select": {"kind": "Service"}, "fieldPaths": ["spec.ports.0.targetPort", "spec.ports.0.port"]}]}],
      expected: [{"apiVersion": "v1", "data": {"csv": "a,b,c", "em": {}, "empty": "", "flag": true, "host": "a.b.example.com", "l": ["x", "y"], "m": {"k": "v"}, "num": 9090, "port": "8080"}, "kind": "ConfigMap", "metadata": {"name": "src"}}, {"apiVersion": "apps/v1", "kind": "Deployment", "metadata": {"name": "web"}, "spec": {"replicas": 1, "template": {"spec": {"containers": [{"env": [{"name": "A", "value": "1"}, {"name": "B", "value": "8080"}], "image": "8080", "name": "app", "ports": [{"containerPort": 8080, "name": "http"}]}, {"image": "busybox", "name": "myapp-sidecar", "ports": [{"containerPort": 8080}]}]}}}}, {"apiVersion": "v1", "kind": "Service", "metadata": {"name": "web-svc"}, "spec": {"ports": [{"port": 8080, "targetPort": "8080"}]}}],
    },
    {
      name: "an int source into string fields stays a string",
      resources: [{"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "src"}, "data": {"port": "8080", "num": 9090, "host": "a.b.example.com", "csv": "a,b,c", "flag": true, "m": {"k": "v"}, "l": ["x", "y"], "em": {}, "empty": ""}}, {"apiVersion": "apps/v1", "kind": "Deployment", "metadata": {"name": "web"}, "spec": {"replicas": 1, "template": {"spec": {"containers": [{"name": "app", "image": "nginx:1.0", "ports": [{"containerPort": 80, "name": "http"}], "env": [{"name": "A", "value": "1"}, {"name": "B", "value": "x"}]}, {"name": "myapp-sidecar", "image": "busybox", "ports": [{"containerPort": 81}]}]}}}}],
      replacements: [{"source": {"kind": "ConfigMap", "name": "src", "fieldPath": "data.num"}, "targets": [{"select": {"kind": "Deployment"}, "fieldPaths": ["spec.template.spec.containers.[name=app].env.[name=A].value", "metadata.name"]}]}],
      expected: [{"apiVersion": "v1", "data": {"csv": "a,b,c", "em": {}, "empty": "", "flag": true, "host": "a.b.example.com", "l": ["x", "y"], "m": {"k": "v"}, "num": 9090, "port": "8080"}, "kind": "ConfigMap", "metadata": {"name": "src"}}, {"apiVersion": "apps/v1", "kind": "Deployment", "metadata": {"name": "9090"}, "spec": {"replicas": 1, "template": {"spec": {"containers": [{"env": [{"name": "A", "value": "9090"}, {"name": "B", "value": "x"}], "image": "nginx:1.0", "name": "app", "ports": [{"containerPort": 80, "name": "http"}]}, {"image": "busybox", "name": "myapp-sidecar", "ports": [{"containerPort": 81}]}]}}}}],
    },
    {
      name: "an int source into a float field",
      resources: [{"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "src"}, "data": {"port": "8080", "num": 9090, "host": "a.b.example.com", "csv": "a,b,c", "flag": true, "m": {"k": "v"}, "l": ["x", "y"], "em": {}, "empty": ""}}, {"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "t"}, "data": {"i": 1, "s": "str", "n": null, "f": 1.5, "b": true, "m": {"k": "v"}, "l": ["q"], "dots": "x.y.z"}}],
      replacements: [{"source": {"kind": "ConfigMap", "name": "src", "fieldPath": "data.num"}, "targets": [{"select": {"name": "t"}, "fieldPaths": ["data.f"]}]}],
      expected: [{"apiVersion": "v1", "data": {"csv": "a,b,c", "em": {}, "empty": "", "flag": true, "host": "a.b.example.com", "l": ["x", "y"], "m": {"k": "v"}, "num": 9090, "port": "8080"}, "kind": "ConfigMap", "metadata": {"name": "src"}}, {"apiVersion": "v1", "data": {"b": true, "dots": "x.y.z", "f": 9090, "i": 1, "l": ["q"], "m": {"k": "v"}, "n": null, "s": "str"}, "kind": "ConfigMap", "metadata": {"name": "t"}}],
    },
    {
      name: "a bool source into an int field is an error",
      resources: [{"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "src"}, "data": {"port": "8080", "num": 9090, "host": "a.b.example.com", "csv": "a,b,c", "flag": true, "m": {"k": "v"}, "l": ["x", "y"], "em": {}, "empty": ""}}, {"apiVersion": "apps/v1", "kind": "Deployment", "metadata": {"name": "web"}, "spec": {"replicas": 1, "template": {"spec": {"containers": [{"name": "app", "image": "nginx:1.0", "ports": [{"containerPort": 80, "name": "http"}], "env": [{"name": "A", "value": "1"}, {"name": "B", "value": "x"}]}, {"name": "myapp-sidecar", "image": "busybox", "ports": [{"containerPort": 81}]}]}}}}],
      replacements: [{"source": {"kind": "ConfigMap", "name": "src", "fieldPath": "data.flag"}, "targets": [{"select": {"kind": "Deployment"}, "fieldPaths": ["spec.replicas"]}]}],
      expected: {"code": "KUST_REPLACEMENT_TARGET", "kubectl": "\"map[string]interface {}(nil): yaml: cannot decode !!bool `true` as a !!int\""},
    },
    {
      name: "a word into an int field is an error",
      resources: [{"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "src"}, "data": {"port": "8080", "num": 9090, "host": "a.b.example.com", "csv": "a,b,c", "flag": true, "m": {"k": "v"}, "l": ["x", "y"], "em": {}, "empty": ""}}, {"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "t"}, "data": {"i": 1, "s": "str", "n": null, "f": 1.5, "b": true, "m": {"k": "v"}, "l": ["q"], "dots": "x.y.z"}}],
      replacements: [{"source": {"kind": "ConfigMap", "name": "src", "fieldPath": "data.host"}, "targets": [{"select": {"name": "t"}, "fieldPaths": ["data.i"]}]}],
      expected: {"code": "KUST_REPLACEMENT_TARGET", "kubectl": "\"map[string]interface {}(nil): yaml: cannot decode !!str `a.b.example.com` as a !!int\""},
    },
    {
      name: "a string into a null field is an error",
      resources: [{"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "src"}, "data": {"port": "8080", "num": 9090, "host": "a.b.example.com", "csv": "a,b,c", "flag": true, "m": {"k": "v"}, "l": ["x", "y"], "em": {}, "empty": ""}}, {"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "t"}, "data": {"i": 1, "s": "str", "n": null, "f": 1.5, "b": true, "m": {"k": "v"}, "l": ["q"], "dots": "x.y.z"}}],
      replacements: [{"source": {"kind": "ConfigMap", "name": "src", "fieldPath": "data.host"}, "targets": [{"select": {"name": "t"}, "fieldPaths": ["data.n"]}]}],
      expected: {"code": "KUST_REPLACEMENT_TARGET", "kubectl": "\"map[string]interface {}(nil): yaml: cannot decode !!str `a.b.example.com` as a !!null\""},
    },
    {
      name: "an empty string into an int field is an error",
      resources: [{"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "src"}, "data": {"port": "8080", "num": 9090, "host": "a.b.example.com", "csv": "a,b,c", "flag": true, "m": {"k": "v"}, "l": ["x", "y"], "em": {}, "empty": ""}}, {"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "t"}, "data": {"i": 1, "s": "str", "n": null, "f": 1.5, "b": true, "m": {"k": "v"}, "l": ["q"], "dots": "x.y.z"}}],
      replacements: [{"source": {"kind": "ConfigMap", "name": "src", "fieldPath": "data.empty"}, "targets": [{"select": {"name": "t"}, "fieldPaths": ["data.i"]}]}],
      expected: {"code": "KUST_REPLACEMENT_TARGET", "kubectl": "\"map[string]interface {}(nil): yaml: cannot decode !!null `` as a !!int\""},
    },
    {
      name: "an empty string source is a value",
      resources: [{"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "src"}, "data": {"port": "8080", "num": 9090, "host": "a.b.example.com", "csv": "a,b,c", "flag": true, "m": {"k": "v"}, "l": ["x", "y"], "em": {}, "empty": ""}}, {"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "t"}, "data": {"i": 1, "s": "str", "n": null, "f": 1.5, "b": true, "m": {"k": "v"}, "l": ["q"], "dots": "x.y.z"}}],
      replacements: [{"source": {"kind": "ConfigMap", "name": "src", "fieldPath": "data.empty"}, "targets": [{"select": {"name": "t"}, "fieldPaths": ["data.s"]}]}],
      expected: [{"apiVersion": "v1", "data": {"csv": "a,b,c", "em": {}, "empty": "", "flag": true, "host": "a.b.example.com", "l": ["x", "y"], "m": {"k": "v"}, "num": 9090, "port": "8080"}, "kind": "ConfigMap", "metadata": {"name": "src"}}, {"apiVersion": "v1", "data": {"b": true, "dots": "x.y.z", "f": 1.5, "i": 1, "l": ["q"], "m": {"k": "v"}, "n": null, "s": ""}, "kind": "ConfigMap", "metadata": {"name": "t"}}],
    },
    {
      name: "[k=v] in targets is an unanchored regex",
      resources: [{"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "src"}, "data": {"port": "8080", "num": 9090, "host": "a.b.example.com", "csv": "a,b,c", "flag": true, "m": {"k": "v"}, "l": ["x", "y"], "em": {}, "empty": ""}}, {"apiVersion": "apps/v1", "kind": "Deployment", "metadata": {"name": "web"}, "spec": {"replicas": 1, "template": {"spec": {"containers": [{"name": "app", "image": "nginx:1.0", "ports": [{"containerPort": 80, "name": "http"}], "env": [{"name": "A", "value": "1"}, {"name": "B", "value": "x"}]}, {"name": "myapp-sidecar", "image": "busybox", "ports": [{"containerPort": 81}]}]}}}}],
      replacements: [{"source": {"kind": "ConfigMap", "name": "src", "fieldPath": "data.port"}, "targets": [{"select": {"kind": "Deployment"}, "fieldPaths": ["spec.template.spec.containers.[name=app].ports.0.containerPort"]}]}],
      expected: [{"apiVersion": "v1", "data": {"csv": "a,b,c", "em": {}, "empty": "", "flag": true, "host": "a.b.example.com", "l": ["x", "y"], "m": {"k": "v"}, "num": 9090, "port": "8080"}, "kind": "ConfigMap", "metadata": {"name": "src"}}, {"apiVersion": "apps/v1", "kind": "Deployment", "metadata": {"name": "web"}, "spec": {"replicas": 1, "template": {"spec": {"containers": [{"env": [{"name": "A", "value": "1"}, {"name": "B", "value": "x"}], "image": "nginx:1.0", "name": "app", "ports": [{"containerPort": 8080, "name": "http"}]}, {"image": "busybox", "name": "myapp-sidecar", "ports": [{"containerPort": 8080}]}]}}}}],
    },
    {
      name: "* matches every element",
      resources: [{"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "src"}, "data": {"port": "8080", "num": 9090, "host": "a.b.example.com", "csv": "a,b,c", "flag": true, "m": {"k": "v"}, "l": ["x", "y"], "em": {}, "empty": ""}}, {"apiVersion": "apps/v1", "kind": "Deployment", "metadata": {"name": "web"}, "spec": {"replicas": 1, "template": {"spec": {"containers": [{"name": "app", "image": "nginx:1.0", "ports": [{"containerPort": 80, "name": "http"}], "env": [{"name": "A", "value": "1"}, {"name": "B", "value": "x"}]}, {"name": "myapp-sidecar", "image": "busybox", "ports": [{"containerPort": 81}]}]}}}}],
      replacements: [{"source": {"kind": "ConfigMap", "name": "src", "fieldPath": "data.host"}, "targets": [{"select": {"kind": "Deployment"}, "fieldPaths": ["spec.template.spec.containers.*.image"]}]}],
      expected: [{"apiVersion": "v1", "data": {"csv": "a,b,c", "em": {}, "empty": "", "flag": true, "host": "a.b.example.com", "l": ["x", "y"], "m": {"k": "v"}, "num": 9090, "port": "8080"}, "kind": "ConfigMap", "metadata": {"name": "src"}}, {"apiVersion": "apps/v1", "kind": "Deployment", "metadata": {"name": "web"}, "spec": {"replicas": 1, "template": {"spec": {"containers": [{"env": [{"name": "A", "value": "1"}, {"name": "B", "value": "x"}], "image": "a.b.example.com", "name": "app", "ports": [{"containerPort": 80, "name": "http"}]}, {"image": "a.b.example.com", "name": "myapp-sidecar", "ports": [{"containerPort": 81}]}]}}}}],
    },
    {
      name: "escaped dots and bracketed keys",
      resources: [{"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "src"}, "data": {"port": "8080", "num": 9090, "host": "a.b.example.com", "csv": "a,b,c", "flag": true, "m": {"k": "v"}, "l": ["x", "y"], "em": {}, "empty": ""}}, {"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "t", "annotations": {"a.b/c": "old", "x.y": "old", "z": "old"}}, "data": {"x": "1"}}],
      replacements: [{"source": {"kind": "ConfigMap", "name": "src", "fieldPath": "data.host"}, "targets": [{"select": {"name": "t"}, "fieldPaths": ["metadata.annotations.[a.b/c]", "metadata.annotations.x\\.y"]}]}],
      expected: [{"apiVersion": "v1", "data": {"csv": "a,b,c", "em": {}, "empty": "", "flag": true, "host": "a.b.example.com", "l": ["x", "y"], "m": {"k": "v"}, "num": 9090, "port": "8080"}, "kind": "ConfigMap", "metadata": {"name": "src"}}, {"apiVersion": "v1", "data": {"x": "1"}, "kind": "ConfigMap", "metadata": {"annotations": {"a.b/c": "a.b.example.com", "x.y": "a.b.example.com", "z": "old"}, "name": "t"}}],
    },
    {
      name: "default source and target field paths are metadata.name",
      resources: [{"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "src"}, "data": {"port": "8080", "num": 9090, "host": "a.b.example.com", "csv": "a,b,c", "flag": true, "m": {"k": "v"}, "l": ["x", "y"], "em": {}, "empty": ""}}, {"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "t"}, "data": {"x": "1"}}],
      replacements: [{"source": {"kind": "ConfigMap", "name": "src"}, "targets": [{"select": {"name": "t"}, "fieldPaths": ["data.x"]}]}, {"source": {"kind": "ConfigMap", "name": "src", "fieldPath": "data.host"}, "targets": [{"select": {"name": "t"}}]}],
      expected: [{"apiVersion": "v1", "data": {"csv": "a,b,c", "em": {}, "empty": "", "flag": true, "host": "a.b.example.com", "l": ["x", "y"], "m": {"k": "v"}, "num": 9090, "port": "8080"}, "kind": "ConfigMap", "metadata": {"name": "src"}}, {"apiVersion": "v1", "data": {"x": "src"}, "kind": "ConfigMap", "metadata": {"name": "a.b.example.com"}}],
    },
    {
      name: "a map source replaces a map target",
      resources: [{"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "src"}, "data": {"port": "8080", "num": 9090, "host": "a.b.example.com", "csv": "a,b,c", "flag": true, "m": {"k": "v"}, "l": ["x", "y"], "em": {}, "empty": ""}}, {"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "t"}, "data": {"i": 1, "s": "str", "n": null, "f": 1.5, "b": true, "m": {"k": "v"}, "l": ["q"], "dots": "x.y.z"}}],
      replacements: [{"source": {"kind": "ConfigMap", "name": "src", "fieldPath": "data.m"}, "targets": [{"select": {"name": "t"}, "fieldPaths": ["data.m"]}]}],
      expected: [{"apiVersion": "v1", "data": {"csv": "a,b,c", "em": {}, "empty": "", "flag": true, "host": "a.b.example.com", "l": ["x", "y"], "m": {"k": "v"}, "num": 9090, "port": "8080"}, "kind": "ConfigMap", "metadata": {"name": "src"}}, {"apiVersion": "v1", "data": {"b": true, "dots": "x.y.z", "f": 1.5, "i": 1, "l": ["q"], "m": {"k": "v"}, "n": null, "s": "str"}, "kind": "ConfigMap", "metadata": {"name": "t"}}],
    },
    {
      name: "a map source into a scalar target leaves an empty string",
      resources: [{"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "src"}, "data": {"port": "8080", "num": 9090, "host": "a.b.example.com", "csv": "a,b,c", "flag": true, "m": {"k": "v"}, "l": ["x", "y"], "em": {}, "empty": ""}}, {"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "t"}, "data": {"i": 1, "s": "str", "n": null, "f": 1.5, "b": true, "m": {"k": "v"}, "l": ["q"], "dots": "x.y.z"}}],
      replacements: [{"source": {"kind": "ConfigMap", "name": "src", "fieldPath": "data.m"}, "targets": [{"select": {"name": "t"}, "fieldPaths": ["data.s"]}]}],
      expected: [{"apiVersion": "v1", "data": {"csv": "a,b,c", "em": {}, "empty": "", "flag": true, "host": "a.b.example.com", "l": ["x", "y"], "m": {"k": "v"}, "num": 9090, "port": "8080"}, "kind": "ConfigMap", "metadata": {"name": "src"}}, {"apiVersion": "v1", "data": {"b": true, "dots": "x.y.z", "f": 1.5, "i": 1, "l": ["q"], "m": {"k": "v"}, "n": null, "s": ""}, "kind": "ConfigMap", "metadata": {"name": "t"}}],
    },
    {
      name: "a list source into a scalar target leaves an empty string",
      resources: [{"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "src"}, "data": {"port": "8080", "num": 9090, "host": "a.b.example.com", "csv": "a,b,c", "flag": true, "m": {"k": "v"}, "l": ["x", "y"], "em": {}, "empty": ""}}, {"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "t"}, "data": {"i": 1, "s": "str", "n": null, "f": 1.5, "b": true, "m": {"k": "v"}, "l": ["q"], "dots": "x.y.z"}}],
      replacements: [{"source": {"kind": "ConfigMap", "name": "src", "fieldPath": "data.l"}, "targets": [{"select": {"name": "t"}, "fieldPaths": ["data.s"]}]}],
      expected: [{"apiVersion": "v1", "data": {"csv": "a,b,c", "em": {}, "empty": "", "flag": true, "host": "a.b.example.com", "l": ["x", "y"], "m": {"k": "v"}, "num": 9090, "port": "8080"}, "kind": "ConfigMap", "metadata": {"name": "src"}}, {"apiVersion": "v1", "data": {"b": true, "dots": "x.y.z", "f": 1.5, "i": 1, "l": ["q"], "m": {"k": "v"}, "n": null, "s": ""}, "kind": "ConfigMap", "metadata": {"name": "t"}}],
    },
    {
      name: "a scalar source replaces a map target",
      resources: [{"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "src"}, "data": {"port": "8080", "num": 9090, "host": "a.b.example.com", "csv": "a,b,c", "flag": true, "m": {"k": "v"}, "l": ["x", "y"], "em": {}, "empty": ""}}, {"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "t"}, "data": {"i": 1, "s": "str", "n": null, "f": 1.5, "b": true, "m": {"k": "v"}, "l": ["q"], "dots": "x.y.z"}}],
      replacements: [{"source": {"kind": "ConfigMap", "name": "src", "fieldPath": "data.host"}, "targets": [{"select": {"name": "t"}, "fieldPaths": ["data.m", "data.l"]}]}],
      expected: [{"apiVersion": "v1", "data": {"csv": "a,b,c", "em": {}, "empty": "", "flag": true, "host": "a.b.example.com", "l": ["x", "y"], "m": {"k": "v"}, "num": 9090, "port": "8080"}, "kind": "ConfigMap", "metadata": {"name": "src"}}, {"apiVersion": "v1", "data": {"b": true, "dots": "x.y.z", "f": 1.5, "i": 1, "l": "a.b.example.com", "m": "a.b.example.com", "n": null, "s": "str"}, "kind": "ConfigMap", "metadata": {"name": "t"}}],
    },
    {
      name: "an empty map source is missing",
      resources: [{"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "src"}, "data": {"port": "8080", "num": 9090, "host": "a.b.example.com", "csv": "a,b,c", "flag": true, "m": {"k": "v"}, "l": ["x", "y"], "em": {}, "empty": ""}}, {"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "t"}, "data": {"i": 1, "s": "str", "n": null, "f": 1.5, "b": true, "m": {"k": "v"}, "l": ["q"], "dots": "x.y.z"}}],
      replacements: [{"source": {"kind": "ConfigMap", "name": "src", "fieldPath": "data.em"}, "targets": [{"select": {"name": "t"}, "fieldPaths": ["data.s"]}]}],
      expected: {"code": "KUST_REPLACEMENT_SOURCE", "kubectl": "\"fieldPath `data.em` is missing for replacement source ConfigMap.[noVer].[noGrp]/src.[noNs]\""},
    },
    {
      name: "a missing source field is an error",
      resources: [{"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "src"}, "data": {"port": "8080", "num": 9090, "host": "a.b.example.com", "csv": "a,b,c", "flag": true, "m": {"k": "v"}, "l": ["x", "y"], "em": {}, "empty": ""}}, {"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "t"}, "data": {"i": 1, "s": "str", "n": null, "f": 1.5, "b": true, "m": {"k": "v"}, "l": ["q"], "dots": "x.y.z"}}],
      replacements: [{"source": {"kind": "ConfigMap", "name": "src", "fieldPath": "data.nope"}, "targets": [{"select": {"name": "t"}, "fieldPaths": ["data.s"]}]}],
      expected: {"code": "KUST_REPLACEMENT_SOURCE", "kubectl": "\"fieldPath `data.nope` is missing for replacement source ConfigMap.[noVer].[noGrp]/src.[noNs]\""},
    },
    {
      name: "a null source field is missing",
      resources: [{"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "src"}, "data": {"port": "8080", "num": 9090, "host": "a.b.example.com", "csv": "a,b,c", "flag": true, "m": {"k": "v"}, "l": ["x", "y"], "em": {}, "empty": ""}}, {"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "t"}, "data": {"i": 1, "s": "str", "n": null, "f": 1.5, "b": true, "m": {"k": "v"}, "l": ["q"], "dots": "x.y.z"}}],
      replacements: [{"source": {"kind": "ConfigMap", "name": "t", "fieldPath": "data.n"}, "targets": [{"select": {"name": "t"}, "fieldPaths": ["data.s"]}]}],
      expected: {"code": "KUST_REPLACEMENT_SOURCE", "kubectl": "\"fieldPath `data.n` is missing for replacement source ConfigMap.[noVer].[noGrp]/t.[noNs]\""},
    },
    {
      name: "source delimiter picks a part",
      resources: [{"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "src"}, "data": {"port": "8080", "num": 9090, "host": "a.b.example.com", "csv": "a,b,c", "flag": true, "m": {"k": "v"}, "l": ["x", "y"], "em": {}, "empty": ""}}, {"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "t"}, "data": {"i": 1, "s": "str", "n": null, "f": 1.5, "b": true, "m": {"k": "v"}, "l": ["q"], "dots": "x.y.z"}}],
      replacements: [{"source": {"kind": "ConfigMap", "name": "src", "fieldPath": "data.csv", "options": {"delimiter": ",", "index": 1}}, "targets": [{"select": {"name": "t"}, "fieldPaths": ["data.s"]}]}],
      expected: [{"apiVersion": "v1", "data": {"csv": "a,b,c", "em": {}, "empty": "", "flag": true, "host": "a.b.example.com", "l": ["x", "y"], "m": {"k": "v"}, "num": 9090, "port": "8080"}, "kind": "ConfigMap", "metadata": {"name": "src"}}, {"apiVersion": "v1", "data": {"b": true, "dots": "x.y.z", "f": 1.5, "i": 1, "l": ["q"], "m": {"k": "v"}, "n": null, "s": "b"}, "kind": "ConfigMap", "metadata": {"name": "t"}}],
    },
    {
      name: "source index out of bounds is an error",
      resources: [{"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "src"}, "data": {"port": "8080", "num": 9090, "host": "a.b.example.com", "csv": "a,b,c", "flag": true, "m": {"k": "v"}, "l": ["x", "y"], "em": {}, "empty": ""}}, {"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "t"}, "data": {"i": 1, "s": "str", "n": null, "f": 1.5, "b": true, "m": {"k": "v"}, "l": ["q"], "dots": "x.y.z"}}],
      replacements: [{"source": {"kind": "ConfigMap", "name": "src", "fieldPath": "data.csv", "options": {"delimiter": ",", "index": 3}}, "targets": [{"select": {"name": "t"}, "fieldPaths": ["data.s"]}]}],
      expected: {"code": "KUST_REPLACEMENT_SOURCE", "kubectl": "\"options.index 3 is out of bounds for value a,b,c\""},
    },
    {
      name: "source negative index is an error",
      resources: [{"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "src"}, "data": {"port": "8080", "num": 9090, "host": "a.b.example.com", "csv": "a,b,c", "flag": true, "m": {"k": "v"}, "l": ["x", "y"], "em": {}, "empty": ""}}, {"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "t"}, "data": {"i": 1, "s": "str", "n": null, "f": 1.5, "b": true, "m": {"k": "v"}, "l": ["q"], "dots": "x.y.z"}}],
      replacements: [{"source": {"kind": "ConfigMap", "name": "src", "fieldPath": "data.csv", "options": {"delimiter": ",", "index": -1}}, "targets": [{"select": {"name": "t"}, "fieldPaths": ["data.s"]}]}],
      expected: {"code": "KUST_REPLACEMENT_SOURCE", "kubectl": "\"options.index -1 is out of bounds for value a,b,c\""},
    },
    {
      name: "target delimiter replaces part 0",
      resources: [{"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "src"}, "data": {"port": "8080", "num": 9090, "host": "a.b.example.com", "csv": "a,b,c", "flag": true, "m": {"k": "v"}, "l": ["x", "y"], "em": {}, "empty": ""}}, {"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "t"}, "data": {"i": 1, "s": "str", "n": null, "f": 1.5, "b": true, "m": {"k": "v"}, "l": ["q"], "dots": "x.y.z"}}],
      replacements: [{"source": {"kind": "ConfigMap", "name": "src", "fieldPath": "data.host"}, "targets": [{"select": {"name": "t"}, "fieldPaths": ["data.dots"], "options": {"delimiter": ".", "index": 0}}]}],
      expected: [{"apiVersion": "v1", "data": {"csv": "a,b,c", "em": {}, "empty": "", "flag": true, "host": "a.b.example.com", "l": ["x", "y"], "m": {"k": "v"}, "num": 9090, "port": "8080"}, "kind": "ConfigMap", "metadata": {"name": "src"}}, {"apiVersion": "v1", "data": {"b": true, "dots": "a.b.example.com.y.z", "f": 1.5, "i": 1, "l": ["q"], "m": {"k": "v"}, "n": null, "s": "str"}, "kind": "ConfigMap", "metadata": {"name": "t"}}],
    },
    {
      name: "target delimiter with index < 0 prepends",
      resources: [{"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "src"}, "data": {"port": "8080", "num": 9090, "host": "a.b.example.com", "csv": "a,b,c", "flag": true, "m": {"k": "v"}, "l": ["x", "y"], "em": {}, "empty": ""}}, {"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "t"}, "data": {"i": 1, "s": "str", "n": null, "f": 1.5, "b": true, "m": {"k": "v"}, "l": ["q"], "dots": "x.y.z"}}],
      replacements: [{"source": {"kind": "ConfigMap", "name": "src", "fieldPath": "data.host"}, "targets": [{"select": {"name": "t"}, "fieldPaths": ["data.dots"], "options": {"delimiter": ".", "index": -1}}]}],
      expected: [{"apiVersion": "v1", "data": {"csv": "a,b,c", "em": {}, "empty": "", "flag": true, "host": "a.b.example.com", "l": ["x", "y"], "m": {"k": "v"}, "num": 9090, "port": "8080"}, "kind": "ConfigMap", "metadata": {"name": "src"}}, {"apiVersion": "v1", "data": {"b": true, "dots": "a.b.example.com.x.y.z", "f": 1.5, "i": 1, "l": ["q"], "m": {"k": "v"}, "n": null, "s": "str"}, "kind": "ConfigMap", "metadata": {"name": "t"}}],
    },
    {
      name: "target delimiter with index = length appends",
      resources: [{"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "src"}, "data": {"port": "8080", "num": 9090, "host": "a.b.example.com", "csv": "a,b,c", "flag": true, "m": {"k": "v"}, "l": ["x", "y"], "em": {}, "empty": ""}}, {"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "t"}, "data": {"i": 1, "s": "str", "n": null, "f": 1.5, "b": true, "m": {"k": "v"}, "l": ["q"], "dots": "x.y.z"}}],
      replacements: [{"source": {"kind": "ConfigMap", "name": "src", "fieldPath": "data.host"}, "targets": [{"select": {"name": "t"}, "fieldPaths": ["data.dots"], "options": {"delimiter": ".", "index": 3}}]}],
      expected: [{"apiVersion": "v1", "data": {"csv": "a,b,c", "em": {}, "empty": "", "flag": true, "host": "a.b.example.com", "l": ["x", "y"], "m": {"k": "v"}, "num": 9090, "port": "8080"}, "kind": "ConfigMap", "metadata": {"name": "src"}}, {"apiVersion": "v1", "data": {"b": true, "dots": "x.y.z.a.b.example.com", "f": 1.5, "i": 1, "l": ["q"], "m": {"k": "v"}, "n": null, "s": "str"}, "kind": "ConfigMap", "metadata": {"name": "t"}}],
    },
    {
      name: "target delimiter past the end appends",
      resources: [{"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "src"}, "data": {"port": "8080", "num": 9090, "host": "a.b.example.com", "csv": "a,b,c", "flag": true, "m": {"k": "v"}, "l": ["x", "y"], "em": {}, "empty": ""}}, {"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "t"}, "data": {"i": 1, "s": "str", "n": null, "f": 1.5, "b": true, "m": {"k": "v"}, "l": ["q"], "dots": "x.y.z"}}],
      replacements: [{"source": {"kind": "ConfigMap", "name": "src", "fieldPath": "data.host"}, "targets": [{"select": {"name": "t"}, "fieldPaths": ["data.dots"], "options": {"delimiter": ".", "index": 7}}]}],
      expected: [{"apiVersion": "v1", "data": {"csv": "a,b,c", "em": {}, "empty": "", "flag": true, "host": "a.b.example.com", "l": ["x", "y"], "m": {"k": "v"}, "num": 9090, "port": "8080"}, "kind": "ConfigMap", "metadata": {"name": "src"}}, {"apiVersion": "v1", "data": {"b": true, "dots": "x.y.z.a.b.example.com", "f": 1.5, "i": 1, "l": ["q"], "m": {"k": "v"}, "n": null, "s": "str"}, "kind": "ConfigMap", "metadata": {"name": "t"}}],
    },
    {
      name: "target delimiter replaces a middle part",
      resources: [{"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "src"}, "data": {"port": "8080", "num": 9090, "host": "a.b.example.com", "csv": "a,b,c", "flag": true, "m": {"k": "v"}, "l": ["x", "y"], "em": {}, "empty": ""}}, {"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "t"}, "data": {"i": 1, "s": "str", "n": null, "f": 1.5, "b": true, "m": {"k": "v"}, "l": ["q"], "dots": "x.y.z"}}],
      replacements: [{"source": {"kind": "ConfigMap", "name": "src", "fieldPath": "data.host"}, "targets": [{"select": {"name": "t"}, "fieldPaths": ["data.dots"], "options": {"delimiter": ".", "index": 1}}]}],
      expected: [{"apiVersion": "v1", "data": {"csv": "a,b,c", "em": {}, "empty": "", "flag": true, "host": "a.b.example.com", "l": ["x", "y"], "m": {"k": "v"}, "num": 9090, "port": "8080"}, "kind": "ConfigMap", "metadata": {"name": "src"}}, {"apiVersion": "v1", "data": {"b": true, "dots": "x.a.b.example.com.z", "f": 1.5, "i": 1, "l": ["q"], "m": {"k": "v"}, "n": null, "s": "str"}, "kind": "ConfigMap", "metadata": {"name": "t"}}],
    },
    {
      name: "target delimiter on an int keeps the int",
      resources: [{"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "src"}, "data": {"port": "8080", "num": 9090, "host": "a.b.example.com", "csv": "a,b,c", "flag": true, "m": {"k": "v"}, "l": ["x", "y"], "em": {}, "empty": ""}}, {"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "t"}, "data": {"i": 1, "s": "str", "n": null, "f": 1.5, "b": true, "m": {"k": "v"}, "l": ["q"], "dots": "x.y.z"}}],
      replacements: [{"source": {"kind": "ConfigMap", "name": "src", "fieldPath": "data.num"}, "targets": [{"select": {"name": "t"}, "fieldPaths": ["data.i"], "options": {"delimiter": "0", "index": 1}}]}],
      expected: [{"apiVersion": "v1", "data": {"csv": "a,b,c", "em": {}, "empty": "", "flag": true, "host": "a.b.example.com", "l": ["x", "y"], "m": {"k": "v"}, "num": 9090, "port": "8080"}, "kind": "ConfigMap", "metadata": {"name": "src"}}, {"apiVersion": "v1", "data": {"b": true, "dots": "x.y.z", "f": 1.5, "i": 109090, "l": ["q"], "m": {"k": "v"}, "n": null, "s": "str"}, "kind": "ConfigMap", "metadata": {"name": "t"}}],
    },
    {
      name: "multi-character delimiter",
      resources: [{"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "src"}, "data": {"port": "8080", "num": 9090, "host": "a.b.example.com", "csv": "a,b,c", "flag": true, "m": {"k": "v"}, "l": ["x", "y"], "em": {}, "empty": ""}}, {"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "t"}, "data": {"x": "a--b--c"}}],
      replacements: [{"source": {"kind": "ConfigMap", "name": "src", "fieldPath": "data.host"}, "targets": [{"select": {"name": "t"}, "fieldPaths": ["data.x"], "options": {"delimiter": "--", "index": 1}}]}],
      expected: [{"apiVersion": "v1", "data": {"csv": "a,b,c", "em": {}, "empty": "", "flag": true, "host": "a.b.example.com", "l": ["x", "y"], "m": {"k": "v"}, "num": 9090, "port": "8080"}, "kind": "ConfigMap", "metadata": {"name": "src"}}, {"apiVersion": "v1", "data": {"x": "a--a.b.example.com--c"}, "kind": "ConfigMap", "metadata": {"name": "t"}}],
    },
    {
      name: "target delimiter on a map is an error",
      resources: [{"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "src"}, "data": {"port": "8080", "num": 9090, "host": "a.b.example.com", "csv": "a,b,c", "flag": true, "m": {"k": "v"}, "l": ["x", "y"], "em": {}, "empty": ""}}, {"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "t"}, "data": {"i": 1, "s": "str", "n": null, "f": 1.5, "b": true, "m": {"k": "v"}, "l": ["q"], "dots": "x.y.z"}}],
      replacements: [{"source": {"kind": "ConfigMap", "name": "src", "fieldPath": "data.host"}, "targets": [{"select": {"name": "t"}, "fieldPaths": ["data.m"], "options": {"delimiter": "."}}]}],
      expected: {"code": "KUST_REPLACEMENT_TARGET", "kubectl": "\"delimiter option can only be used with scalar nodes\""},
    },
    {
      name: "source delimiter on a map is an error",
      resources: [{"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "src"}, "data": {"port": "8080", "num": 9090, "host": "a.b.example.com", "csv": "a,b,c", "flag": true, "m": {"k": "v"}, "l": ["x", "y"], "em": {}, "empty": ""}}, {"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "t"}, "data": {"i": 1, "s": "str", "n": null, "f": 1.5, "b": true, "m": {"k": "v"}, "l": ["q"], "dots": "x.y.z"}}],
      replacements: [{"source": {"kind": "ConfigMap", "name": "src", "fieldPath": "data.m", "options": {"delimiter": "."}}, "targets": [{"select": {"name": "t"}, "fieldPaths": ["data.s"]}]}],
      expected: {"code": "KUST_REPLACEMENT_SOURCE", "kubectl": "\"delimiter option can only be used with scalar nodes\""},
    },
    {
      name: "create makes a missing leaf untyped: \"8080\" becomes an int",
      resources: [{"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "src"}, "data": {"port": "8080", "num": 9090, "host": "a.b.example.com", "csv": "a,b,c", "flag": true, "m": {"k": "v"}, "l": ["x", "y"], "em": {}, "empty": ""}}, {"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "t"}, "data": {}}],
      replacements: [{"source": {"kind": "ConfigMap", "name": "src", "fieldPath": "data.port"}, "targets": [{"select": {"name": "t"}, "fieldPaths": ["data.p", "spec.q.r"], "options": {"create": true}}]}],
      expected: [{"apiVersion": "v1", "data": {"csv": "a,b,c", "em": {}, "empty": "", "flag": true, "host": "a.b.example.com", "l": ["x", "y"], "m": {"k": "v"}, "num": 9090, "port": "8080"}, "kind": "ConfigMap", "metadata": {"name": "src"}}, {"apiVersion": "v1", "data": {"p": 8080}, "kind": "ConfigMap", "metadata": {"name": "t"}, "spec": {"q": {"r": 8080}}}],
    },
    {
      name: "create with an existing string field keeps it a string",
      resources: [{"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "src"}, "data": {"port": "8080", "num": 9090, "host": "a.b.example.com", "csv": "a,b,c", "flag": true, "m": {"k": "v"}, "l": ["x", "y"], "em": {}, "empty": ""}}, {"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "t"}, "data": {"s": "x"}}],
      replacements: [{"source": {"kind": "ConfigMap", "name": "src", "fieldPath": "data.port"}, "targets": [{"select": {"name": "t"}, "fieldPaths": ["data.s"], "options": {"create": true}}]}],
      expected: [{"apiVersion": "v1", "data": {"csv": "a,b,c", "em": {}, "empty": "", "flag": true, "host": "a.b.example.com", "l": ["x", "y"], "m": {"k": "v"}, "num": 9090, "port": "8080"}, "kind": "ConfigMap", "metadata": {"name": "src"}}, {"apiVersion": "v1", "data": {"s": "8080"}, "kind": "ConfigMap", "metadata": {"name": "t"}}],
    },
    {
      name: "create a map subtree",
      resources: [{"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "src"}, "data": {"port": "8080", "num": 9090, "host": "a.b.example.com", "csv": "a,b,c", "flag": true, "m": {"k": "v"}, "l": ["x", "y"], "em": {}, "empty": ""}}, {"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "t"}, "data": {"i": 1, "s": "str", "n": null, "f": 1.5, "b": true, "m": {"k": "v"}, "l": ["q"], "dots": "x.y.z"}}],
      replacements: [{"source": {"kind": "ConfigMap", "name": "src", "fieldPath": "data.m"}, "targets": [{"select": {"name": "t"}, "fieldPaths": ["data.zz.yy"], "options": {"create": true}}]}],
      expected: [{"apiVersion": "v1", "data": {"csv": "a,b,c", "em": {}, "empty": "", "flag": true, "host": "a.b.example.com", "l": ["x", "y"], "m": {"k": "v"}, "num": 9090, "port": "8080"}, "kind": "ConfigMap", "metadata": {"name": "src"}}, {"apiVersion": "v1", "data": {"b": true, "dots": "x.y.z", "f": 1.5, "i": 1, "l": ["q"], "m": {"k": "v"}, "n": null, "s": "str", "zz": {"yy": {"k": "v"}}}, "kind": "ConfigMap", "metadata": {"name": "t"}}],
    },
    {
      name: "create a list element by selector and by appending index",
      resources: [{"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "src"}, "data": {"port": "8080", "num": 9090, "host": "a.b.example.com", "csv": "a,b,c", "flag": true, "m": {"k": "v"}, "l": ["x", "y"], "em": {}, "empty": ""}}, {"apiVersion": "apps/v1", "kind": "Deployment", "metadata": {"name": "web"}, "spec": {"replicas": 1, "template": {"spec": {"containers": [{"name": "app", "image": "nginx:1.0", "ports": [{"containerPort": 80, "name": "http"}], "env": [{"name": "A", "value": "1"}, {"name": "B", "value": "x"}]}, {"name": "myapp-sidecar", "image": "busybox", "ports": [{"containerPort": 81}]}]}}}}],
      replacements: [{"source": {"kind": "ConfigMap", "name": "src", "fieldPath": "data.host"}, "targets": [{"select": {"kind": "Deployment"}, "fieldPaths": ["spec.template.spec.containers.[name=zz].image", "spec.template.spec.containers.3.image"], "options": {"create": true}}]}],
      expected: [{"apiVersion": "v1", "data": {"csv": "a,b,c", "em": {}, "empty": "", "flag": true, "host": "a.b.example.com", "l": ["x", "y"], "m": {"k": "v"}, "num": 9090, "port": "8080"}, "kind": "ConfigMap", "metadata": {"name": "src"}}, {"apiVersion": "apps/v1", "kind": "Deployment", "metadata": {"name": "web"}, "spec": {"replicas": 1, "template": {"spec": {"containers": [{"env": [{"name": "A", "value": "1"}, {"name": "B", "value": "x"}], "image": "nginx:1.0", "name": "app", "ports": [{"containerPort": 80, "name": "http"}]}, {"image": "busybox", "name": "myapp-sidecar", "ports": [{"containerPort": 81}]}, {"image": "a.b.example.com", "name": "zz"}, {"image": "a.b.example.com"}]}}}}],
    },
    {
      name: "create an element whose key looks like an int",
      resources: [{"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "src"}, "data": {"port": "8080", "num": 9090, "host": "a.b.example.com", "csv": "a,b,c", "flag": true, "m": {"k": "v"}, "l": ["x", "y"], "em": {}, "empty": ""}}, {"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "t"}, "data": {}}],
      replacements: [{"source": {"kind": "ConfigMap", "name": "src", "fieldPath": "data.host"}, "targets": [{"select": {"name": "t"}, "fieldPaths": ["spec.ports.[containerPort=8080].name", "spec.list.[=foo]"], "options": {"create": true}}]}],
      expected: [{"apiVersion": "v1", "data": {"csv": "a,b,c", "em": {}, "empty": "", "flag": true, "host": "a.b.example.com", "l": ["x", "y"], "m": {"k": "v"}, "num": 9090, "port": "8080"}, "kind": "ConfigMap", "metadata": {"name": "src"}}, {"apiVersion": "v1", "data": {}, "kind": "ConfigMap", "metadata": {"name": "t"}, "spec": {"list": ["a.b.example.com"], "ports": [{"containerPort": 8080, "name": "a.b.example.com"}]}}],
    },
    {
      name: "create with * only visits existing elements",
      resources: [{"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "src"}, "data": {"port": "8080", "num": 9090, "host": "a.b.example.com", "csv": "a,b,c", "flag": true, "m": {"k": "v"}, "l": ["x", "y"], "em": {}, "empty": ""}}, {"apiVersion": "apps/v1", "kind": "Deployment", "metadata": {"name": "web"}, "spec": {"replicas": 1, "template": {"spec": {"containers": [{"name": "app", "image": "nginx:1.0", "ports": [{"containerPort": 80, "name": "http"}], "env": [{"name": "A", "value": "1"}, {"name": "B", "value": "x"}]}, {"name": "myapp-sidecar", "image": "busybox", "ports": [{"containerPort": 81}]}]}}}}],
      replacements: [{"source": {"kind": "ConfigMap", "name": "src", "fieldPath": "data.host"}, "targets": [{"select": {"kind": "Deployment"}, "fieldPaths": ["spec.template.spec.containers.*.image"], "options": {"create": true}}]}],
      expected: [{"apiVersion": "v1", "data": {"csv": "a,b,c", "em": {}, "empty": "", "flag": true, "host": "a.b.example.com", "l": ["x", "y"], "m": {"k": "v"}, "num": 9090, "port": "8080"}, "kind": "ConfigMap", "metadata": {"name": "src"}}, {"apiVersion": "apps/v1", "kind": "Deployment", "metadata": {"name": "web"}, "spec": {"replicas": 1, "template": {"spec": {"containers": [{"env": [{"name": "A", "value": "1"}, {"name": "B", "value": "x"}], "image": "a.b.example.com", "name": "app", "ports": [{"containerPort": 80, "name": "http"}]}, {"image": "a.b.example.com", "name": "myapp-sidecar", "ports": [{"containerPort": 81}]}]}}}}],
    },
    {
      name: "create below a null field is silently lost",
      resources: [{"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "src"}, "data": {"port": "8080", "num": 9090, "host": "a.b.example.com", "csv": "a,b,c", "flag": true, "m": {"k": "v"}, "l": ["x", "y"], "em": {}, "empty": ""}}, {"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "t"}, "data": {"i": 1, "s": "str", "n": null, "f": 1.5, "b": true, "m": {"k": "v"}, "l": ["q"], "dots": "x.y.z"}}],
      replacements: [{"source": {"kind": "ConfigMap", "name": "src", "fieldPath": "data.host"}, "targets": [{"select": {"name": "t"}, "fieldPaths": ["data.n.x", "data.n.0"], "options": {"create": true}}]}],
      expected: [{"apiVersion": "v1", "data": {"csv": "a,b,c", "em": {}, "empty": "", "flag": true, "host": "a.b.example.com", "l": ["x", "y"], "m": {"k": "v"}, "num": 9090, "port": "8080"}, "kind": "ConfigMap", "metadata": {"name": "src"}}, {"apiVersion": "v1", "data": {"b": true, "dots": "x.y.z", "f": 1.5, "i": 1, "l": ["q"], "m": {"k": "v"}, "n": null, "s": "str"}, "kind": "ConfigMap", "metadata": {"name": "t"}}],
    },
    {
      name: "a missing target field is an error without create",
      resources: [{"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "src"}, "data": {"port": "8080", "num": 9090, "host": "a.b.example.com", "csv": "a,b,c", "flag": true, "m": {"k": "v"}, "l": ["x", "y"], "em": {}, "empty": ""}}, {"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "t"}, "data": {"i": 1, "s": "str", "n": null, "f": 1.5, "b": true, "m": {"k": "v"}, "l": ["q"], "dots": "x.y.z"}}],
      replacements: [{"source": {"kind": "ConfigMap", "name": "src", "fieldPath": "data.host"}, "targets": [{"select": {"name": "t"}, "fieldPaths": ["data.zz"]}]}],
      expected: {"code": "KUST_REPLACEMENT_TARGET", "kubectl": "\"unable to find field \\\"data.zz\\\" in replacement target\""},
    },
    {
      name: "an unmatched list selector is an error",
      resources: [{"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "src"}, "data": {"port": "8080", "num": 9090, "host": "a.b.example.com", "csv": "a,b,c", "flag": true, "m": {"k": "v"}, "l": ["x", "y"], "em": {}, "empty": ""}}, {"apiVersion": "apps/v1", "kind": "Deployment", "metadata": {"name": "web"}, "spec": {"replicas": 1, "template": {"spec": {"containers": [{"name": "app", "image": "nginx:1.0", "ports": [{"containerPort": 80, "name": "http"}], "env": [{"name": "A", "value": "1"}, {"name": "B", "value": "x"}]}, {"name": "myapp-sidecar", "image": "busybox", "ports": [{"containerPort": 81}]}]}}}}],
      replacements: [{"source": {"kind": "ConfigMap", "name": "src", "fieldPath": "data.host"}, "targets": [{"select": {"kind": "Deployment"}, "fieldPaths": ["spec.template.spec.containers.[name=zz].image"]}]}],
      expected: {"code": "KUST_REPLACEMENT_TARGET", "kubectl": "\"unable to find field \\\"spec.template.spec.containers.[name=zz].image\\\" in replacement target\""},
    },
    {
      name: "an index past the end is an error",
      resources: [{"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "src"}, "data": {"port": "8080", "num": 9090, "host": "a.b.example.com", "csv": "a,b,c", "flag": true, "m": {"k": "v"}, "l": ["x", "y"], "em": {}, "empty": ""}}, {"apiVersion": "apps/v1", "kind": "Deployment", "metadata": {"name": "web"}, "spec": {"replicas": 1, "template": {"spec": {"containers": [{"name": "app", "image": "nginx:1.0", "ports": [{"containerPort": 80, "name": "http"}], "env": [{"name": "A", "value": "1"}, {"name": "B", "value": "x"}]}, {"name": "myapp-sidecar", "image": "busybox", "ports": [{"containerPort": 81}]}]}}}}],
      replacements: [{"source": {"kind": "ConfigMap", "name": "src", "fieldPath": "data.host"}, "targets": [{"select": {"kind": "Deployment"}, "fieldPaths": ["spec.template.spec.containers.5.image"]}]}],
      expected: {"code": "KUST_REPLACEMENT_TARGET", "kubectl": "\"unable to find field \\\"spec.template.spec.containers.5.image\\\" in replacement target: index 5 specified but only 2 elements found\""},
    },
    {
      name: "a field step through a list is an error",
      resources: [{"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "src"}, "data": {"port": "8080", "num": 9090, "host": "a.b.example.com", "csv": "a,b,c", "flag": true, "m": {"k": "v"}, "l": ["x", "y"], "em": {}, "empty": ""}}, {"apiVersion": "apps/v1", "kind": "Deployment", "metadata": {"name": "web"}, "spec": {"replicas": 1, "template": {"spec": {"containers": [{"name": "app", "image": "nginx:1.0", "ports": [{"containerPort": 80, "name": "http"}], "env": [{"name": "A", "value": "1"}, {"name": "B", "value": "x"}]}, {"name": "myapp-sidecar", "image": "busybox", "ports": [{"containerPort": 81}]}]}}}}],
      replacements: [{"source": {"kind": "ConfigMap", "name": "src", "fieldPath": "data.host"}, "targets": [{"select": {"kind": "Deployment"}, "fieldPaths": ["spec.template.spec.containers.image"]}]}],
      expected: {"code": "KUST_REPLACEMENT_TARGET", "kubectl": "<\n\tunable to find field \"spec.template.spec.containers.image\" in replacement target: wrong node kind: expected MappingNode but got SequenceNode: node contents:\n\t[{\"name\": \"app\", \"image\": \"nginx:1.0\", \"ports\": [{\"containerPort\": 80, \"name\": \"http\"}], \"env\": [{\"name\": \"A\", \"value\": \"1\"}, {\"name\": \"B\", \"value\": \"x\"}]}, {\"name\": \"myapp-sidecar\", \"image\": \"busybox\", \"ports\": [{\"containerPort\": 81}]}]\n >"},
    },
    {
      name: "a field step through a scalar is an error even with create",
      resources: [{"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "src"}, "data": {"port": "8080", "num": 9090, "host": "a.b.example.com", "csv": "a,b,c", "flag": true, "m": {"k": "v"}, "l": ["x", "y"], "em": {}, "empty": ""}}, {"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "t"}, "data": {"i": 1, "s": "str", "n": null, "f": 1.5, "b": true, "m": {"k": "v"}, "l": ["q"], "dots": "x.y.z"}}],
      replacements: [{"source": {"kind": "ConfigMap", "name": "src", "fieldPath": "data.host"}, "targets": [{"select": {"name": "t"}, "fieldPaths": ["data.s.x"], "options": {"create": true}}]}],
      expected: {"code": "KUST_REPLACEMENT_TARGET", "kubectl": "<\n\tunable to find or create field \"data.s.x\" in replacement target: wrong node kind: expected MappingNode but got ScalarNode: node contents:\n\t\"str\"\n >"},
    },
    {
      name: "containers[] is not a list marker in replacements",
      resources: [{"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "src"}, "data": {"port": "8080", "num": 9090, "host": "a.b.example.com", "csv": "a,b,c", "flag": true, "m": {"k": "v"}, "l": ["x", "y"], "em": {}, "empty": ""}}, {"apiVersion": "apps/v1", "kind": "Deployment", "metadata": {"name": "web"}, "spec": {"replicas": 1, "template": {"spec": {"containers": [{"name": "app", "image": "nginx:1.0", "ports": [{"containerPort": 80, "name": "http"}], "env": [{"name": "A", "value": "1"}, {"name": "B", "value": "x"}]}, {"name": "myapp-sidecar", "image": "busybox", "ports": [{"containerPort": 81}]}]}}}}],
      replacements: [{"source": {"kind": "ConfigMap", "name": "src", "fieldPath": "data.host"}, "targets": [{"select": {"kind": "Deployment"}, "fieldPaths": ["spec.template.spec.containers[].image"]}]}],
      expected: {"code": "KUST_REPLACEMENT_TARGET", "kubectl": "\"unable to find field \\\"spec.template.spec.containers[].image\\\" in replacement target\""},
    },
    {
      name: "select names are exact, not regexes",
      resources: [{"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "src"}, "data": {"port": "8080", "num": 9090, "host": "a.b.example.com", "csv": "a,b,c", "flag": true, "m": {"k": "v"}, "l": ["x", "y"], "em": {}, "empty": ""}}, {"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "t1", "labels": {"app": "one"}}, "data": {"x": "1"}}, {"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "t2", "namespace": "ns1", "labels": {"app": "two"}, "annotations": {"k": "v"}}, "data": {"x": "2"}}, {"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "other"}, "data": {"x": "3"}}, {"apiVersion": "apps/v1", "kind": "Deployment", "metadata": {"name": "d", "labels": {"app": "one"}}, "spec": {"replicas": 1, "template": {"spec": {"containers": [{"name": "app", "image": "nginx:1.0", "ports": [{"containerPort": 80, "name": "http"}], "env": [{"name": "A", "value": "1"}, {"name": "B", "value": "x"}]}, {"name": "myapp-sidecar", "image": "busybox", "ports": [{"containerPort": 81}]}]}}}}],
      replacements: [{"source": {"kind": "ConfigMap", "name": "src", "fieldPath": "data.host"}, "targets": [{"select": {"name": "t.*"}, "fieldPaths": ["data.x"]}]}],
      expected: [{"apiVersion": "v1", "data": {"csv": "a,b,c", "em": {}, "empty": "", "flag": true, "host": "a.b.example.com", "l": ["x", "y"], "m": {"k": "v"}, "num": 9090, "port": "8080"}, "kind": "ConfigMap", "metadata": {"name": "src"}}, {"apiVersion": "v1", "data": {"x": "1"}, "kind": "ConfigMap", "metadata": {"labels": {"app": "one"}, "name": "t1"}}, {"apiVersion": "v1", "data": {"x": "2"}, "kind": "ConfigMap", "metadata": {"annotations": {"k": "v"}, "labels": {"app": "two"}, "name": "t2", "namespace": "ns1"}}, {"apiVersion": "v1", "data": {"x": "3"}, "kind": "ConfigMap", "metadata": {"name": "other"}}, {"apiVersion": "apps/v1", "kind": "Deployment", "metadata": {"labels": {"app": "one"}, "name": "d"}, "spec": {"replicas": 1, "template": {"spec": {"containers": [{"env": [{"name": "A", "value": "1"}, {"name": "B", "value": "x"}], "image": "nginx:1.0", "name": "app", "ports": [{"containerPort": 80, "name": "http"}]}, {"image": "busybox", "name": "myapp-sidecar", "ports": [{"containerPort": 81}]}]}}}}],
    },
    {
      name: "select by namespace",
      resources: [{"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "src"}, "data": {"port": "8080", "num": 9090, "host": "a.b.example.com", "csv": "a,b,c", "flag": true, "m": {"k": "v"}, "l": ["x", "y"], "em": {}, "empty": ""}}, {"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "t1", "labels": {"app": "one"}}, "data": {"x": "1"}}, {"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "t2", "namespace": "ns1", "labels": {"app": "two"}, "annotations": {"k": "v"}}, "data": {"x": "2"}}, {"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "other"}, "data": {"x": "3"}}, {"apiVersion": "apps/v1", "kind": "Deployment", "metadata": {"name": "d", "labels": {"app": "one"}}, "spec": {"replicas": 1, "template": {"spec": {"containers": [{"name": "app", "image": "nginx:1.0", "ports": [{"containerPort": 80, "name": "http"}], "env": [{"name": "A", "value": "1"}, {"name": "B", "value": "x"}]}, {"name": "myapp-sidecar", "image": "busybox", "ports": [{"containerPort": 81}]}]}}}}],
      replacements: [{"source": {"kind": "ConfigMap", "name": "src", "fieldPath": "data.host"}, "targets": [{"select": {"namespace": "ns1"}, "fieldPaths": ["data.x"]}]}],
      expected: [{"apiVersion": "v1", "data": {"csv": "a,b,c", "em": {}, "empty": "", "flag": true, "host": "a.b.example.com", "l": ["x", "y"], "m": {"k": "v"}, "num": 9090, "port": "8080"}, "kind": "ConfigMap", "metadata": {"name": "src"}}, {"apiVersion": "v1", "data": {"x": "1"}, "kind": "ConfigMap", "metadata": {"labels": {"app": "one"}, "name": "t1"}}, {"apiVersion": "v1", "data": {"x": "a.b.example.com"}, "kind": "ConfigMap", "metadata": {"annotations": {"k": "v"}, "labels": {"app": "two"}, "name": "t2", "namespace": "ns1"}}, {"apiVersion": "v1", "data": {"x": "3"}, "kind": "ConfigMap", "metadata": {"name": "other"}}, {"apiVersion": "apps/v1", "kind": "Deployment", "metadata": {"labels": {"app": "one"}, "name": "d"}, "spec": {"replicas": 1, "template": {"spec": {"containers": [{"env": [{"name": "A", "value": "1"}, {"name": "B", "value": "x"}], "image": "nginx:1.0", "name": "app", "ports": [{"containerPort": 80, "name": "http"}]}, {"image": "busybox", "name": "myapp-sidecar", "ports": [{"containerPort": 81}]}]}}}}],
    },
    {
      name: "select namespace default matches unnamespaced objects",
      resources: [{"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "src"}, "data": {"port": "8080", "num": 9090, "host": "a.b.example.com", "csv": "a,b,c", "flag": true, "m": {"k": "v"}, "l": ["x", "y"], "em": {}, "empty": ""}}, {"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "t1", "labels": {"app": "one"}}, "data": {"x": "1"}}, {"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "t2", "namespace": "ns1", "labels": {"app": "two"}, "annotations": {"k": "v"}}, "data": {"x": "2"}}, {"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "other"}, "data": {"x": "3"}}, {"apiVersion": "apps/v1", "kind": "Deployment", "metadata": {"name": "d", "labels": {"app": "one"}}, "spec": {"replicas": 1, "template": {"spec": {"containers": [{"name": "app", "image": "nginx:1.0", "ports": [{"containerPort": 80, "name": "http"}], "env": [{"name": "A", "value": "1"}, {"name": "B", "value": "x"}]}, {"name": "myapp-sidecar", "image": "busybox", "ports": [{"containerPort": 81}]}]}}}}],
      replacements: [{"source": {"kind": "ConfigMap", "name": "src", "fieldPath": "data.host"}, "targets": [{"select": {"namespace": "default", "kind": "ConfigMap"}, "fieldPaths": ["data.x"], "options": {"create": true}}]}],
      expected: [{"apiVersion": "v1", "data": {"csv": "a,b,c", "em": {}, "empty": "", "flag": true, "host": "a.b.example.com", "l": ["x", "y"], "m": {"k": "v"}, "num": 9090, "port": "8080", "x": "a.b.example.com"}, "kind": "ConfigMap", "metadata": {"name": "src"}}, {"apiVersion": "v1", "data": {"x": "a.b.example.com"}, "kind": "ConfigMap", "metadata": {"labels": {"app": "one"}, "name": "t1"}}, {"apiVersion": "v1", "data": {"x": "2"}, "kind": "ConfigMap", "metadata": {"annotations": {"k": "v"}, "labels": {"app": "two"}, "name": "t2", "namespace": "ns1"}}, {"apiVersion": "v1", "data": {"x": "a.b.example.com"}, "kind": "ConfigMap", "metadata": {"name": "other"}}, {"apiVersion": "apps/v1", "kind": "Deployment", "metadata": {"labels": {"app": "one"}, "name": "d"}, "spec": {"replicas": 1, "template": {"spec": {"containers": [{"env": [{"name": "A", "value": "1"}, {"name": "B", "value": "x"}], "image": "nginx:1.0", "name": "app", "ports": [{"containerPort": 80, "name": "http"}]}, {"image": "busybox", "name": "myapp-sidecar", "ports": [{"containerPort": 81}]}]}}}}],
    },
    {
      name: "select namespace default matches cluster-scoped objects too",
      resources: [{"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "src"}, "data": {"port": "8080", "num": 9090, "host": "a.b.example.com", "csv": "a,b,c", "flag": true, "m": {"k": "v"}, "l": ["x", "y"], "em": {}, "empty": ""}}, {"apiVersion": "v1", "kind": "Namespace", "metadata": {"name": "nsx"}}, {"apiVersion": "rbac.authorization.k8s.io/v1", "kind": "ClusterRole", "metadata": {"name": "cr"}}, {"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "cm2", "namespace": "default"}, "data": {}}, {"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "cm3", "namespace": "other"}, "data": {}}],
      replacements: [{"source": {"kind": "ConfigMap", "name": "src", "fieldPath": "data.host"}, "targets": [{"select": {"namespace": "default"}, "fieldPaths": ["metadata.annotations.r"], "options": {"create": true}}]}],
      expected: [{"apiVersion": "v1", "data": {"csv": "a,b,c", "em": {}, "empty": "", "flag": true, "host": "a.b.example.com", "l": ["x", "y"], "m": {"k": "v"}, "num": 9090, "port": "8080"}, "kind": "ConfigMap", "metadata": {"annotations": {"r": "a.b.example.com"}, "name": "src"}}, {"apiVersion": "v1", "kind": "Namespace", "metadata": {"annotations": {"r": "a.b.example.com"}, "name": "nsx"}}, {"apiVersion": "rbac.authorization.k8s.io/v1", "kind": "ClusterRole", "metadata": {"annotations": {"r": "a.b.example.com"}, "name": "cr"}}, {"apiVersion": "v1", "data": {}, "kind": "ConfigMap", "metadata": {"annotations": {"r": "a.b.example.com"}, "name": "cm2", "namespace": "default"}}, {"apiVersion": "v1", "data": {}, "kind": "ConfigMap", "metadata": {"name": "cm3", "namespace": "other"}}],
    },
    {
      name: "source namespace default finds a cluster-scoped object",
      resources: [{"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "src"}, "data": {"port": "8080", "num": 9090, "host": "a.b.example.com", "csv": "a,b,c", "flag": true, "m": {"k": "v"}, "l": ["x", "y"], "em": {}, "empty": ""}}, {"apiVersion": "v1", "kind": "Namespace", "metadata": {"name": "nsx"}}, {"apiVersion": "rbac.authorization.k8s.io/v1", "kind": "ClusterRole", "metadata": {"name": "cr"}}, {"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "cm2", "namespace": "default"}, "data": {}}, {"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "cm3", "namespace": "other"}, "data": {}}],
      replacements: [{"source": {"kind": "Namespace", "namespace": "default"}, "targets": [{"select": {"name": "cm3"}, "fieldPaths": ["data.ns"], "options": {"create": true}}]}],
      expected: [{"apiVersion": "v1", "data": {"csv": "a,b,c", "em": {}, "empty": "", "flag": true, "host": "a.b.example.com", "l": ["x", "y"], "m": {"k": "v"}, "num": 9090, "port": "8080"}, "kind": "ConfigMap", "metadata": {"name": "src"}}, {"apiVersion": "v1", "kind": "Namespace", "metadata": {"name": "nsx"}}, {"apiVersion": "rbac.authorization.k8s.io/v1", "kind": "ClusterRole", "metadata": {"name": "cr"}}, {"apiVersion": "v1", "data": {}, "kind": "ConfigMap", "metadata": {"name": "cm2", "namespace": "default"}}, {"apiVersion": "v1", "data": {"ns": "nsx"}, "kind": "ConfigMap", "metadata": {"name": "cm3", "namespace": "other"}}],
    },
    {
      name: "select by label and kind",
      resources: [{"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "src"}, "data": {"port": "8080", "num": 9090, "host": "a.b.example.com", "csv": "a,b,c", "flag": true, "m": {"k": "v"}, "l": ["x", "y"], "em": {}, "empty": ""}}, {"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "t1", "labels": {"app": "one"}}, "data": {"x": "1"}}, {"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "t2", "namespace": "ns1", "labels": {"app": "two"}, "annotations": {"k": "v"}}, "data": {"x": "2"}}, {"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "other"}, "data": {"x": "3"}}, {"apiVersion": "apps/v1", "kind": "Deployment", "metadata": {"name": "d", "labels": {"app": "one"}}, "spec": {"replicas": 1, "template": {"spec": {"containers": [{"name": "app", "image": "nginx:1.0", "ports": [{"containerPort": 80, "name": "http"}], "env": [{"name": "A", "value": "1"}, {"name": "B", "value": "x"}]}, {"name": "myapp-sidecar", "image": "busybox", "ports": [{"containerPort": 81}]}]}}}}],
      replacements: [{"source": {"kind": "ConfigMap", "name": "src", "fieldPath": "data.host"}, "targets": [{"select": {"kind": "ConfigMap", "labelSelector": "app in (one,two)"}, "fieldPaths": ["data.x"]}]}],
      expected: [{"apiVersion": "v1", "data": {"csv": "a,b,c", "em": {}, "empty": "", "flag": true, "host": "a.b.example.com", "l": ["x", "y"], "m": {"k": "v"}, "num": 9090, "port": "8080"}, "kind": "ConfigMap", "metadata": {"name": "src"}}, {"apiVersion": "v1", "data": {"x": "a.b.example.com"}, "kind": "ConfigMap", "metadata": {"labels": {"app": "one"}, "name": "t1"}}, {"apiVersion": "v1", "data": {"x": "a.b.example.com"}, "kind": "ConfigMap", "metadata": {"annotations": {"k": "v"}, "labels": {"app": "two"}, "name": "t2", "namespace": "ns1"}}, {"apiVersion": "v1", "data": {"x": "3"}, "kind": "ConfigMap", "metadata": {"name": "other"}}, {"apiVersion": "apps/v1", "kind": "Deployment", "metadata": {"labels": {"app": "one"}, "name": "d"}, "spec": {"replicas": 1, "template": {"spec": {"containers": [{"env": [{"name": "A", "value": "1"}, {"name": "B", "value": "x"}], "image": "nginx:1.0", "name": "app", "ports": [{"containerPort": 80, "name": "http"}]}, {"image": "busybox", "name": "myapp-sidecar", "ports": [{"containerPort": 81}]}]}}}}],
    },
    {
      name: "select by annotation",
      resources: [{"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "src"}, "data": {"port": "8080", "num": 9090, "host": "a.b.example.com", "csv": "a,b,c", "flag": true, "m": {"k": "v"}, "l": ["x", "y"], "em": {}, "empty": ""}}, {"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "t1", "labels": {"app": "one"}}, "data": {"x": "1"}}, {"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "t2", "namespace": "ns1", "labels": {"app": "two"}, "annotations": {"k": "v"}}, "data": {"x": "2"}}, {"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "other"}, "data": {"x": "3"}}, {"apiVersion": "apps/v1", "kind": "Deployment", "metadata": {"name": "d", "labels": {"app": "one"}}, "spec": {"replicas": 1, "template": {"spec": {"containers": [{"name": "app", "image": "nginx:1.0", "ports": [{"containerPort": 80, "name": "http"}], "env": [{"name": "A", "value": "1"}, {"name": "B", "value": "x"}]}, {"name": "myapp-sidecar", "image": "busybox", "ports": [{"containerPort": 81}]}]}}}}],
      replacements: [{"source": {"kind": "ConfigMap", "name": "src", "fieldPath": "data.host"}, "targets": [{"select": {"annotationSelector": "k=v"}, "fieldPaths": ["data.x"]}]}],
      expected: [{"apiVersion": "v1", "data": {"csv": "a,b,c", "em": {}, "empty": "", "flag": true, "host": "a.b.example.com", "l": ["x", "y"], "m": {"k": "v"}, "num": 9090, "port": "8080"}, "kind": "ConfigMap", "metadata": {"name": "src"}}, {"apiVersion": "v1", "data": {"x": "1"}, "kind": "ConfigMap", "metadata": {"labels": {"app": "one"}, "name": "t1"}}, {"apiVersion": "v1", "data": {"x": "a.b.example.com"}, "kind": "ConfigMap", "metadata": {"annotations": {"k": "v"}, "labels": {"app": "two"}, "name": "t2", "namespace": "ns1"}}, {"apiVersion": "v1", "data": {"x": "3"}, "kind": "ConfigMap", "metadata": {"name": "other"}}, {"apiVersion": "apps/v1", "kind": "Deployment", "metadata": {"labels": {"app": "one"}, "name": "d"}, "spec": {"replicas": 1, "template": {"spec": {"containers": [{"env": [{"name": "A", "value": "1"}, {"name": "B", "value": "x"}], "image": "nginx:1.0", "name": "app", "ports": [{"containerPort": 80, "name": "http"}]}, {"image": "busybox", "name": "myapp-sidecar", "ports": [{"containerPort": 81}]}]}}}}],
    },
    {
      name: "select by group and version",
      resources: [{"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "src"}, "data": {"port": "8080", "num": 9090, "host": "a.b.example.com", "csv": "a,b,c", "flag": true, "m": {"k": "v"}, "l": ["x", "y"], "em": {}, "empty": ""}}, {"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "t1", "labels": {"app": "one"}}, "data": {"x": "1"}}, {"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "t2", "namespace": "ns1", "labels": {"app": "two"}, "annotations": {"k": "v"}}, "data": {"x": "2"}}, {"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "other"}, "data": {"x": "3"}}, {"apiVersion": "apps/v1", "kind": "Deployment", "metadata": {"name": "d", "labels": {"app": "one"}}, "spec": {"replicas": 1, "template": {"spec": {"containers": [{"name": "app", "image": "nginx:1.0", "ports": [{"containerPort": 80, "name": "http"}], "env": [{"name": "A", "value": "1"}, {"name": "B", "value": "x"}]}, {"name": "myapp-sidecar", "image": "busybox", "ports": [{"containerPort": 81}]}]}}}}],
      replacements: [{"source": {"kind": "ConfigMap", "name": "src", "fieldPath": "data.host"}, "targets": [{"select": {"group": "apps", "version": "v1"}, "fieldPaths": ["metadata.labels.app"]}]}],
      expected: [{"apiVersion": "v1", "data": {"csv": "a,b,c", "em": {}, "empty": "", "flag": true, "host": "a.b.example.com", "l": ["x", "y"], "m": {"k": "v"}, "num": 9090, "port": "8080"}, "kind": "ConfigMap", "metadata": {"name": "src"}}, {"apiVersion": "v1", "data": {"x": "1"}, "kind": "ConfigMap", "metadata": {"labels": {"app": "one"}, "name": "t1"}}, {"apiVersion": "v1", "data": {"x": "2"}, "kind": "ConfigMap", "metadata": {"annotations": {"k": "v"}, "labels": {"app": "two"}, "name": "t2", "namespace": "ns1"}}, {"apiVersion": "v1", "data": {"x": "3"}, "kind": "ConfigMap", "metadata": {"name": "other"}}, {"apiVersion": "apps/v1", "kind": "Deployment", "metadata": {"labels": {"app": "a.b.example.com"}, "name": "d"}, "spec": {"replicas": 1, "template": {"spec": {"containers": [{"env": [{"name": "A", "value": "1"}, {"name": "B", "value": "x"}], "image": "nginx:1.0", "name": "app", "ports": [{"containerPort": 80, "name": "http"}]}, {"image": "busybox", "name": "myapp-sidecar", "ports": [{"containerPort": 81}]}]}}}}],
    },
    {
      name: "reject by name",
      resources: [{"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "src"}, "data": {"port": "8080", "num": 9090, "host": "a.b.example.com", "csv": "a,b,c", "flag": true, "m": {"k": "v"}, "l": ["x", "y"], "em": {}, "empty": ""}}, {"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "t1", "labels": {"app": "one"}}, "data": {"x": "1"}}, {"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "t2", "namespace": "ns1", "labels": {"app": "two"}, "annotations": {"k": "v"}}, "data": {"x": "2"}}, {"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "other"}, "data": {"x": "3"}}, {"apiVersion": "apps/v1", "kind": "Deployment", "metadata": {"name": "d", "labels": {"app": "one"}}, "spec": {"replicas": 1, "template": {"spec": {"containers": [{"name": "app", "image": "nginx:1.0", "ports": [{"containerPort": 80, "name": "http"}], "env": [{"name": "A", "value": "1"}, {"name": "B", "value": "x"}]}, {"name": "myapp-sidecar", "image": "busybox", "ports": [{"containerPort": 81}]}]}}}}],
      replacements: [{"source": {"kind": "ConfigMap", "name": "src", "fieldPath": "data.host"}, "targets": [{"select": {"kind": "ConfigMap"}, "fieldPaths": ["data.x"], "reject": [{"name": "src"}, {"name": "other"}]}]}],
      expected: [{"apiVersion": "v1", "data": {"csv": "a,b,c", "em": {}, "empty": "", "flag": true, "host": "a.b.example.com", "l": ["x", "y"], "m": {"k": "v"}, "num": 9090, "port": "8080"}, "kind": "ConfigMap", "metadata": {"name": "src"}}, {"apiVersion": "v1", "data": {"x": "a.b.example.com"}, "kind": "ConfigMap", "metadata": {"labels": {"app": "one"}, "name": "t1"}}, {"apiVersion": "v1", "data": {"x": "a.b.example.com"}, "kind": "ConfigMap", "metadata": {"annotations": {"k": "v"}, "labels": {"app": "two"}, "name": "t2", "namespace": "ns1"}}, {"apiVersion": "v1", "data": {"x": "3"}, "kind": "ConfigMap", "metadata": {"name": "other"}}, {"apiVersion": "apps/v1", "kind": "Deployment", "metadata": {"labels": {"app": "one"}, "name": "d"}, "spec": {"replicas": 1, "template": {"spec": {"containers": [{"env": [{"name": "A", "value": "1"}, {"name": "B", "value": "x"}], "image": "nginx:1.0", "name": "app", "ports": [{"containerPort": 80, "name": "http"}]}, {"image": "busybox", "name": "myapp-sidecar", "ports": [{"containerPort": 81}]}]}}}}],
    },
    {
      name: "reject by label",
      resources: [{"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "src"}, "data": {"port": "8080", "num": 9090, "host": "a.b.example.com", "csv": "a,b,c", "flag": true, "m": {"k": "v"}, "l": ["x", "y"], "em": {}, "empty": ""}}, {"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "t1", "labels": {"app": "one"}}, "data": {"x": "1"}}, {"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "t2", "namespace": "ns1", "labels": {"app": "two"}, "annotations": {"k": "v"}}, "data": {"x": "2"}}, {"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "other"}, "data": {"x": "3"}}, {"apiVersion": "apps/v1", "kind": "Deployment", "metadata": {"name": "d", "labels": {"app": "one"}}, "spec": {"replicas": 1, "template": {"spec": {"containers": [{"name": "app", "image": "nginx:1.0", "ports": [{"containerPort": 80, "name": "http"}], "env": [{"name": "A", "value": "1"}, {"name": "B", "value": "x"}]}, {"name": "myapp-sidecar", "image": "busybox", "ports": [{"containerPort": 81}]}]}}}}],
      replacements: [{"source": {"kind": "ConfigMap", "name": "src", "fieldPath": "data.host"}, "targets": [{"select": {"kind": "ConfigMap"}, "fieldPaths": ["data.x"], "reject": [{"name": "src"}, {"labelSelector": "app=two"}]}]}],
      expected: [{"apiVersion": "v1", "data": {"csv": "a,b,c", "em": {}, "empty": "", "flag": true, "host": "a.b.example.com", "l": ["x", "y"], "m": {"k": "v"}, "num": 9090, "port": "8080"}, "kind": "ConfigMap", "metadata": {"name": "src"}}, {"apiVersion": "v1", "data": {"x": "a.b.example.com"}, "kind": "ConfigMap", "metadata": {"labels": {"app": "one"}, "name": "t1"}}, {"apiVersion": "v1", "data": {"x": "2"}, "kind": "ConfigMap", "metadata": {"annotations": {"k": "v"}, "labels": {"app": "two"}, "name": "t2", "namespace": "ns1"}}, {"apiVersion": "v1", "data": {"x": "a.b.example.com"}, "kind": "ConfigMap", "metadata": {"name": "other"}}, {"apiVersion": "apps/v1", "kind": "Deployment", "metadata": {"labels": {"app": "one"}, "name": "d"}, "spec": {"replicas": 1, "template": {"spec": {"containers": [{"env": [{"name": "A", "value": "1"}, {"name": "B", "value": "x"}], "image": "nginx:1.0", "name": "app", "ports": [{"containerPort": 80, "name": "http"}]}, {"image": "busybox", "name": "myapp-sidecar", "ports": [{"containerPort": 81}]}]}}}}],
    },
    {
      name: "reject id and label parts exclude separately",
      resources: [{"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "src"}, "data": {"port": "8080", "num": 9090, "host": "a.b.example.com", "csv": "a,b,c", "flag": true, "m": {"k": "v"}, "l": ["x", "y"], "em": {}, "empty": ""}}, {"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "t1", "labels": {"app": "one"}}, "data": {"x": "1"}}, {"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "t2", "namespace": "ns1", "labels": {"app": "two"}, "annotations": {"k": "v"}}, "data": {"x": "2"}}, {"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "other"}, "data": {"x": "3"}}, {"apiVersion": "apps/v1", "kind": "Deployment", "metadata": {"name": "d", "labels": {"app": "one"}}, "spec": {"replicas": 1, "template": {"spec": {"containers": [{"name": "app", "image": "nginx:1.0", "ports": [{"containerPort": 80, "name": "http"}], "env": [{"name": "A", "value": "1"}, {"name": "B", "value": "x"}]}, {"name": "myapp-sidecar", "image": "busybox", "ports": [{"containerPort": 81}]}]}}}}],
      replacements: [{"source": {"kind": "ConfigMap", "name": "src", "fieldPath": "data.host"}, "targets": [{"select": {"labelSelector": "app"}, "fieldPaths": ["metadata.annotations.r"], "options": {"create": true}, "reject": [{"kind": "Deployment", "labelSelector": "app=two"}]}]}],
      expected: [{"apiVersion": "v1", "data": {"csv": "a,b,c", "em": {}, "empty": "", "flag": true, "host": "a.b.example.com", "l": ["x", "y"], "m": {"k": "v"}, "num": 9090, "port": "8080"}, "kind": "ConfigMap", "metadata": {"name": "src"}}, {"apiVersion": "v1", "data": {"x": "1"}, "kind": "ConfigMap", "metadata": {"annotations": {"r": "a.b.example.com"}, "labels": {"app": "one"}, "name": "t1"}}, {"apiVersion": "v1", "data": {"x": "2"}, "kind": "ConfigMap", "metadata": {"annotations": {"k": "v"}, "labels": {"app": "two"}, "name": "t2", "namespace": "ns1"}}, {"apiVersion": "v1", "data": {"x": "3"}, "kind": "ConfigMap", "metadata": {"name": "other"}}, {"apiVersion": "apps/v1", "kind": "Deployment", "metadata": {"labels": {"app": "one"}, "name": "d"}, "spec": {"replicas": 1, "template": {"spec": {"containers": [{"env": [{"name": "A", "value": "1"}, {"name": "B", "value": "x"}], "image": "nginx:1.0", "name": "app", "ports": [{"containerPort": 80, "name": "http"}]}, {"image": "busybox", "name": "myapp-sidecar", "ports": [{"containerPort": 81}]}]}}}}],
    },
    {
      name: "an empty reject is ignored",
      resources: [{"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "src"}, "data": {"port": "8080", "num": 9090, "host": "a.b.example.com", "csv": "a,b,c", "flag": true, "m": {"k": "v"}, "l": ["x", "y"], "em": {}, "empty": ""}}, {"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "t1", "labels": {"app": "one"}}, "data": {"x": "1"}}, {"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "t2", "namespace": "ns1", "labels": {"app": "two"}, "annotations": {"k": "v"}}, "data": {"x": "2"}}, {"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "other"}, "data": {"x": "3"}}, {"apiVersion": "apps/v1", "kind": "Deployment", "metadata": {"name": "d", "labels": {"app": "one"}}, "spec": {"replicas": 1, "template": {"spec": {"containers": [{"name": "app", "image": "nginx:1.0", "ports": [{"containerPort": 80, "name": "http"}], "env": [{"name": "A", "value": "1"}, {"name": "B", "value": "x"}]}, {"name": "myapp-sidecar", "image": "busybox", "ports": [{"containerPort": 81}]}]}}}}],
      replacements: [{"source": {"kind": "ConfigMap", "name": "src", "fieldPath": "data.host"}, "targets": [{"select": {"name": "t1"}, "fieldPaths": ["data.x"], "reject": [{}]}]}],
      expected: [{"apiVersion": "v1", "data": {"csv": "a,b,c", "em": {}, "empty": "", "flag": true, "host": "a.b.example.com", "l": ["x", "y"], "m": {"k": "v"}, "num": 9090, "port": "8080"}, "kind": "ConfigMap", "metadata": {"name": "src"}}, {"apiVersion": "v1", "data": {"x": "a.b.example.com"}, "kind": "ConfigMap", "metadata": {"labels": {"app": "one"}, "name": "t1"}}, {"apiVersion": "v1", "data": {"x": "2"}, "kind": "ConfigMap", "metadata": {"annotations": {"k": "v"}, "labels": {"app": "two"}, "name": "t2", "namespace": "ns1"}}, {"apiVersion": "v1", "data": {"x": "3"}, "kind": "ConfigMap", "metadata": {"name": "other"}}, {"apiVersion": "apps/v1", "kind": "Deployment", "metadata": {"labels": {"app": "one"}, "name": "d"}, "spec": {"replicas": 1, "template": {"spec": {"containers": [{"env": [{"name": "A", "value": "1"}, {"name": "B", "value": "x"}], "image": "nginx:1.0", "name": "app", "ports": [{"containerPort": 80, "name": "http"}]}, {"image": "busybox", "name": "myapp-sidecar", "ports": [{"containerPort": 81}]}]}}}}],
    },
    {
      name: "a target selecting nothing is fine",
      resources: [{"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "src"}, "data": {"port": "8080", "num": 9090, "host": "a.b.example.com", "csv": "a,b,c", "flag": true, "m": {"k": "v"}, "l": ["x", "y"], "em": {}, "empty": ""}}, {"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "t1", "labels": {"app": "one"}}, "data": {"x": "1"}}, {"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "t2", "namespace": "ns1", "labels": {"app": "two"}, "annotations": {"k": "v"}}, "data": {"x": "2"}}, {"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "other"}, "data": {"x": "3"}}, {"apiVersion": "apps/v1", "kind": "Deployment", "metadata": {"name": "d", "labels": {"app": "one"}}, "spec": {"replicas": 1, "template": {"spec": {"containers": [{"name": "app", "image": "nginx:1.0", "ports": [{"containerPort": 80, "name": "http"}], "env": [{"name": "A", "value": "1"}, {"name": "B", "value": "x"}]}, {"name": "myapp-sidecar", "image": "busybox", "ports": [{"containerPort": 81}]}]}}}}],
      replacements: [{"source": {"kind": "ConfigMap", "name": "src", "fieldPath": "data.host"}, "targets": [{"select": {"name": "zzz"}, "fieldPaths": ["data.x"]}]}],
      expected: [{"apiVersion": "v1", "data": {"csv": "a,b,c", "em": {}, "empty": "", "flag": true, "host": "a.b.example.com", "l": ["x", "y"], "m": {"k": "v"}, "num": 9090, "port": "8080"}, "kind": "ConfigMap", "metadata": {"name": "src"}}, {"apiVersion": "v1", "data": {"x": "1"}, "kind": "ConfigMap", "metadata": {"labels": {"app": "one"}, "name": "t1"}}, {"apiVersion": "v1", "data": {"x": "2"}, "kind": "ConfigMap", "metadata": {"annotations": {"k": "v"}, "labels": {"app": "two"}, "name": "t2", "namespace": "ns1"}}, {"apiVersion": "v1", "data": {"x": "3"}, "kind": "ConfigMap", "metadata": {"name": "other"}}, {"apiVersion": "apps/v1", "kind": "Deployment", "metadata": {"labels": {"app": "one"}, "name": "d"}, "spec": {"replicas": 1, "template": {"spec": {"containers": [{"env": [{"name": "A", "value": "1"}, {"name": "B", "value": "x"}], "image": "nginx:1.0", "name": "app", "ports": [{"containerPort": 80, "name": "http"}]}, {"image": "busybox", "name": "myapp-sidecar", "ports": [{"containerPort": 81}]}]}}}}],
    },
    {
      name: "an empty select selects everything",
      resources: [{"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "src"}, "data": {"port": "8080", "num": 9090, "host": "a.b.example.com", "csv": "a,b,c", "flag": true, "m": {"k": "v"}, "l": ["x", "y"], "em": {}, "empty": ""}}, {"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "t1", "labels": {"app": "one"}}, "data": {"x": "1"}}, {"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "t2", "namespace": "ns1", "labels": {"app": "two"}, "annotations": {"k": "v"}}, "data": {"x": "2"}}, {"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "other"}, "data": {"x": "3"}}, {"apiVersion": "apps/v1", "kind": "Deployment", "metadata": {"name": "d", "labels": {"app": "one"}}, "spec": {"replicas": 1, "template": {"spec": {"containers": [{"name": "app", "image": "nginx:1.0", "ports": [{"containerPort": 80, "name": "http"}], "env": [{"name": "A", "value": "1"}, {"name": "B", "value": "x"}]}, {"name": "myapp-sidecar", "image": "busybox", "ports": [{"containerPort": 81}]}]}}}}],
      replacements: [{"source": {"kind": "ConfigMap", "name": "src", "fieldPath": "data.host"}, "targets": [{"select": {}, "fieldPaths": ["metadata.annotations.r"], "options": {"create": true}}]}],
      expected: [{"apiVersion": "v1", "data": {"csv": "a,b,c", "em": {}, "empty": "", "flag": true, "host": "a.b.example.com", "l": ["x", "y"], "m": {"k": "v"}, "num": 9090, "port": "8080"}, "kind": "ConfigMap", "metadata": {"annotations": {"r": "a.b.example.com"}, "name": "src"}}, {"apiVersion": "v1", "data": {"x": "1"}, "kind": "ConfigMap", "metadata": {"annotations": {"r": "a.b.example.com"}, "labels": {"app": "one"}, "name": "t1"}}, {"apiVersion": "v1", "data": {"x": "2"}, "kind": "ConfigMap", "metadata": {"annotations": {"k": "v", "r": "a.b.example.com"}, "labels": {"app": "two"}, "name": "t2", "namespace": "ns1"}}, {"apiVersion": "v1", "data": {"x": "3"}, "kind": "ConfigMap", "metadata": {"annotations": {"r": "a.b.example.com"}, "name": "other"}}, {"apiVersion": "apps/v1", "kind": "Deployment", "metadata": {"annotations": {"r": "a.b.example.com"}, "labels": {"app": "one"}, "name": "d"}, "spec": {"replicas": 1, "template": {"spec": {"containers": [{"env": [{"name": "A", "value": "1"}, {"name": "B", "value": "x"}], "image": "nginx:1.0", "name": "app", "ports": [{"containerPort": 80, "name": "http"}]}, {"image": "busybox", "name": "myapp-sidecar", "ports": [{"containerPort": 81}]}]}}}}],
    },
    {
      name: "several sources is an error",
      resources: [{"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "src"}, "data": {"port": "8080", "num": 9090, "host": "a.b.example.com", "csv": "a,b,c", "flag": true, "m": {"k": "v"}, "l": ["x", "y"], "em": {}, "empty": ""}}, {"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "t1", "labels": {"app": "one"}}, "data": {"x": "1"}}, {"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "t2", "namespace": "ns1", "labels": {"app": "two"}, "annotations": {"k": "v"}}, "data": {"x": "2"}}, {"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "other"}, "data": {"x": "3"}}, {"apiVersion": "apps/v1", "kind": "Deployment", "metadata": {"name": "d", "labels": {"app": "one"}}, "spec": {"replicas": 1, "template": {"spec": {"containers": [{"name": "app", "image": "nginx:1.0", "ports": [{"containerPort": 80, "name": "http"}], "env": [{"name": "A", "value": "1"}, {"name": "B", "value": "x"}]}, {"name": "myapp-sidecar", "image": "busybox", "ports": [{"containerPort": 81}]}]}}}}],
      replacements: [{"source": {"kind": "ConfigMap", "fieldPath": "data.x"}, "targets": [{"select": {"name": "t1"}, "fieldPaths": ["data.x"]}]}],
      expected: {"code": "KUST_REPLACEMENT_SOURCE", "kubectl": "\"multiple matches for selector ConfigMap.[noVer].[noGrp]/[noName].[noNs]:data.x\""},
    },
    {
      name: "no source is an error",
      resources: [{"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "src"}, "data": {"port": "8080", "num": 9090, "host": "a.b.example.com", "csv": "a,b,c", "flag": true, "m": {"k": "v"}, "l": ["x", "y"], "em": {}, "empty": ""}}, {"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "t1", "labels": {"app": "one"}}, "data": {"x": "1"}}, {"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "t2", "namespace": "ns1", "labels": {"app": "two"}, "annotations": {"k": "v"}}, "data": {"x": "2"}}, {"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "other"}, "data": {"x": "3"}}, {"apiVersion": "apps/v1", "kind": "Deployment", "metadata": {"name": "d", "labels": {"app": "one"}}, "spec": {"replicas": 1, "template": {"spec": {"containers": [{"name": "app", "image": "nginx:1.0", "ports": [{"containerPort": 80, "name": "http"}], "env": [{"name": "A", "value": "1"}, {"name": "B", "value": "x"}]}, {"name": "myapp-sidecar", "image": "busybox", "ports": [{"containerPort": 81}]}]}}}}],
      replacements: [{"source": {"kind": "ConfigMap", "name": "nope"}, "targets": [{"select": {"name": "t1"}, "fieldPaths": ["data.x"]}]}],
      expected: {"code": "KUST_REPLACEMENT_SOURCE", "kubectl": "\"nothing selected by ConfigMap.[noVer].[noGrp]/nope.[noNs]\""},
    },
    {
      name: "source names are exact, not regexes",
      resources: [{"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "src"}, "data": {"port": "8080", "num": 9090, "host": "a.b.example.com", "csv": "a,b,c", "flag": true, "m": {"k": "v"}, "l": ["x", "y"], "em": {}, "empty": ""}}, {"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "t1", "labels": {"app": "one"}}, "data": {"x": "1"}}, {"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "t2", "namespace": "ns1", "labels": {"app": "two"}, "annotations": {"k": "v"}}, "data": {"x": "2"}}, {"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "other"}, "data": {"x": "3"}}, {"apiVersion": "apps/v1", "kind": "Deployment", "metadata": {"name": "d", "labels": {"app": "one"}}, "spec": {"replicas": 1, "template": {"spec": {"containers": [{"name": "app", "image": "nginx:1.0", "ports": [{"containerPort": 80, "name": "http"}], "env": [{"name": "A", "value": "1"}, {"name": "B", "value": "x"}]}, {"name": "myapp-sidecar", "image": "busybox", "ports": [{"containerPort": 81}]}]}}}}],
      replacements: [{"source": {"kind": "ConfigMap", "name": "sr.*"}, "targets": [{"select": {"name": "t1"}, "fieldPaths": ["data.x"]}]}],
      expected: {"code": "KUST_REPLACEMENT_SOURCE", "kubectl": "\"nothing selected by ConfigMap.[noVer].[noGrp]/sr.*.[noNs]\""},
    },
    {
      name: "source by version only",
      resources: [{"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "src"}, "data": {"port": "8080", "num": 9090, "host": "a.b.example.com", "csv": "a,b,c", "flag": true, "m": {"k": "v"}, "l": ["x", "y"], "em": {}, "empty": ""}}, {"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "t1", "labels": {"app": "one"}}, "data": {"x": "1"}}, {"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "t2", "namespace": "ns1", "labels": {"app": "two"}, "annotations": {"k": "v"}}, "data": {"x": "2"}}, {"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "other"}, "data": {"x": "3"}}, {"apiVersion": "apps/v1", "kind": "Deployment", "metadata": {"name": "d", "labels": {"app": "one"}}, "spec": {"replicas": 1, "template": {"spec": {"containers": [{"name": "app", "image": "nginx:1.0", "ports": [{"containerPort": 80, "name": "http"}], "env": [{"name": "A", "value": "1"}, {"name": "B", "value": "x"}]}, {"name": "myapp-sidecar", "image": "busybox", "ports": [{"containerPort": 81}]}]}}}}],
      replacements: [{"source": {"version": "v1", "name": "src", "fieldPath": "data.host"}, "targets": [{"select": {"name": "t1"}, "fieldPaths": ["data.x"]}]}],
      expected: [{"apiVersion": "v1", "data": {"csv": "a,b,c", "em": {}, "empty": "", "flag": true, "host": "a.b.example.com", "l": ["x", "y"], "m": {"k": "v"}, "num": 9090, "port": "8080"}, "kind": "ConfigMap", "metadata": {"name": "src"}}, {"apiVersion": "v1", "data": {"x": "a.b.example.com"}, "kind": "ConfigMap", "metadata": {"labels": {"app": "one"}, "name": "t1"}}, {"apiVersion": "v1", "data": {"x": "2"}, "kind": "ConfigMap", "metadata": {"annotations": {"k": "v"}, "labels": {"app": "two"}, "name": "t2", "namespace": "ns1"}}, {"apiVersion": "v1", "data": {"x": "3"}, "kind": "ConfigMap", "metadata": {"name": "other"}}, {"apiVersion": "apps/v1", "kind": "Deployment", "metadata": {"labels": {"app": "one"}, "name": "d"}, "spec": {"replicas": 1, "template": {"spec": {"containers": [{"env": [{"name": "A", "value": "1"}, {"name": "B", "value": "x"}], "image": "nginx:1.0", "name": "app", "ports": [{"containerPort": 80, "name": "http"}]}, {"image": "busybox", "name": "myapp-sidecar", "ports": [{"containerPort": 81}]}]}}}}],
    },
    {
      name: "source list selector is exact and - is the last element",
      resources: [{"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "src"}, "data": {"port": "8080", "num": 9090, "host": "a.b.example.com", "csv": "a,b,c", "flag": true, "m": {"k": "v"}, "l": ["x", "y"], "em": {}, "empty": ""}}, {"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "t1", "labels": {"app": "one"}}, "data": {"x": "1"}}, {"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "t2", "namespace": "ns1", "labels": {"app": "two"}, "annotations": {"k": "v"}}, "data": {"x": "2"}}, {"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "other"}, "data": {"x": "3"}}, {"apiVersion": "apps/v1", "kind": "Deployment", "metadata": {"name": "d", "labels": {"app": "one"}}, "spec": {"replicas": 1, "template": {"spec": {"containers": [{"name": "app", "image": "nginx:1.0", "ports": [{"containerPort": 80, "name": "http"}], "env": [{"name": "A", "value": "1"}, {"name": "B", "value": "x"}]}, {"name": "myapp-sidecar", "image": "busybox", "ports": [{"containerPort": 81}]}]}}}}],
      replacements: [{"source": {"kind": "Deployment", "fieldPath": "spec.template.spec.containers.[name=app].image"}, "targets": [{"select": {"name": "t1"}, "fieldPaths": ["data.x"]}]}, {"source": {"kind": "Deployment", "fieldPath": "spec.template.spec.containers.-.image"}, "targets": [{"select": {"name": "other"}, "fieldPaths": ["data.x"]}]}],
      expected: [{"apiVersion": "v1", "data": {"csv": "a,b,c", "em": {}, "empty": "", "flag": true, "host": "a.b.example.com", "l": ["x", "y"], "m": {"k": "v"}, "num": 9090, "port": "8080"}, "kind": "ConfigMap", "metadata": {"name": "src"}}, {"apiVersion": "v1", "data": {"x": "nginx:1.0"}, "kind": "ConfigMap", "metadata": {"labels": {"app": "one"}, "name": "t1"}}, {"apiVersion": "v1", "data": {"x": "2"}, "kind": "ConfigMap", "metadata": {"annotations": {"k": "v"}, "labels": {"app": "two"}, "name": "t2", "namespace": "ns1"}}, {"apiVersion": "v1", "data": {"x": "busybox"}, "kind": "ConfigMap", "metadata": {"name": "other"}}, {"apiVersion": "apps/v1", "kind": "Deployment", "metadata": {"labels": {"app": "one"}, "name": "d"}, "spec": {"replicas": 1, "template": {"spec": {"containers": [{"env": [{"name": "A", "value": "1"}, {"name": "B", "value": "x"}], "image": "nginx:1.0", "name": "app", "ports": [{"containerPort": 80, "name": "http"}]}, {"image": "busybox", "name": "myapp-sidecar", "ports": [{"containerPort": 81}]}]}}}}],
    },
    {
      name: "source wildcards are an error",
      resources: [{"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "src"}, "data": {"port": "8080", "num": 9090, "host": "a.b.example.com", "csv": "a,b,c", "flag": true, "m": {"k": "v"}, "l": ["x", "y"], "em": {}, "empty": ""}}, {"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "t1", "labels": {"app": "one"}}, "data": {"x": "1"}}, {"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "t2", "namespace": "ns1", "labels": {"app": "two"}, "annotations": {"k": "v"}}, "data": {"x": "2"}}, {"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "other"}, "data": {"x": "3"}}, {"apiVersion": "apps/v1", "kind": "Deployment", "metadata": {"name": "d", "labels": {"app": "one"}}, "spec": {"replicas": 1, "template": {"spec": {"containers": [{"name": "app", "image": "nginx:1.0", "ports": [{"containerPort": 80, "name": "http"}], "env": [{"name": "A", "value": "1"}, {"name": "B", "value": "x"}]}, {"name": "myapp-sidecar", "image": "busybox", "ports": [{"containerPort": 81}]}]}}}}],
      replacements: [{"source": {"kind": "Deployment", "fieldPath": "spec.template.spec.containers.*.image"}, "targets": [{"select": {"name": "t1"}, "fieldPaths": ["data.x"]}]}],
      expected: {"code": "KUST_REPLACEMENT_SOURCE", "kubectl": "\"error looking up replacement source: wildcard is not supported in PathGetter\""},
    },
    {
      name: "replacements run in order",
      resources: [{"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "src"}, "data": {"port": "8080", "num": 9090, "host": "a.b.example.com", "csv": "a,b,c", "flag": true, "m": {"k": "v"}, "l": ["x", "y"], "em": {}, "empty": ""}}, {"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "t1", "labels": {"app": "one"}}, "data": {"x": "1"}}, {"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "t2", "namespace": "ns1", "labels": {"app": "two"}, "annotations": {"k": "v"}}, "data": {"x": "2"}}, {"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "other"}, "data": {"x": "3"}}, {"apiVersion": "apps/v1", "kind": "Deployment", "metadata": {"name": "d", "labels": {"app": "one"}}, "spec": {"replicas": 1, "template": {"spec": {"containers": [{"name": "app", "image": "nginx:1.0", "ports": [{"containerPort": 80, "name": "http"}], "env": [{"name": "A", "value": "1"}, {"name": "B", "value": "x"}]}, {"name": "myapp-sidecar", "image": "busybox", "ports": [{"containerPort": 81}]}]}}}}],
      replacements: [{"source": {"kind": "ConfigMap", "name": "src", "fieldPath": "data.host"}, "targets": [{"select": {"name": "t1"}, "fieldPaths": ["data.x"]}]}, {"source": {"kind": "ConfigMap", "name": "t1", "fieldPath": "data.x"}, "targets": [{"select": {"name": "other"}, "fieldPaths": ["data.x"]}]}],
      expected: [{"apiVersion": "v1", "data": {"csv": "a,b,c", "em": {}, "empty": "", "flag": true, "host": "a.b.example.com", "l": ["x", "y"], "m": {"k": "v"}, "num": 9090, "port": "8080"}, "kind": "ConfigMap", "metadata": {"name": "src"}}, {"apiVersion": "v1", "data": {"x": "a.b.example.com"}, "kind": "ConfigMap", "metadata": {"labels": {"app": "one"}, "name": "t1"}}, {"apiVersion": "v1", "data": {"x": "2"}, "kind": "ConfigMap", "metadata": {"annotations": {"k": "v"}, "labels": {"app": "two"}, "name": "t2", "namespace": "ns1"}}, {"apiVersion": "v1", "data": {"x": "a.b.example.com"}, "kind": "ConfigMap", "metadata": {"name": "other"}}, {"apiVersion": "apps/v1", "kind": "Deployment", "metadata": {"labels": {"app": "one"}, "name": "d"}, "spec": {"replicas": 1, "template": {"spec": {"containers": [{"env": [{"name": "A", "value": "1"}, {"name": "B", "value": "x"}], "image": "nginx:1.0", "name": "app", "ports": [{"containerPort": 80, "name": "http"}]}, {"image": "busybox", "name": "myapp-sidecar", "ports": [{"containerPort": 81}]}]}}}}],
    },
    {
      name: "sources and targets renamed by a prefix match by original name",
      resources: [{"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "src"}, "data": {"s": "hello"}}, {"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "t"}, "data": {"x": "1", "y": "2", "z": "3"}}],
      prefix: "p-",
      replacements: [{"source": {"kind": "ConfigMap", "name": "src", "fieldPath": "data.s"}, "targets": [{"select": {"name": "t"}, "fieldPaths": ["data.x"]}]}, {"source": {"kind": "ConfigMap", "name": "p-src"}, "targets": [{"select": {"name": "p-t"}, "fieldPaths": ["data.y"]}]}, {"source": {"kind": "ConfigMap", "name": "src"}, "targets": [{"select": {"name": "t"}, "fieldPaths": ["data.z"]}]}],
      expected: [{"apiVersion": "v1", "data": {"s": "hello"}, "kind": "ConfigMap", "metadata": {"name": "p-src"}}, {"apiVersion": "v1", "data": {"x": "hello", "y": "p-src", "z": "p-src"}, "kind": "ConfigMap", "metadata": {"name": "p-t"}}],
    },
    {
      name: "reject by the current name also rejects by the original",
      resources: [{"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "src"}, "data": {"s": "hello"}}, {"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "t"}, "data": {"x": "1", "y": "2", "z": "3"}}],
      prefix: "p-",
      replacements: [{"source": {"kind": "ConfigMap", "name": "src", "fieldPath": "data.s"}, "targets": [{"select": {"name": "t"}, "fieldPaths": ["data.x"], "reject": [{"name": "p-t"}]}]}],
      expected: [{"apiVersion": "v1", "data": {"s": "hello"}, "kind": "ConfigMap", "metadata": {"name": "p-src"}}, {"apiVersion": "v1", "data": {"x": "1", "y": "2", "z": "3"}, "kind": "ConfigMap", "metadata": {"name": "p-t"}}],
    },
    {
      name: "a path entry holding a list",
      resources: [{"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "src"}, "data": {"port": "8080", "num": 9090, "host": "a.b.example.com", "csv": "a,b,c", "flag": true, "m": {"k": "v"}, "l": ["x", "y"], "em": {}, "empty": ""}}, {"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "t"}, "data": {"i": 1, "s": "str", "n": null, "f": 1.5, "b": true, "m": {"k": "v"}, "l": ["q"], "dots": "x.y.z"}}],
      files: {"repl.yaml": "[{\"source\": {\"kind\": \"ConfigMap\", \"name\": \"src\", \"fieldPath\": \"data.host\"}, \"targets\": [{\"select\": {\"name\": \"t\"}, \"fieldPaths\": [\"data.s\"]}]}, {\"source\": {\"kind\": \"ConfigMap\", \"name\": \"src\", \"fieldPath\": \"data.port\"}, \"targets\": [{\"select\": {\"name\": \"t\"}, \"fieldPaths\": [\"data.dots\"]}]}]"},
      replacements: [{"path": "repl.yaml"}],
      expected: [{"apiVersion": "v1", "data": {"csv": "a,b,c", "em": {}, "empty": "", "flag": true, "host": "a.b.example.com", "l": ["x", "y"], "m": {"k": "v"}, "num": 9090, "port": "8080"}, "kind": "ConfigMap", "metadata": {"name": "src"}}, {"apiVersion": "v1", "data": {"b": true, "dots": "8080", "f": 1.5, "i": 1, "l": ["q"], "m": {"k": "v"}, "n": null, "s": "a.b.example.com"}, "kind": "ConfigMap", "metadata": {"name": "t"}}],
    },
    {
      name: "a path entry holding one replacement, unknown fields ignored",
      resources: [{"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "src"}, "data": {"port": "8080", "num": 9090, "host": "a.b.example.com", "csv": "a,b,c", "flag": true, "m": {"k": "v"}, "l": ["x", "y"], "em": {}, "empty": ""}}, {"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "t"}, "data": {"i": 1, "s": "str", "n": null, "f": 1.5, "b": true, "m": {"k": "v"}, "l": ["q"], "dots": "x.y.z"}}],
      files: {"repl.yaml": "{\"source\": {\"kind\": \"ConfigMap\", \"name\": \"src\", \"fieldPath\": \"data.host\"}, \"targets\": [{\"select\": {\"name\": \"t\"}, \"fieldPaths\": [\"data.s\"]}], \"note\": \"x\"}"},
      replacements: [{"path": "repl.yaml"}, {"source": {"kind": "ConfigMap", "name": "src", "fieldPath": "data.port"}, "targets": [{"select": {"name": "t"}, "fieldPaths": ["data.dots"]}]}],
      expected: [{"apiVersion": "v1", "data": {"csv": "a,b,c", "em": {}, "empty": "", "flag": true, "host": "a.b.example.com", "l": ["x", "y"], "m": {"k": "v"}, "num": 9090, "port": "8080"}, "kind": "ConfigMap", "metadata": {"name": "src"}}, {"apiVersion": "v1", "data": {"b": true, "dots": "8080", "f": 1.5, "i": 1, "l": ["q"], "m": {"k": "v"}, "n": null, "s": "a.b.example.com"}, "kind": "ConfigMap", "metadata": {"name": "t"}}],
    },
    {
      name: "only the first document of a path file counts",
      resources: [{"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "src"}, "data": {"port": "8080", "num": 9090, "host": "a.b.example.com", "csv": "a,b,c", "flag": true, "m": {"k": "v"}, "l": ["x", "y"], "em": {}, "empty": ""}}, {"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "t"}, "data": {"i": 1, "s": "str", "n": null, "f": 1.5, "b": true, "m": {"k": "v"}, "l": ["q"], "dots": "x.y.z"}}],
      files: {"repl.yaml": "{\"source\": {\"kind\": \"ConfigMap\", \"name\": \"src\", \"fieldPath\": \"data.host\"}, \"targets\": [{\"select\": {\"name\": \"t\"}, \"fieldPaths\": [\"data.s\"]}]}\n---\n{\"source\": {\"kind\": \"ConfigMap\", \"name\": \"src\", \"fieldPath\": \"data.port\"}, \"targets\": [{\"select\": {\"name\": \"t\"}, \"fieldPaths\": [\"data.dots\"]}]}\n"},
      replacements: [{"path": "repl.yaml"}],
      expected: [{"apiVersion": "v1", "data": {"csv": "a,b,c", "em": {}, "empty": "", "flag": true, "host": "a.b.example.com", "l": ["x", "y"], "m": {"k": "v"}, "num": 9090, "port": "8080"}, "kind": "ConfigMap", "metadata": {"name": "src"}}, {"apiVersion": "v1", "data": {"b": true, "dots": "x.y.z", "f": 1.5, "i": 1, "l": ["q"], "m": {"k": "v"}, "n": null, "s": "a.b.example.com"}, "kind": "ConfigMap", "metadata": {"name": "t"}}],
    },
    {
      name: "path and inline together is an error",
      resources: [{"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "src"}, "data": {"port": "8080", "num": 9090, "host": "a.b.example.com", "csv": "a,b,c", "flag": true, "m": {"k": "v"}, "l": ["x", "y"], "em": {}, "empty": ""}}, {"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "t"}, "data": {"i": 1, "s": "str", "n": null, "f": 1.5, "b": true, "m": {"k": "v"}, "l": ["q"], "dots": "x.y.z"}}],
      files: {"repl.yaml": "[{\"source\": {\"kind\": \"ConfigMap\", \"name\": \"src\", \"fieldPath\": \"data.host\"}, \"targets\": [{\"select\": {\"name\": \"t\"}, \"fieldPaths\": [\"data.s\"]}]}]"},
      replacements: [{"source": {"kind": "ConfigMap", "name": "src", "fieldPath": "data.port"}, "targets": [{"select": {"name": "t"}, "fieldPaths": ["data.dots"]}], "path": "repl.yaml"}],
      expected: {"code": "KUST_REPLACEMENT_INVALID", "kubectl": "<\n\ttrouble configuring builtin ReplacementTransformer with config: `\n\tReplacements:\n\t- path: repl.yaml\n\t  source:\n\t    fieldPath: data.port\n\t    kind: ConfigMap\n\t    name: src\n\t  targets:\n\t  - fieldPaths:\n\t    - data.dots\n\t    select:\n\t      name: t\n\t`: cannot specify both path and inline replacement\n >"},
    },
    {
      name: "a path file holding a scalar is an error",
      resources: [{"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "src"}, "data": {"port": "8080", "num": 9090, "host": "a.b.example.com", "csv": "a,b,c", "flag": true, "m": {"k": "v"}, "l": ["x", "y"], "em": {}, "empty": ""}}, {"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "t"}, "data": {"i": 1, "s": "str", "n": null, "f": 1.5, "b": true, "m": {"k": "v"}, "l": ["q"], "dots": "x.y.z"}}],
      files: {"repl.yaml": "\"hi\"\n"},
      replacements: [{"path": "repl.yaml"}],
      expected: {"code": "KUST_REPLACEMENT_INVALID", "kubectl": "<\n\ttrouble configuring builtin ReplacementTransformer with config: `\n\tReplacements:\n\t- path: repl.yaml\n\t`: unsupported replacement type encountered within replacement path: string\n >"},
    },
    {
      name: "no targets is an error",
      resources: [{"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "src"}, "data": {"port": "8080", "num": 9090, "host": "a.b.example.com", "csv": "a,b,c", "flag": true, "m": {"k": "v"}, "l": ["x", "y"], "em": {}, "empty": ""}}, {"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "t"}, "data": {"i": 1, "s": "str", "n": null, "f": 1.5, "b": true, "m": {"k": "v"}, "l": ["q"], "dots": "x.y.z"}}],
      replacements: [{"source": {"kind": "ConfigMap", "name": "src", "fieldPath": "data.host"}, "targets": []}],
      expected: {"code": "KUST_REPLACEMENT_INVALID", "kubectl": "\"replacements must specify a source and at least one target\""},
    },
    {
      name: "no source is an error",
      resources: [{"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "src"}, "data": {"port": "8080", "num": 9090, "host": "a.b.example.com", "csv": "a,b,c", "flag": true, "m": {"k": "v"}, "l": ["x", "y"], "em": {}, "empty": ""}}, {"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "t"}, "data": {"i": 1, "s": "str", "n": null, "f": 1.5, "b": true, "m": {"k": "v"}, "l": ["q"], "dots": "x.y.z"}}],
      replacements: [{"targets": [{"select": {"name": "t"}, "fieldPaths": ["data.s"]}]}],
      expected: {"code": "KUST_REPLACEMENT_INVALID", "kubectl": "\"replacements must specify a source and at least one target\""},
    },
    {
      name: "a target without select is an error",
      resources: [{"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "src"}, "data": {"port": "8080", "num": 9090, "host": "a.b.example.com", "csv": "a,b,c", "flag": true, "m": {"k": "v"}, "l": ["x", "y"], "em": {}, "empty": ""}}, {"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "t"}, "data": {"i": 1, "s": "str", "n": null, "f": 1.5, "b": true, "m": {"k": "v"}, "l": ["q"], "dots": "x.y.z"}}],
      replacements: [{"source": {"kind": "ConfigMap", "name": "src", "fieldPath": "data.host"}, "targets": [{"fieldPaths": ["data.s"]}]}],
      expected: {"code": "KUST_REPLACEMENT_INVALID", "kubectl": "\"target must specify resources to select\""},
    },
    {
      name: "an unknown inline field is an error",
      resources: [{"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "src"}, "data": {"port": "8080", "num": 9090, "host": "a.b.example.com", "csv": "a,b,c", "flag": true, "m": {"k": "v"}, "l": ["x", "y"], "em": {}, "empty": ""}}, {"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "t"}, "data": {"i": 1, "s": "str", "n": null, "f": 1.5, "b": true, "m": {"k": "v"}, "l": ["q"], "dots": "x.y.z"}}],
      replacements: [{"source": {"kind": "ConfigMap", "name": "src", "fieldPath": "data.host"}, "targets": [{"select": {"name": "t"}, "fieldPaths": ["data.s"], "bogus": 1}]}],
      expected: {"code": "KUST_UNKNOWN_FIELD", "kubectl": "\"invalid Kustomization: json: unknown field \\\"bogus\\\"\""},
    },
    {
      name: "a string index is an error",
      resources: [{"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "src"}, "data": {"port": "8080", "num": 9090, "host": "a.b.example.com", "csv": "a,b,c", "flag": true, "m": {"k": "v"}, "l": ["x", "y"], "em": {}, "empty": ""}}, {"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "t"}, "data": {"i": 1, "s": "str", "n": null, "f": 1.5, "b": true, "m": {"k": "v"}, "l": ["q"], "dots": "x.y.z"}}],
      replacements: [{"source": {"kind": "ConfigMap", "name": "src", "fieldPath": "data.host"}, "targets": [{"select": {"name": "t"}, "fieldPaths": ["data.s"], "options": {"delimiter": "-", "index": "1"}}]}],
      expected: {"code": "KUST_BAD_FIELD_TYPE", "kubectl": "\"invalid Kustomization: json: cannot unmarshal string into Go struct field FieldOptions.replacements.targets.options.index of type int\""},
    },
  ];
}
