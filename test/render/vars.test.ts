import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DiagnosticError } from '../../src/core/diagnostic.js';
import { cloneJson, type JsonObject, type JsonValue } from '../../src/core/json.js';
import { Resource } from '../../src/core/resource.js';
import type { VarArgs } from '../../src/render/kustomization.js';
import { ResMap } from '../../src/render/resmap.js';
import { mergeVars, resolveVars, type VarDecl } from '../../src/render/vars/index.js';
import { expand, goFloatString } from '../../src/render/vars/expand.js';

/**
 * Golden cases: each tree was written out as kustomization directories (bases listed
 * before `res.yaml` in `resources`, `namePrefix` where `prefix` is set, `sortOptions:
 * {order: fifo}` at the top) and rendered with `kubectl kustomize` (v1.32, kustomize
 * v5.5.0). The tree is rebuilt here the way the engine does it: accumulate bases, add
 * the resources, apply the prefix, merge the vars with the resources, then resolve at
 * the top. `expected` is kubectl's output, parsed, or the code we give for its error.
 */
interface Tree {
  resources?: JsonObject[];
  prefix?: string;
  vars?: VarArgs[];
  bases?: Tree[];
}

interface GoldenCase {
  name: string;
  tree: Tree;
  expected: JsonValue[] | { code: string; kubectl: string };
}

function build(tree: Tree, dir: string): { resources: ResMap; vars: VarDecl[] } {
  const resources = new ResMap();
  let vars: VarDecl[] = [];
  (tree.bases ?? []).forEach((base, i) => {
    const sub = build(base, `${dir}/b${i}`);
    resources.addAll(sub.resources);
    vars = mergeVars(vars, sub.vars);
  });
  (tree.resources ?? []).forEach((obj, i) => resources.add(new Resource(cloneJson(obj), { file: `${dir}/res.yaml`, line: i + 1 })));
  if (tree.prefix) {
    for (const r of resources) {
      r.rememberId();
      (r.obj.metadata as JsonObject).name = `${tree.prefix}${r.name}`;
    }
  }
  const declared = (tree.vars ?? []).map((spec, i) => ({ spec, source: { file: `${dir}/kustomization.yaml`, line: i + 1 } }));
  return { resources, vars: mergeVars(vars, declared, resources) };
}

function render(tree: Tree): ResMap {
  const { resources, vars } = build(tree, '/app');
  resolveVars(resources, vars);
  return resources;
}

describe('vars (golden, from kubectl kustomize)', () => {
  for (const c of goldenCases()) {
    it(c.name, () => {
      const expected = c.expected;
      if (Array.isArray(expected)) {
        assert.deepEqual(render(c.tree).all().map((r) => r.obj), expected);
      } else {
        assert.throws(() => render(c.tree), (e: unknown) => e instanceof DiagnosticError && e.code === expected.code);
      }
    });
  }
});

describe('vars expansion rules', () => {
  const values: Record<string, string | number | boolean> = { A: 'x', N: 5, F: 0.5, T: true };
  const lookup = (name: string) => values[name];
  const cases: [string, JsonValue][] = [
    ['$(A)', 'x'],
    ['$(N)', 5],
    ['$(T)', true],
    ['n=$(N),f=$(F),t=$(T)', 'n=5,f=0.5,t=true'],
    ['$$(A)', '$(A)'],
    ['$$$(A)', '$x'],
    ['$(B)', '$(B)'],
    ['$(A', '$(A'],
    ['$A$', '$A$'],
    ['$', '$'],
    ['', ''],
  ];
  for (const [input, output] of cases) {
    it(`expands ${JSON.stringify(input)}`, () => assert.deepEqual(expand(input, lookup), output));
  }
  const floats: [number, string][] = [
    [1.5, '1.5'],
    [1234567.5, '1.2345675e+06'],
    [123456.5, '123456.5'],
    [0.0001, '0.0001'],
    [0.00001, '1e-05'],
    [1e21, '1e+21'],
    [-2.5e-7, '-2.5e-07'],
  ];
  for (const [f, text] of floats) {
    it(`prints ${f} like Go's %v`, () => assert.equal(goFloatString(f), text));
  }
});

describe('vars bookkeeping', () => {
  it('records the expansion on the changed resource only', () => {
    const resources = render({
      resources: [
        { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'cm' }, data: { s: 'v' } },
        { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec: { containers: [{ name: 'c', args: ['$(S)'] }] } },
      ],
      vars: [{ name: 'S', objref: { kind: 'ConfigMap', name: 'cm', apiVersion: 'v1' }, fieldref: { fieldpath: 'data.s' } }],
    });
    const [cm, pod] = resources.all();
    assert.equal(cm?.changes.length, 0);
    assert.equal(pod?.changes[0]?.transformer, 'vars');
    assert.match(pod?.changes[0]?.detail ?? '', /spec\.containers\[0\]\.args\[0\]/);
  });
  it('collects every unresolved var before failing', () => {
    const tree: Tree = {
      resources: [{ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'cm' } }],
      vars: [
        { name: 'A', objref: { kind: 'ConfigMap', name: 'nope', apiVersion: 'v1' } },
        { name: 'B', objref: { kind: 'ConfigMap', name: 'cm', apiVersion: 'v1' }, fieldref: { fieldpath: 'data.x' } },
      ],
    };
    assert.throws(
      () => render(tree),
      (e: unknown) =>
        e instanceof DiagnosticError &&
        e.diagnostics.map((d) => d.code).join() === 'KUST_VAR_NOT_FOUND,KUST_VAR_NOT_FOUND' &&
        e.diagnostics[0]?.file === '/app/kustomization.yaml' &&
        e.diagnostics[0]?.line === 1,
    );
  });
  it('binds at the top level when merged without resources', () => {
    const resources = new ResMap();
    resources.add(new Resource({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'cm' }, data: { s: 'v' } }, { file: '/r.yaml', line: 1 }));
    resources.add(new Resource({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec: { containers: [{ name: 'c', command: ['$(S)'] }] } }, { file: '/r.yaml', line: 2 }));
    const vars = mergeVars([], [{ spec: { name: 'S', objref: { kind: 'ConfigMap', name: 'cm', apiVersion: 'v1' }, fieldref: { fieldpath: 'data.s' } }, source: { file: '/k.yaml', line: 3 } }]);
    resolveVars(resources, vars);
    assert.deepEqual(resources.all()[1]?.obj.spec, { containers: [{ name: 'c', command: ['v'] }] });
  });
});

