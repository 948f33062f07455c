import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DiagnosticError } from '../../src/core/diagnostic.js';
import { MemoryFileSystem } from '../../src/fs/memory.js';
import { renderKustomization } from '../../src/render/engine.js';

/**
 * The patchesStrategicMerge, patches and patchesJson6902 steps, end to end.
 * Expected output is `kubectl kustomize` (v1.32, kustomize v5.5.0) of the same
 * files; `code` marks a build kubectl refuses.
 */
const BASE = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  labels: {app: web}
spec:
  replicas: 1
  template:
    spec:
      containers:
      - name: app
        image: nginx
        envFrom:
        - configMapRef: {name: cfg}
---
apiVersion: v1
kind: ConfigMap
metadata:
  name: cfg
data: {a: b}
---
apiVersion: v1
kind: Service
metadata:
  name: svc
spec:
  ports:
  - port: 80
`;

interface Case {
  name: string;
  files: Record<string, string>;
  expected?: string;
  code?: string;
}

const CASES: Case[] = [
  {
    name: "patchesStrategicMerge: files of several documents, inline entries, deletion, string labels",
    files: {
      "base.yaml": BASE,
      "patch.yaml": `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  labels: {tier: null, n: 5}
spec:
  replicas: 3
  template:
    spec:
      containers:
      - name: app
        image: nginx:1.27
---
apiVersion: v1
kind: Service
metadata:
  name: svc
$patch: delete
`,
      "kustomization.yaml": `resources:
- base.yaml
patchesStrategicMerge:
- patch.yaml
- |-
  apiVersion: v1
  kind: ConfigMap
  metadata:
    name: cfg
  data:
    c: d
`,
    },
    expected: `apiVersion: v1
data:
  a: b
  c: d
kind: ConfigMap
metadata:
  name: cfg
---
apiVersion: apps/v1
kind: Deployment
metadata:
  labels:
    app: web
    "n": "5"
    tier: "null"
  name: web
spec:
  replicas: 3
  template:
    spec:
      containers:
      - envFrom:
        - configMapRef:
            name: cfg
        image: nginx:1.27
        name: app
`,
  },
  {
    name: "patches: targets by regex and labels, SMP and JSON bodies, allowed rename followed by references",
    files: {
      "base.yaml": BASE,
      "json.yaml": `- op: replace
  path: /spec/replicas
  value: 5
`,
      "smp.yaml": `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ignored
  labels: {l: null}
spec:
  template:
    spec:
      containers:
      - name: sidecar
        image: busybox
`,
      "kustomization.yaml": `resources:
- base.yaml
patches:
- path: json.yaml
  target: {kind: Deployment, name: "w.*"}
- path: smp.yaml
  target: {group: apps, kind: Deployment, labelSelector: "app=web"}
- patch: |-
    apiVersion: v1
    kind: ConfigMap
    metadata:
      name: cfg2
    data: {x: y}
  target: {kind: ConfigMap}
  options: {allowNameChange: true}
- patch: |-
    apiVersion: v1
    kind: Service
    metadata:
      name: svc
    spec:
      type: NodePort
`,
    },
    expected: `apiVersion: v1
data:
  a: b
  x: "y"
kind: ConfigMap
metadata:
  name: cfg2
---
apiVersion: v1
kind: Service
metadata:
  name: svc
spec:
  ports:
  - port: 80
  type: NodePort
---
apiVersion: apps/v1
kind: Deployment
metadata:
  labels:
    app: web
    l: "null"
  name: web
spec:
  replicas: 5
  template:
    spec:
      containers:
      - image: busybox
        name: sidecar
      - envFrom:
        - configMapRef:
            name: cfg2
        image: nginx
        name: app
`,
  },
  {
    name: "patches: without options a targeted patch keeps name and kind",
    files: {
      "base.yaml": BASE,
      "kustomization.yaml": `resources:
- base.yaml
patches:
- patch: |-
    apiVersion: v1
    kind: Secret
    metadata:
      name: other
    data: {x: eQ==}
  target: {kind: ConfigMap}
- patch: |-
    apiVersion: v1
    kind: Secret
    metadata:
      name: renamed
    type: Opaque
  target: {kind: Service}
  options: {allowKindChange: true, allowNameChange: true}
`,
    },
    expected: `apiVersion: v1
data:
  a: b
  x: eQ==
kind: ConfigMap
metadata:
  name: cfg
---
apiVersion: v1
kind: Secret
metadata:
  name: renamed
