import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { strategicMerge } from '../../src/render/merge/strategic.js';
import { doc, FAILS, runMergeCases, type MergeCase } from './merge-cases.js';

/**
 * Strategic merge patch, directives, nulls and failures. Each expected output is what
 * `kubectl kustomize` (v1.32, kustomize v5.5.0) prints for `resources: [base.yaml]`
 * plus `patches: [{path: patch.yaml}]`; FAILS marks a patch kubectl refuses.
 */
const CASES: MergeCase[] = [
  {
    name: "$patch replace/delete/merge on maps; $patch inside a list element loses that element patch; $setElementOrder, $retainKeys, $deleteFromPrimitiveList copied; volumes retainKeys ignored",
    base: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  finalizers: [f1, f2]
  ownerReferences:
  - uid: u1
    name: o1
    kind: K
    apiVersion: v1
spec:
  strategy:
    type: RollingUpdate
    rollingUpdate: {maxSurge: 1}
  template:
    metadata:
      labels: {a: b, c: d}
    spec:
      affinity:
        nodeAffinity: {x: 1}
      containers:
      - name: a
        image: a:1
        resources: {limits: {cpu: 1}}
      - name: b
        image: b:1
      - name: c
        image: c:1
      volumes:
      - name: v1
        configMap: {name: cm}
      - name: v2
        emptyDir: {}
`,
    patch: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  finalizers: [f3, f1]
  ownerReferences:
  - uid: u2
    name: o2
    kind: K
    apiVersion: v1
spec:
  strategy:
    $patch: replace
    type: Recreate
  template:
    metadata:
      labels:
        $patch: delete
    spec:
      $setElementOrder/containers:
      - name: c
      - name: a
      $retainKeys: [containers]
      affinity:
        $patch: merge
        podAffinity: {y: 2}
      containers:
      - name: a
        $patch: replace
        image: a:2
      - name: b
        $patch: delete
      - name: c
        resources:
          $patch: replace
          requests: {cpu: 2}
      volumes:
      - name: v1
        secret: {secretName: s}
      - name: v2
        emptyDir: null
        $deleteFromPrimitiveList/x: [1]
`,
    expected: `apiVersion: apps/v1
kind: Deployment
metadata:
  finalizers:
  - f3
  - f1
  - f2
  name: web
  ownerReferences:
  - apiVersion: v1
    kind: K
    name: o2
    uid: u2
  - apiVersion: v1
    kind: K
    name: o1
    uid: u1
spec:
  strategy:
    type: Recreate
  template:
    metadata: {}
    spec:
      $retainKeys:
      - containers
      $setElementOrder/containers:
      - name: c
      - name: a
      affinity:
        nodeAffinity:
          x: 1
        podAffinity:
          "y": 2
      containers:
      - image: a:1
        name: a
        resources:
          limits:
            cpu: 1
      - image: c:1
        name: c
        resources:
          requests:
            cpu: 2
      volumes:
      - configMap:
          name: cm
        name: v1
        secret:
          secretName: s
      - $deleteFromPrimitiveList/x:
        - 1
        name: v2
`,
  },
  {
    name: "a \"- $patch: replace\" item replaces the whole list",
    base: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  template:
    spec:
      containers:
      - name: a
        image: a:1
      - name: b
        image: b:1
`,
    patch: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  template:
    spec:
      containers:
      - $patch: replace
      - name: z
        image: z:1
`,
    expected: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  template:
    spec:
      containers:
      - image: z:1
        name: z
`,
  },
  {
    name: "a \"- $patch: delete\" item removes the whole list",
    base: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  template:
    spec:
      containers:
      - name: a
        image: a:1
      volumes:
      - name: v
        emptyDir: {}
`,
    patch: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  template:
    spec:
      volumes:
      - $patch: delete
`,
    expected: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  template:
    spec:
      containers:
      - image: a:1
        name: a
`,
  },
  {
    name: "a \"- $patch: merge\" item is removed and the list merged",
    base: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  template:
    spec:
      containers:
      - name: a
        image: a
      - name: b
        image: b
`,
    patch: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  template:
    spec:
      containers:
      - $patch: merge
      - name: a
        image: a2
`,
    expected: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  template:
    spec:
      containers:
      - image: a2
        name: a
      - image: b
        name: b
`,
  },
  {
    name: "lists added by the patch are walked too: nulls and $patch: delete elements drop out",
    base: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  template:
    spec:
      containers:
      - name: a
        image: a:1
`,
    patch: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  template:
    spec:
      initContainers:
      - name: i1
        image: i
        foo: null
      - name: i2
        $patch: delete
      - name: i3
        image: i3
        $patch: replace
      containers:
      - name: a
        env:
        - name: X
          value: null
        ports:
        - containerPort: 80
`,
    expected: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  template:
    spec:
      containers:
      - env:
        - name: X
        image: a:1
        name: a
        ports:
        - containerPort: 80
      initContainers:
      - image: i
        name: i1
      - image: i3
        name: i3
`,
  },
  {
    name: "null deletes; nulls already in the object stay; patch values replace them",
    base: `apiVersion: example.com/v1
kind: Foo
metadata:
  name: foo
spec:
  a: null
  c: null
  e: ~
  g: {k: null}
  l: [1]
  m: 5
  n: {x: 1}
`,
    patch: `apiVersion: example.com/v1
kind: Foo
metadata:
  name: foo
spec:
  a: [1]
  c: {q: 1, r: null}
  l: null
  m: null
  n: null
  z: null
`,
    expected: `apiVersion: example.com/v1
kind: Foo
metadata:
  name: foo
spec:
  a:
  - 1
  c:
    q: 1
  e: null
  g:
    k: null
`,
  },
  {
    name: "null deletes merge and replace lists alike",
    base: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  template:
    spec:
      containers:
      - name: a
        image: a
      volumes: [{name: v}]
      tolerations: [{key: x}]
`,
    patch: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  template:
    spec:
      volumes: null
      tolerations: null
`,
    expected: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  template:
    spec:
      containers:
      - image: a
        name: a
`,
  },
  {
    name: "a document-level $patch: replace changes nothing",
    base: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  labels: {a: b}
spec:
  replicas: 3
`,
    patch: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
$patch: replace
spec:
  paused: true
`,
    expected: `apiVersion: apps/v1
kind: Deployment
metadata:
  labels:
    a: b
  name: web
spec:
  replicas: 3
`,
  },
  {
    name: "an unknown $patch on a map the object lacks is copied verbatim",
    base: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 1
`,
    patch: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  template:
    $patch: frob
    spec: {}
`,
    expected: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 1
  template:
    $patch: frob
    spec: {}
`,
  },
  {
    name: "a list patched with a map fails",
    base: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  template:
    spec:
      containers:
      - name: a
        image: a:1
`,
    patch: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  template:
    spec:
      containers:
        name: a
`,
    expected: FAILS,
  },
  {
    name: "a map where the object has a list fails",
    base: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  template:
    spec:
      containers:
      - name: a
        image: a
      volumes:
      - name: v
`,
    patch: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  template:
    spec:
      containers: []
      volumes: {}
`,
    expected: FAILS,
  },
  {
    name: "an unknown $patch value on an existing map fails",
    base: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  template:
    spec:
      containers:
      - name: a
        image: a:1
`,
    patch: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  template:
    $patch: frob
    spec: {}
`,
    expected: FAILS,
  },
];

runMergeCases('strategicMerge', CASES);

describe('strategicMerge at document level', () => {
  it('$patch: delete removes the object', () => {
    const base = doc('apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\ndata: {a: b}\n');
    const patch = doc('apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n$patch: delete\n');
    assert.equal(strategicMerge(base, patch), undefined);
  });

  it('leaves its arguments untouched', () => {
    const base = doc('apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\ndata: {a: b}\n');
    const patch = doc('apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n  labels: {x: null}\n$patch: merge\ndata: {a: null}\n');
    const before = [JSON.stringify(base), JSON.stringify(patch)];
    strategicMerge(base, patch);
    assert.deepEqual([JSON.stringify(base), JSON.stringify(patch)], before);
  });
});