function goldenCases(): GoldenCase[] {
  return [
    {
      name: "values keep their type when a field is exactly one reference",
      tree: {"resources": [{"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "cm"}, "data": {"s": "hello", "i": 5, "f": 1.5, "b": true, "big": 1e+21, "ml": "line1\nline2", "num": "42", "small": 1e-05, "mid": 1234567.5, "n": null, "t": "$(S)"}}, {"apiVersion": "apps/v1", "kind": "Deployment", "metadata": {"name": "web"}, "spec": {"replicas": 3, "template": {"spec": {"containers": [{"name": "c", "image": "img:1", "ports": [{"containerPort": 80}], "args": ["$(S)", "x-$(S)", "$(I)", "x-$(I)", "$(F)", "x-$(F)", "$(B)", "x-$(B)", "$(BIG)", "x-$(BIG)", "$(M)", "x-$(M)", "$$(S)", "$(UNDEF)", "$(S)$(I)", "$(S", "$S", "$$", "a$", "$(R)", "x$(R)", "$(P0)", "$(IMG)", "$(NUM)", "$(ML)", "x$(SMALL)", "x$(MID)", "$(MID)", "$(N)", "$(T)", "$()", "$(S )"], "command": ["run", "$(S)"], "env": [{"name": "E1", "value": "$(I)"}, {"name": "E2", "value": "$(S)"}, {"name": "E3", "value": 7}]}]}}}}, {"apiVersion": "v1", "kind": "Service", "metadata": {"name": "svc", "labels": {"a": "$(S)", "n": 1, "i": "$(I)"}, "annotations": {"x": "pre-$(S)-post"}}, "spec": {"ports": [{"port": "$(I)", "targetPort": "$(NUM)"}]}}], "vars": [{"name": "S", "objref": {"kind": "ConfigMap", "name": "cm", "apiVersion": "v1"}, "fieldref": {"fieldpath": "data.s"}}, {"name": "I", "objref": {"kind": "ConfigMap", "name": "cm", "apiVersion": "v1"}, "fieldref": {"fieldpath": "data.i"}}, {"name": "F", "objref": {"kind": "ConfigMap", "name": "cm", "apiVersion": "v1"}, "fieldref": {"fieldpath": "data.f"}}, {"name": "B", "objref": {"kind": "ConfigMap", "name": "cm", "apiVersion": "v1"}, "fieldref": {"fieldpath": "data.b"}}, {"name": "BIG", "objref": {"kind": "ConfigMap", "name": "cm", "apiVersion": "v1"}, "fieldref": {"fieldpath": "data.big"}}, {"name": "M", "objref": {"kind": "ConfigMap", "name": "cm", "apiVersion": "v1"}, "fieldref": {"fieldpath": "metadata"}}, {"name": "R", "objref": {"kind": "Deployment", "name": "web", "apiVersion": "apps/v1"}, "fieldref": {"fieldpath": "spec.replicas"}}, {"name": "P0", "objref": {"kind": "Deployment", "name": "web", "apiVersion": "apps/v1"}, "fieldref": {"fieldpath": "spec.template.spec.containers[0].ports[0].containerPort"}}, {"name": "IMG", "objref": {"kind": "Deployment", "name": "web", "apiVersion": "apps/v1"}, "fieldref": {"fieldpath": "spec.template.spec.containers[0].image"}}, {"name": "NUM", "objref": {"kind": "ConfigMap", "name": "cm", "apiVersion": "v1"}, "fieldref": {"fieldpath": "data.num"}}, {"name": "ML", "objref": {"kind": "ConfigMap", "name": "cm", "apiVersion": "v1"}, "fieldref": {"fieldpath": "data.ml"}}, {"name": "SMALL", "objref": {"kind": "ConfigMap", "name": "cm", "apiVersion": "v1"}, "fieldref": {"fieldpath": "data.small"}}, {"name": "MID", "objref": {"kind": "ConfigMap", "name": "cm", "apiVersion": "v1"}, "fieldref": {"fieldpath": "data.mid"}}, {"name": "N", "objref": {"kind": "ConfigMap", "name": "cm", "apiVersion": "v1"}, "fieldref": {"fieldpath": "data.n"}}, {"name": "T", "objref": {"kind": "ConfigMap", "name": "cm", "apiVersion": "v1"}, "fieldref": {"fieldpath": "data.t"}}, {"name": "UNUSED", "objref": {"kind": "ConfigMap", "name": "cm", "apiVersion": "v1"}, "fieldref": {"fieldpath": "data.s"}}]},
      expected: [{"apiVersion": "v1", "data": {"b": true, "big": 1e+21, "f": 1.5, "i": 5, "mid": 1234567.5, "ml": "line1\nline2", "n": null, "num": "42", "s": "hello", "small": 1e-05, "t": "$(S)"}, "kind": "ConfigMap", "metadata": {"name": "cm"}}, {"apiVersion": "apps/v1", "kind": "Deployment", "metadata": {"name": "web"}, "spec": {"replicas": 3, "template": {"spec": {"containers": [{"args": ["hello", "x-hello", 5, "x-5", 1.5, "x-1.5", true, "x-true", 1e+21, "x-1e+21", "$(M)", "x-$(M)", "$(S)", "$(UNDEF)", "hello5", "$(S", "$S", "$", "a$", 3, "x3", 80, "img:1", "42", "line1\nline2", "x1e-05", "x1.2345675e+06", 1234567.5, "null", "$(S)", "$()", "$(S )"], "command": ["run", "hello"], "env": [{"name": "E1", "value": 5}, {"name": "E2", "value": "hello"}, {"name": "E3", "value": 7}], "image": "img:1", "name": "c", "ports": [{"containerPort": 80}]}]}}}}, {"apiVersion": "v1", "kind": "Service", "metadata": {"annotations": {"x": "pre-hello-post"}, "labels": {"a": "hello", "i": 5, "n": 1}, "name": "svc"}, "spec": {"ports": [{"port": 5, "targetPort": "42"}]}}],
    },
    {
      name: "only the default var-reference fields are expanded",
      tree: {"resources": [{"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "cm"}, "data": {"s": "X", "d": "$(S)"}}, {"apiVersion": "apps/v1", "kind": "Deployment", "metadata": {"name": "w", "labels": {"l": "$(S)"}}, "spec": {"template": {"metadata": {"labels": {"l": "$(S)"}, "annotations": {"a": "$(S)"}}, "spec": {"containers": [{"name": "c", "image": "$(S)", "args": ["$(S)"], "command": ["$(S)"], "workingDir": "$(S)", "env": [{"name": "$(S)", "value": "$(S)"}], "volumeMounts": [{"name": "v", "mountPath": "$(S)"}]}], "initContainers": [{"name": "i", "image": "$(S)", "args": ["$(S)"]}], "volumes": [{"name": "v", "nfs": {"server": "$(S)", "path": "$(S)"}}]}}}}, {"apiVersion": "apps/v1", "kind": "StatefulSet", "metadata": {"name": "w", "labels": {"l": "$(S)"}}, "spec": {"template": {"metadata": {"labels": {"l": "$(S)"}, "annotations": {"a": "$(S)"}}, "spec": {"containers": [{"name": "c", "image": "$(S)", "args": ["$(S)"], "command": ["$(S)"], "workingDir": "$(S)", "env": [{"name": "$(S)", "value": "$(S)"}], "volumeMounts": [{"name": "v", "mountPath": "$(S)"}]}], "initContainers": [{"name": "i", "image": "$(S)", "args": ["$(S)"]}], "volumes": [{"name": "v", "nfs": {"server": "$(S)", "path": "$(S)"}}]}}, "volumeClaimTemplates": [{"metadata": {"name": "v"}, "spec": {"nfs": {"server": "$(S)"}}}]}}, {"apiVersion": "apps/v1", "kind": "DaemonSet", "metadata": {"name": "w", "labels": {"l": "$(S)"}}, "spec": {"template": {"metadata": {"labels": {"l": "$(S)"}, "annotations": {"a": "$(S)"}}, "spec": {"containers": [{"name": "c", "image": "$(S)", "args": ["$(S)"], "command": ["$(S)"], "workingDir": "$(S)", "env": [{"name": "$(S)", "value": "$(S)"}], "volumeMounts": [{"name": "v", "mountPath": "$(S)"}]}], "initContainers": [{"name": "i", "image": "$(S)", "args": ["$(S)"]}], "volumes": [{"name": "v", "nfs": {"server": "$(S)", "path": "$(S)"}}]}}}}, {"apiVersion": "apps/v1", "kind": "ReplicaSet", "metadata": {"name": "w", "labels": {"l": "$(S)"}}, "spec": {"template": {"metadata": {"labels": {"l": "$(S)"}, "annotations": {"a": "$(S)"}}, "spec": {"containers": [{"name": "c", "image": "$(S)", "args": ["$(S)"], "command": ["$(S)"], "workingDir": "$(S)", "env": [{"name": "$(S)", "value": "$(S)"}], "volumeMounts": [{"name": "v", "mountPath": "$(S)"}]}], "initContainers": [{"name": "i", "image": "$(S)", "args": ["$(S)"]}], "volumes": [{"name": "v", "nfs": {"server": "$(S)", "path": "$(S)"}}]}}}}, {"apiVersion": "batch/v1", "kind": "Job", "metadata": {"name": "w", "labels": {"l": "$(S)"}}, "spec": {"template": {"metadata": {"labels": {"l": "$(S)"}, "annotations": {"a": "$(S)"}}, "spec": {"containers": [{"name": "c", "image": "$(S)", "args": ["$(S)"], "command": ["$(S)"], "workingDir": "$(S)", "env": [{"name": "$(S)", "value": "$(S)"}], "volumeMounts": [{"name": "v", "mountPath": "$(S)"}]}], "initContainers": [{"name": "i", "image": "$(S)", "args": ["$(S)"]}], "volumes": [{"name": "v", "nfs": {"server": "$(S)", "path": "$(S)"}}]}}}}, {"apiVersion": "v1", "kind": "ReplicationController", "metadata": {"name": "w", "labels": {"l": "$(S)"}}, "spec": {"template": {"metadata": {"labels": {"l": "$(S)"}, "annotations": {"a": "$(S)"}}, "spec": {"containers": [{"name": "c", "image": "$(S)", "args": ["$(S)"], "command": ["$(S)"], "workingDir": "$(S)", "env": [{"name": "$(S)", "value": "$(S)"}], "volumeMounts": [{"name": "v", "mountPath": "$(S)"}]}], "initContainers": [{"name": "i", "image": "$(S)", "args": ["$(S)"]}], "volumes": [{"name": "v", "nfs": {"server": "$(S)", "path": "$(S)"}}]}}}}, {"apiVersion": "batch/v1", "kind": "CronJob", "metadata": {"name": "w"}, "spec": {"jobTemplate": {"spec": {"template": {"metadata": {"labels": {"l": "$(S)"}, "annotations": {"a": "$(S)"}}, "spec": {"containers": [{"name": "c", "image": "$(S)", "args": ["$(S)"], "command": ["$(S)"], "workingDir": "$(S)", "env": [{"name": "$(S)", "value": "$(S)"}], "volumeMounts": [{"name": "v", "mountPath": "$(S)"}]}], "initContainers": [{"name": "i", "image": "$(S)", "args": ["$(S)"]}], "volumes": [{"name": "v", "nfs": {"server": "$(S)", "path": "$(S)"}}]}}}}}}, {"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "w"}, "spec": {"containers": [{"name": "c", "image": "$(S)", "args": ["$(S)"], "command": ["$(S)"], "workingDir": "$(S)", "env": [{"name": "$(S)", "value": "$(S)"}], "volumeMounts": [{"name": "v", "mountPath": "$(S)"}]}], "initContainers": [{"name": "i", "image": "$(S)", "args": ["$(S)"]}], "volumes": [{"name": "v", "nfs": {"server": "$(S)", "path": "$(S)"}}]}}, {"apiVersion": "networking.k8s.io/v1", "kind": "Ingress", "metadata": {"name": "w"}, "spec": {"rules": [{"host": "$(S)", "http": {"paths": [{"path": "$(S)", "backend": {"service": {"name": "$(S)"}}}]}}], "tls": [{"hosts": ["$(S)"], "secretName": "$(S)"}]}}, {"apiVersion": "v1", "kind": "PersistentVolume", "metadata": {"name": "w"}, "spec": {"nfs": {"server": "$(S)", "path": "$(S)"}}}, {"apiVersion": "example.com/v1", "kind": "Thing", "metadata": {"name": "w", "annotations": {"a": "$(S)"}}, "spec": {"x": "$(S)"}}], "vars": [{"name": "S", "objref": {"kind": "ConfigMap", "name": "cm", "apiVersion": "v1"}, "fieldref": {"fieldpath": "data.s"}}]},
      expected: [{"apiVersion": "v1", "data": {"d": "$(S)", "s": "X"}, "kind": "ConfigMap", "metadata": {"name": "cm"}}, {"apiVersion": "apps/v1", "kind": "Deployment", "metadata": {"labels": {"l": "X"}, "name": "w"}, "spec": {"template": {"metadata": {"annotations": {"a": "X"}, "labels": {"l": "$(S)"}}, "spec": {"containers": [{"args": ["X"], "command": ["X"], "env": [{"name": "$(S)", "value": "X"}], "image": "$(S)", "name": "c", "volumeMounts": [{"mountPath": "X", "name": "v"}], "workingDir": "$(S)"}], "initContainers": [{"args": ["X"], "image": "$(S)", "name": "i"}], "volumes": [{"name": "v", "nfs": {"path": "$(S)", "server": "X"}}]}}}}, {"apiVersion": "apps/v1", "kind": "StatefulSet", "metadata": {"labels": {"l": "X"}, "name": "w"}, "spec": {"template": {"metadata": {"annotations": {"a": "$(S)"}, "labels": {"l": "$(S)"}}, "spec": {"containers": [{"args": ["X"], "command": ["X"], "env": [{"name": "$(S)", "value": "X"}], "image": "$(S)", "name": "c", "volumeMounts": [{"mountPath": "X", "name": "v"}], "workingDir": "$(S)"}], "initContainers": [{"args": ["X"], "image": "$(S)", "name": "i"}], "volumes": [{"name": "v", "nfs": {"path": "$(S)", "server": "$(S)"}}]}}, "volumeClaimTemplates": [{"metadata": {"name": "v"}, "spec": {"nfs": {"server": "X"}}}]}}, {"apiVersion": "apps/v1", "kind": "DaemonSet", "metadata": {"labels": {"l": "X"}, "name": "w"}, "spec": {"template": {"metadata": {"annotations": {"a": "$(S)"}, "labels": {"l": "$(S)"}}, "spec": {"containers": [{"args": ["X"], "command": ["X"], "env": [{"name": "$(S)", "value": "X"}], "image": "$(S)", "name": "c", "volumeMounts": [{"mountPath": "X", "name": "v"}], "workingDir": "$(S)"}], "initContainers": [{"args": ["X"], "image": "$(S)", "name": "i"}], "volumes": [{"name": "v", "nfs": {"path": "$(S)", "server": "X"}}]}}}}, {"apiVersion": "apps/v1", "kind": "ReplicaSet", "metadata": {"labels": {"l": "X"}, "name": "w"}, "spec": {"template": {"metadata": {"annotations": {"a": "$(S)"}, "labels": {"l": "$(S)"}}, "spec": {"containers": [{"args": ["X"], "command": ["X"], "env": [{"name": "$(S)", "value": "X"}], "image": "$(S)", "name": "c", "volumeMounts": [{"mountPath": "X", "name": "v"}], "workingDir": "$(S)"}], "initContainers": [{"args": ["X"], "image": "$(S)", "name": "i"}], "volumes": [{"name": "v", "nfs": {"path": "$(S)", "server": "X"}}]}}}}, {"apiVersion": "batch/v1", "kind": "Job", "metadata": {"labels": {"l": "X"}, "name": "w"}, "spec": {"template": {"metadata": {"annotations": {"a": "$(S)"}, "labels": {"l": "$(S)"}}, "spec": {"containers": [{"args": ["X"], "command": ["X"], "env": [{"name": "$(S)", "value": "X"}], "image": "$(S)", "name": "c", "volumeMounts": [{"mountPath": "X", "name": "v"}], "workingDir": "$(S)"}], "initContainers": [{"args": ["X"], "image": "$(S)", "name": "i"}], "volumes": [{"name": "v", "nfs": {"path": "$(S)", "server": "X"}}]}}}}, {"apiVersion": "v1", "kind": "ReplicationController", "metadata": {"labels": {"l": "X"}, "name": "w"}, "spec": {"template": {"metadata": {"annotations": {"a": "$(S)"}, "labels": {"l": "$(S)"}}, "spec": {"containers": [{"args": ["$(S)"], "command": ["$(S)"], "env": [{"name": "$(S)", "value": "$(S)"}], "image": "$(S)", "name": "c", "volumeMounts": [{"mountPath": "$(S)", "name": "v"}], "workingDir": "$(S)"}], "initContainers": [{"args": ["$(S)"], "image": "$(S)", "name": "i"}], "volumes": [{"name": "v", "nfs": {"path": "$(S)", "server": "$(S)"}}]}}}}, {"apiVersion": "batch/v1", "kind": "CronJob", "metadata": {"name": "w"}, "spec": {"jobTemplate": {"spec": {"template": {"metadata": {"annotations": {"a": "$(S)"}, "labels": {"l": "$(S)"}}, "spec": {"containers": [{"args": ["X"], "command": ["X"], "env": [{"name": "$(S)", "value": "X"}], "image": "$(S)", "name": "c", "volumeMounts": [{"mountPath": "X", "name": "v"}], "workingDir": "$(S)"}], "initContainers": [{"args": ["X"], "image": "$(S)", "name": "i"}], "volumes": [{"name": "v", "nfs": {"path": "$(S)", "server": "$(S)"}}]}}}}}}, {"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "w"}, "spec": {"containers": [{"args": ["X"], "command": ["X"], "env": [{"name": "$(S)", "value": "X"}], "image": "$(S)", "name": "c", "volumeMounts": [{"mountPath": "X", "name": "v"}], "workingDir": "$(S)"}], "initContainers": [{"args": ["X"], "image": "$(S)", "name": "i"}], "volumes": [{"name": "v", "nfs": {"path": "$(S)", "server": "X"}}]}}, {"apiVersion": "networking.k8s.io/v1", "kind": "Ingress", "metadata": {"name": "w"}, "spec": {"rules": [{"host": "X", "http": {"paths": [{"backend": {"service": {"name": "$(S)"}}, "path": "$(S)"}]}}], "tls": [{"hosts": ["X"], "secretName": "X"}]}}, {"apiVersion": "v1", "kind": "PersistentVolume", "metadata": {"name": "w"}, "spec": {"nfs": {"path": "$(S)", "server": "X"}}}, {"apiVersion": "example.com/v1", "kind": "Thing", "metadata": {"annotations": {"a": "X"}, "name": "w"}, "spec": {"x": "$(S)"}}],
    },
    {
      name: "a non-string item in a list field is an error",
      tree: {"resources": [{"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "cm"}, "data": {"s": "val-cm"}}, {"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "p"}, "spec": {"containers": [{"name": "c", "image": "i", "args": [1, "$(S)"]}]}}], "vars": [{"name": "S", "objref": {"kind": "ConfigMap", "name": "cm", "apiVersion": "v1"}, "fieldref": {"fieldpath": "data.s"}}]},
      expected: {"code": "KUST_VAR_INVALID", "kubectl": "\"considering field 'spec/containers/args' of object Pod.v1.[noGrp]/p.[noNs]: visit traversal on path: [args]: invalid value type expect a string\""},
    },
    {
      name: "an objref without apiVersion matches nothing",
      tree: {"resources": [{"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "cm"}, "data": {"s": "val-cm"}}, {"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "p"}, "spec": {"containers": [{"name": "c", "image": "i", "args": ["$(S)"]}]}}], "vars": [{"name": "S", "objref": {"kind": "ConfigMap", "name": "cm"}, "fieldref": {"fieldpath": "data.s"}}]},
      expected: {"code": "KUST_VAR_NOT_FOUND", "kubectl": "\"var '{S ConfigMap.[noVer].[noGrp] {data.s}}' cannot be mapped to a field in the set of known resources\""},
    },
    {
      name: "an objref with another version matches nothing",
      tree: {"resources": [{"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "cm"}, "data": {"s": "val-cm"}}, {"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "p"}, "spec": {"containers": [{"name": "c", "image": "i", "args": ["$(S)"]}]}}], "vars": [{"name": "S", "objref": {"kind": "ConfigMap", "name": "cm", "apiVersion": "v2"}, "fieldref": {"fieldpath": "data.s"}}]},
      expected: {"code": "KUST_VAR_NOT_FOUND", "kubectl": "\"var '{S ConfigMap.v2.[noGrp] {data.s}}' cannot be mapped to a field in the set of known resources\""},
    },
    {
      name: "an objref naming nothing is an error",
      tree: {"resources": [{"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "cm"}, "data": {"s": "val-cm"}}, {"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "p"}, "spec": {"containers": [{"name": "c", "image": "i", "args": ["$(S)"]}]}}], "vars": [{"name": "S", "objref": {"kind": "ConfigMap", "name": "zz", "apiVersion": "v1"}, "fieldref": {"fieldpath": "data.s"}}]},
      expected: {"code": "KUST_VAR_NOT_FOUND", "kubectl": "\"var '{S ConfigMap.v1.[noGrp] {data.s}}' cannot be mapped to a field in the set of known resources\""},
    },
    {
      name: "a missing fieldref is an error",
      tree: {"resources": [{"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "cm"}, "data": {"s": "val-cm"}}, {"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "p"}, "spec": {"containers": [{"name": "c", "image": "i", "args": ["$(S)"]}]}}], "vars": [{"name": "S", "objref": {"kind": "ConfigMap", "name": "cm", "apiVersion": "v1"}, "fieldref": {"fieldpath": "data.nope"}}]},
      expected: {"code": "KUST_VAR_NOT_FOUND", "kubectl": "\"field specified in var '{S ConfigMap.v1.[noGrp] {data.nope}}' not found in corresponding resource\""},
    },
    {
      name: "an int beyond int64 cannot be read",
      tree: {"resources": [{"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "cm"}, "data": {"big": 12345678901234567890n}}, {"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "p"}, "spec": {"containers": [{"name": "c", "image": "i", "args": ["$(S)"]}]}}], "vars": [{"name": "S", "objref": {"kind": "ConfigMap", "name": "cm", "apiVersion": "v1"}, "fieldref": {"fieldpath": "data.big"}}]},
      expected: {"code": "KUST_VAR_NOT_FOUND", "kubectl": "\"field specified in var '{S ConfigMap.v1.[noGrp] {data.big}}' not found in corresponding resource\""},
    },
    {
      name: "the default fieldref is metadata.name",
      tree: {"resources": [{"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "cm"}, "data": {"s": "val-cm"}}, {"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "p"}, "spec": {"containers": [{"name": "c", "image": "i", "args": ["$(S)"]}]}}], "vars": [{"name": "S", "objref": {"kind": "ConfigMap", "name": "cm", "apiVersion": "v1"}}]},
      expected: [{"apiVersion": "v1", "data": {"s": "val-cm"}, "kind": "ConfigMap", "metadata": {"name": "cm"}}, {"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "p"}, "spec": {"containers": [{"args": ["cm"], "image": "i", "name": "c"}]}}],
    },
    {
      name: "an objref without namespace matching two objects is ambiguous",
      tree: {"resources": [{"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "cm", "namespace": "n1"}, "data": {"s": "val-cm"}}, {"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "cm", "namespace": "n2"}, "data": {"s": "val-cm"}}, {"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "p"}, "spec": {"containers": [{"name": "c", "image": "i", "args": ["$(S)"]}]}}], "vars": [{"name": "S", "objref": {"kind": "ConfigMap", "name": "cm", "apiVersion": "v1"}, "fieldref": {"fieldpath": "data.s"}}]},
      expected: {"code": "KUST_VAR_AMBIGUOUS", "kubectl": "\"merging vars [{S ConfigMap.[noVer].[noGrp] {data.s}}]: found 2 resId matches for var {S ConfigMap.v1.[noGrp] {data.s}} (unable to disambiguate)\""},
    },
    {
      name: "an objref namespace picks one",
      tree: {"resources": [{"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "cm", "namespace": "n1"}, "data": {"s": "val-cm"}}, {"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "cm", "namespace": "n2"}, "data": {"s": "val-cm"}}, {"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "p"}, "spec": {"containers": [{"name": "c", "image": "i", "args": ["$(S)"]}]}}], "vars": [{"name": "S", "objref": {"kind": "ConfigMap", "name": "cm", "apiVersion": "v1", "namespace": "n2"}, "fieldref": {"fieldpath": "data.s"}}]},
      expected: [{"apiVersion": "v1", "data": {"s": "val-cm"}, "kind": "ConfigMap", "metadata": {"name": "cm", "namespace": "n1"}}, {"apiVersion": "v1", "data": {"s": "val-cm"}, "kind": "ConfigMap", "metadata": {"name": "cm", "namespace": "n2"}}, {"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "p"}, "spec": {"containers": [{"args": ["val-cm"], "image": "i", "name": "c"}]}}],
    },
    {
      name: "objref namespace default matches an unnamespaced object",
      tree: {"resources": [{"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "cm"}, "data": {"s": "val-cm"}}, {"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "p"}, "spec": {"containers": [{"name": "c", "image": "i", "args": ["$(S)"]}]}}], "vars": [{"name": "S", "objref": {"kind": "ConfigMap", "name": "cm", "apiVersion": "v1", "namespace": "default"}, "fieldref": {"fieldpath": "data.s"}}]},
      expected: [{"apiVersion": "v1", "data": {"s": "val-cm"}, "kind": "ConfigMap", "metadata": {"name": "cm"}}, {"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "p"}, "spec": {"containers": [{"args": ["val-cm"], "image": "i", "name": "c"}]}}],
    },
    {
      name: "a cluster-scoped objref without namespace",
      tree: {"resources": [{"apiVersion": "v1", "kind": "Namespace", "metadata": {"name": "nsx"}}, {"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "p"}, "spec": {"containers": [{"name": "c", "image": "i", "args": ["$(N)"]}]}}], "vars": [{"name": "N", "objref": {"kind": "Namespace", "name": "nsx", "apiVersion": "v1"}}]},
      expected: [{"apiVersion": "v1", "kind": "Namespace", "metadata": {"name": "nsx"}}, {"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "p"}, "spec": {"containers": [{"args": ["nsx"], "image": "i", "name": "c"}]}}],
    },
    {
      name: "a cluster-scoped objref with namespace default matches nothing",
      tree: {"resources": [{"apiVersion": "v1", "kind": "Namespace", "metadata": {"name": "nsx"}}, {"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "p"}, "spec": {"containers": [{"name": "c", "image": "i", "args": ["$(N)"]}]}}], "vars": [{"name": "N", "objref": {"kind": "Namespace", "name": "nsx", "apiVersion": "v1", "namespace": "default"}}]},
      expected: {"code": "KUST_VAR_NOT_FOUND", "kubectl": "\"var '{N Namespace.v1.[noGrp] {metadata.name}}' cannot be mapped to a field in the set of known resources\""},
    },
    {
      name: "a var declared twice is an error",
      tree: {"resources": [{"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "cm"}, "data": {"s": "val-cm"}}, {"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "p"}, "spec": {"containers": [{"name": "c", "image": "i", "args": ["$(S)"]}]}}], "vars": [{"name": "S", "objref": {"kind": "ConfigMap", "name": "cm", "apiVersion": "v1"}, "fieldref": {"fieldpath": "data.s"}}, {"name": "S", "objref": {"kind": "ConfigMap", "name": "cm", "apiVersion": "v1"}, "fieldref": {"fieldpath": "data.s"}}]},
      expected: {"code": "KUST_VAR_DUPLICATE", "kubectl": "\"merging vars [{S ConfigMap.[noVer].[noGrp] {data.s}} {S ConfigMap.[noVer].[noGrp] {data.s}}]: var 'S' already encountered\""},
    },
    {
      name: "a var declared in a base and an overlay is an error",
      tree: {"bases": [{"resources": [{"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "cm"}, "data": {"s": "val-cm"}}, {"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "p"}, "spec": {"containers": [{"name": "c", "image": "i", "args": ["$(S)", "$(N)"]}]}}], "prefix": "b-", "vars": [{"name": "S", "objref": {"kind": "ConfigMap", "name": "cm", "apiVersion": "v1"}, "fieldref": {"fieldpath": "data.s"}}]}], "vars": [{"name": "S", "objref": {"kind": "ConfigMap", "name": "cm", "apiVersion": "v1"}, "fieldref": {"fieldpath": "data.s"}}]},
      expected: {"code": "KUST_VAR_DUPLICATE", "kubectl": "\"merging vars [{S ConfigMap.[noVer].[noGrp] {data.s}}]: var 'S' already encountered\""},
    },
    {
      name: "the same var in two bases is an error",
      tree: {"bases": [{"resources": [{"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "cm"}, "data": {"s": "val-cm"}}, {"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "p"}, "spec": {"containers": [{"name": "c", "image": "i", "args": ["$(S)", "$(N)"]}]}}], "prefix": "b-", "vars": [{"name": "S", "objref": {"kind": "ConfigMap", "name": "cm", "apiVersion": "v1"}, "fieldref": {"fieldpath": "data.s"}}]}, {"resources": [{"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "other"}, "data": {"s": "val-other"}}], "vars": [{"name": "S", "objref": {"kind": "ConfigMap", "name": "other", "apiVersion": "v1"}, "fieldref": {"fieldpath": "data.s"}}]}]},
      expected: {"code": "KUST_VAR_DUPLICATE", "kubectl": "\"accumulating resources: accumulation err='accumulating resources from 'b1': '/tmp/kz/tmpxa1pjixx/b1' must resolve to a file': recursed merging from path '/tmp/kz/tmpxa1pjixx/b1': var 'S' already encountered\""},
    },
    {
      name: "an overlay var finds a renamed object by its original name",
      tree: {"bases": [{"resources": [{"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "cm"}, "data": {"s": "val-cm"}}, {"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "p"}, "spec": {"containers": [{"name": "c", "image": "i", "args": ["$(S)", "$(N)"]}]}}], "prefix": "b-", "vars": [{"name": "S", "objref": {"kind": "ConfigMap", "name": "cm", "apiVersion": "v1"}, "fieldref": {"fieldpath": "data.s"}}]}], "prefix": "o-", "vars": [{"name": "N", "objref": {"kind": "ConfigMap", "name": "cm", "apiVersion": "v1"}, "fieldref": {"fieldpath": "metadata.name"}}]},
      expected: [{"apiVersion": "v1", "data": {"s": "val-cm"}, "kind": "ConfigMap", "metadata": {"name": "o-b-cm"}}, {"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "o-b-p"}, "spec": {"containers": [{"args": ["val-cm", "o-b-cm"], "image": "i", "name": "c"}]}}],
    },
    {
      name: "an overlay var finds a renamed object by its intermediate name",
      tree: {"bases": [{"resources": [{"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "cm"}, "data": {"s": "val-cm"}}, {"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "p"}, "spec": {"containers": [{"name": "c", "image": "i", "args": ["$(S)", "$(N)"]}]}}], "prefix": "b-", "vars": [{"name": "S", "objref": {"kind": "ConfigMap", "name": "cm", "apiVersion": "v1"}, "fieldref": {"fieldpath": "data.s"}}]}], "prefix": "o-", "vars": [{"name": "N", "objref": {"kind": "ConfigMap", "name": "b-cm", "apiVersion": "v1"}, "fieldref": {"fieldpath": "metadata.name"}}]},
      expected: [{"apiVersion": "v1", "data": {"s": "val-cm"}, "kind": "ConfigMap", "metadata": {"name": "o-b-cm"}}, {"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "o-b-p"}, "spec": {"containers": [{"args": ["val-cm", "o-b-cm"], "image": "i", "name": "c"}]}}],
    },
    {
      name: "an overlay var finds a renamed object by its current name",
      tree: {"bases": [{"resources": [{"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "cm"}, "data": {"s": "val-cm"}}, {"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "p"}, "spec": {"containers": [{"name": "c", "image": "i", "args": ["$(S)", "$(N)"]}]}}], "prefix": "b-", "vars": [{"name": "S", "objref": {"kind": "ConfigMap", "name": "cm", "apiVersion": "v1"}, "fieldref": {"fieldpath": "data.s"}}]}], "prefix": "o-", "vars": [{"name": "N", "objref": {"kind": "ConfigMap", "name": "o-b-cm", "apiVersion": "v1"}, "fieldref": {"fieldpath": "metadata.name"}}]},
      expected: [{"apiVersion": "v1", "data": {"s": "val-cm"}, "kind": "ConfigMap", "metadata": {"name": "o-b-cm"}}, {"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "o-b-p"}, "spec": {"containers": [{"args": ["val-cm", "o-b-cm"], "image": "i", "name": "c"}]}}],
    },
    {
      name: "vars bind where declared, so later name clashes do not matter",
      tree: {"bases": [{"resources": [{"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "cm"}, "data": {"s": "val-cm"}}], "prefix": "x-", "vars": [{"name": "X", "objref": {"kind": "ConfigMap", "name": "cm", "apiVersion": "v1"}, "fieldref": {"fieldpath": "metadata.name"}}]}, {"resources": [{"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "cm"}, "data": {"s": "val-cm"}}, {"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "p"}, "spec": {"containers": [{"name": "c", "image": "i", "args": ["$(X)", "$(Y)"]}]}}], "prefix": "y-", "vars": [{"name": "Y", "objref": {"kind": "ConfigMap", "name": "cm", "apiVersion": "v1"}, "fieldref": {"fieldpath": "metadata.name"}}]}]},
      expected: [{"apiVersion": "v1", "data": {"s": "val-cm"}, "kind": "ConfigMap", "metadata": {"name": "x-cm"}}, {"apiVersion": "v1", "data": {"s": "val-cm"}, "kind": "ConfigMap", "metadata": {"name": "y-cm"}}, {"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "y-p"}, "spec": {"containers": [{"args": ["x-cm", "y-cm"], "image": "i", "name": "c"}]}}],
    },
    {
      name: "a top-level var naming an object two bases renamed is ambiguous",
      tree: {"bases": [{"resources": [{"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "cm"}, "data": {"s": "val-cm"}}], "prefix": "x-", "vars": [{"name": "X", "objref": {"kind": "ConfigMap", "name": "cm", "apiVersion": "v1"}, "fieldref": {"fieldpath": "metadata.name"}}]}, {"resources": [{"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "cm"}, "data": {"s": "val-cm"}}, {"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "p"}, "spec": {"containers": [{"name": "c", "image": "i", "args": ["$(X)", "$(Y)"]}]}}], "prefix": "y-", "vars": [{"name": "Y", "objref": {"kind": "ConfigMap", "name": "cm", "apiVersion": "v1"}, "fieldref": {"fieldpath": "metadata.name"}}]}], "vars": [{"name": "Z", "objref": {"kind": "ConfigMap", "name": "cm", "apiVersion": "v1"}, "fieldref": {"fieldpath": "metadata.name"}}]},
      expected: {"code": "KUST_VAR_AMBIGUOUS", "kubectl": "\"merging vars [{Z ConfigMap.[noVer].[noGrp] {metadata.name}}]: found 2 resId matches for var {Z ConfigMap.v1.[noGrp] {metadata.name}} (unable to disambiguate)\""},
    },
    {
      name: "with no vars nothing is expanded, not even $$",
      tree: {"resources": [{"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "cm"}, "data": {"s": "val-cm"}}, {"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "p"}, "spec": {"containers": [{"name": "c", "image": "i", "args": ["$(S)", "$$(S)"]}]}}]},
      expected: [{"apiVersion": "v1", "data": {"s": "val-cm"}, "kind": "ConfigMap", "metadata": {"name": "cm"}}, {"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "p"}, "spec": {"containers": [{"args": ["$(S)", "$$(S)"], "image": "i", "name": "c"}]}}],
    },
  ];
}