spec:
  ports:
  - port: 80
type: Opaque
---
apiVersion: apps/v1
kind: Deployment
metadata:
  labels:
    app: web
  name: web
spec:
  replicas: 1
  template:
    spec:
      containers:
      - envFrom:
        - configMapRef:
            name: cfg
        image: nginx
        name: app
`,
  },
  {
    name: "patches: a JSON rename is followed by references",
    files: {
      "base.yaml": BASE,
      "kustomization.yaml": `resources:
- base.yaml
patches:
- target: {kind: ConfigMap, name: cfg}
  patch: '[{"op": "replace", "path": "/metadata/name", "value": "cfg2"}]'
`,
    },
    expected: `apiVersion: v1
data:
  a: b
kind: ConfigMap
metadata:
  name: cfg2
---
apiVersion: v1
kind: Service
metadata:
  name: svc
spec:
  ports:
  - port: 80
---
apiVersion: apps/v1
kind: Deployment
metadata:
  labels:
    app: web
  name: web
spec:
  replicas: 1
  template:
    spec:
      containers:
      - envFrom:
        - configMapRef:
            name: cfg2
        image: nginx
        name: app
`,
  },
  {
    name: "patchesJson6902: needs a named target; renames are not followed; no match is fine",
    files: {
      "base.yaml": BASE,
      "ops.yaml": `- op: add
  path: /spec/template/spec/containers/-
  value: {name: b, image: b}
- op: copy
  from: /spec/template/spec/containers/0/image
  path: /metadata/labels/img
`,
      "kustomization.yaml": `resources:
- base.yaml
patchesJson6902:
- target: {group: apps, version: v1, kind: Deployment, name: web}
  path: ops.yaml
- target: {version: v1, kind: ConfigMap, name: cfg}
  patch: |-
    - op: replace
      path: /metadata/name
      value: cfg2
- target: {version: v1, kind: ConfigMap, name: nope}
  patch: '[{"op": "add", "path": "/x", "value": 1}]'
`,
    },
    expected: `apiVersion: v1
data:
  a: b
kind: ConfigMap
metadata:
  name: cfg2
---
apiVersion: v1
kind: Service
metadata:
  name: svc
spec:
  ports:
  - port: 80
---
apiVersion: apps/v1
kind: Deployment
metadata:
  labels:
    app: web
    img: nginx
  name: web
spec:
  replicas: 1
  template:
    spec:
      containers:
      - envFrom:
        - configMapRef:
            name: cfg
        image: nginx
        name: app
      - image: b
        name: b
`,
  },
  {
    name: "fails: no object matches a strategic merge patch",
    files: {
      "base.yaml": BASE,
      "p.yaml": `apiVersion: v1
kind: ConfigMap
metadata:
  name: zzz
data: {a: b}
`,
      "kustomization.yaml": `resources:
- base.yaml
patchesStrategicMerge:
- p.yaml
`,
    },
    code: "KUST_PATCH_NO_MATCH",
  },
  {
    name: "fails: an untargeted patches SMP without a match",
    files: {
      "base.yaml": BASE,
      "kustomization.yaml": `resources:
- base.yaml
patches:
- patch: |-
    apiVersion: v1
    kind: ConfigMap
    metadata:
      name: zzz
`,
    },
    code: "KUST_PATCH_NO_MATCH",
  },
  {
    name: "fails: a JSON operation",
    files: {
      "base.yaml": BASE,
      "kustomization.yaml": `resources:
- base.yaml
patches:
- target: {kind: ConfigMap}
  patch: |-
    - op: add
      path: /data/b
      value: c
    - op: remove
      path: /data/nope
`,
    },
    code: "KUST_JSONPATCH_FAILED",
  },
  {
    name: "fails: a body that is neither SMP nor JSON patch",
    files: {
      "base.yaml": BASE,
      "kustomization.yaml": `resources:
- base.yaml
patches:
- patch: "thisIsNotAPatch"
`,
    },
    code: "KUST_PATCH_INVALID",
  },
  {
    name: "patches: several documents without target each find their object",
    files: {
      "base.yaml": BASE,
      "two.yaml": `apiVersion: v1
kind: ConfigMap
metadata:
  name: cfg
data: {x: "1"}
---
apiVersion: v1
kind: ServiceList
items:
- apiVersion: v1
  kind: Service
  metadata:
    name: svc
  spec: {type: NodePort}
`,
      "kustomization.yaml": `resources:
- base.yaml
patches:
- path: two.yaml
`,
    },
    expected: `apiVersion: v1
data:
  a: b
  x: "1"
kind: ConfigMap
metadata:
  name: cfg
---
apiVersion: v1
kind: Service
metadata:
  name: svc
spec:
  ports:
  - port: 80
  type: NodePort
---
apiVersion: apps/v1
kind: Deployment
metadata:
  labels:
    app: web
  name: web
spec:
  replicas: 1
  template:
    spec:
      containers:
      - envFrom:
        - configMapRef:
            name: cfg
        image: nginx
        name: app
`,
  },
  {
    name: "fails: several documents with a target",
    files: {
      "base.yaml": BASE,
      "two.yaml": `apiVersion: v1
kind: ConfigMap
metadata:
  name: cfg
---
apiVersion: v1
kind: Service
metadata:
  name: svc
`,
      "kustomization.yaml": `resources:
- base.yaml
patches:
- path: two.yaml
  target: {kind: ConfigMap}
`,
    },
    code: "KUST_PATCH_INVALID",
  },
  {
    name: "fails: a JSON patch without target",
    files: {
      "base.yaml": BASE,
      "kustomization.yaml": `resources:
- base.yaml
patches:
- patch: '[{"op": "add", "path": "/x", "value": 1}]'
`,
    },
    code: "KUST_PATCH_TARGET_REQUIRED",
  },
  {
    name: "fails: patchesJson6902 without target name",
    files: {
      "base.yaml": BASE,
      "kustomization.yaml": `resources:
- base.yaml
patchesJson6902:
- target: {kind: ConfigMap}
  patch: '[{"op": "add", "path": "/x", "value": 1}]'
`,
    },
    code: "KUST_PATCH_TARGET_REQUIRED",
  },
  {
    name: "fails: a strategic merge patch putting a map on a list",
    files: {
      "base.yaml": BASE,
      "kustomization.yaml": `resources:
- base.yaml
patches:
- patch: |-
    apiVersion: v1
    kind: Service
    metadata:
      name: svc
    spec:
      ports: {port: 81}
`,
    },
    code: "KUST_PATCH_INVALID",
  },
];

function render(files: Record<string, string>) {
  const fs = new MemoryFileSystem();
  for (const [name, text] of Object.entries(files)) fs.write(`/app/${name}`, text);
  return renderKustomization(fs, '/app');
}

describe('patch steps', () => {
  for (const c of CASES) {
    it(c.name, () => {
      if (c.code) {
        assert.throws(() => render(c.files), (e: unknown) => e instanceof DiagnosticError && e.code === c.code);
        return;
      }
      assert.equal(render(c.files).yaml, c.expected);
    });
  }
});

describe('patch provenance', () => {
  it('records the patch document in its file, or the kustomization entry', () => {
    const { resources } = render(CASES[0]!.files);
    const changes = (kind: string) => resources.find((r) => r.kind === kind)!.changes.map((c) => [c.transformer, c.source?.file, c.source?.line]);
    assert.deepEqual(changes('Deployment'), [['patchesStrategicMerge', '/app/patch.yaml', 1]]);
    assert.deepEqual(changes('ConfigMap'), [['patchesStrategicMerge', '/app/kustomization.yaml', 5]]);
  });

  it('records JSON and targeted patches; an allowed rename keeps the old id', () => {
    const { resources } = render(CASES[1]!.files);
    const web = resources.find((r) => r.kind === 'Deployment')!;
    const patched = web.changes.filter((c) => c.transformer === 'patches');
    assert.deepEqual(patched.map((c) => [c.transformer, c.source?.file, c.source?.line]), [
      ['patches', '/app/json.yaml', 1],
      ['patches', '/app/smp.yaml', 1],
    ]);
    const cfg = resources.find((r) => r.kind === 'ConfigMap')!;
    assert.deepEqual(cfg.previousIds.map((id) => id.name), ['cfg']);
    assert.deepEqual(cfg.changes.map((c) => [c.transformer, c.source?.file, c.source?.line]), [['patches', '/app/kustomization.yaml', 8]]);
  });

  it('points a failed patch at its document', () => {
    assert.throws(() => render(CASES.find((c) => c.name.startsWith('fails: no object matches'))!.files), (e: unknown) => {
      const d = (e as DiagnosticError).diagnostics[0]!;
      return d.file === '/app/p.yaml' && d.line === 1;
    });
  });
});
