import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyHashSuffixes } from '../../src/render/generators/index.js';
import { RenderCode } from '../../src/render/errors.js';
import { fixNameReferences, referredBy } from '../../src/render/nameref/index.js';
import { ResMap } from '../../src/render/resmap.js';
import { codeOf, generate, golden, load, objects, prefixNames, setNamespace, suffixNames } from './nameref-support.js';

/**
 * Each scenario replays a kustomization tree (resources → generators →
 * namespace → namePrefix → nameSuffix per level, then hash suffixes and
 * name references at the top) and compares with `kubectl kustomize`
 * (kustomize v5.5.0, `sortOptions: {order: fifo}`) output of the same tree.
 */

const BASE_APP = `apiVersion: v1
kind: ServiceAccount
metadata: {name: app-sa}
---
apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata: {name: app-role}
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata: {name: app-crole}
---
apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata: {name: app-rb}
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: app-role}
subjects:
- {kind: ServiceAccount, name: app-sa, namespace: base-ns}
- {kind: ServiceAccount, name: app-sa}
---
apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata: {name: app-crb-local}
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: app-crole}
subjects:
- {kind: ServiceAccount, name: app-sa, namespace: base-ns}
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata: {name: app-crb}
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: app-crole}
subjects:
- {kind: ServiceAccount, name: app-sa, namespace: base-ns}
---
apiVersion: v1
kind: PersistentVolumeClaim
metadata: {name: data}
spec: {resources: {requests: {storage: 1Gi}}}
---
apiVersion: v1
kind: Service
metadata: {name: app-svc}
spec: {ports: [{port: 80}]}
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: app}
spec:
  template:
    spec:
      serviceAccountName: app-sa
      containers:
      - name: app
        image: app:1
        env:
        - {name: MODE, valueFrom: {configMapKeyRef: {name: app-config, key: mode}}}
        - {name: TOKEN, valueFrom: {secretKeyRef: {name: app-secret, key: token}}}
        envFrom:
        - configMapRef: {name: app-config}
        - secretRef: {name: app-secret}
      volumes:
      - {name: cfg, configMap: {name: app-config}}
      - {name: sec, secret: {secretName: app-secret}}
      - {name: data, persistentVolumeClaim: {claimName: data}}
---
apiVersion: apps/v1
kind: StatefulSet
metadata: {name: db}
spec:
  serviceName: app-svc
  template:
    spec:
      volumes:
      - {name: data, persistentVolumeClaim: {claimName: data}}
---
apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata: {name: app}
spec:
  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: app}
---
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata: {name: app}
spec:
  defaultBackend: {service: {name: app-svc, port: {number: 80}}}
  tls: [{hosts: [a.example.com], secretName: app-secret}]
  rules:
  - host: a.example.com
    http:
      paths:
      - path: /
        pathType: Prefix
        backend: {service: {name: app-svc, port: {number: 80}}}
`;

const OVERLAY_POD = `apiVersion: v1
kind: Pod
metadata: {name: debug}
spec:
  serviceAccountName: app-sa
  containers:
  - name: c
    image: busybox
    envFrom:
    - configMapRef: {name: app-config}
    - secretRef: {name: app-secret}
`;

describe('name references after prefix, suffix, namespace and hash renames', () => {
  it('base (namespace base-ns, prefix b-) under overlay (namespace prod, prefix o-, suffix -v2, merge)', () => {
    const resources = load(new ResMap(), BASE_APP, '/base/app.yaml');
    generate(resources, '/base', `configMapGenerator:
- name: app-config
  literals: [mode=base]
secretGenerator:
- name: app-secret
  literals: [token=abc]
`);
    setNamespace(resources, 'base-ns');
    prefixNames(resources, 'b-');
    load(resources, OVERLAY_POD, '/ov/pod.yaml');
    generate(resources, '/ov', `configMapGenerator:
- name: app-config
  behavior: merge
  literals: [extra=1]
`);
    setNamespace(resources, 'prod');
    prefixNames(resources, 'o-');
    suffixNames(resources, '-v2');
    applyHashSuffixes(resources);
    fixNameReferences(resources);
    assert.deepEqual(objects(resources), golden(`apiVersion: v1
kind: ServiceAccount
metadata:
  name: o-b-app-sa-v2
  namespace: prod
---
apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata:
  name: o-b-app-role-v2
  namespace: prod
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata:
  name: o-b-app-crole-v2
---
apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata:
  name: o-b-app-rb-v2
  namespace: prod
roleRef:
  apiGroup: rbac.authorization.k8s.io
  kind: Role
  name: o-b-app-role-v2
subjects:
- kind: ServiceAccount
  name: app-sa
  namespace: base-ns
- kind: ServiceAccount
  name: o-b-app-sa-v2
  namespace: prod
---
apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata:
  name: o-b-app-crb-local-v2
  namespace: prod
roleRef:
  apiGroup: rbac.authorization.k8s.io
  kind: ClusterRole
  name: o-b-app-crole-v2
subjects:
- kind: ServiceAccount
  name: app-sa
  namespace: base-ns
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata:
  name: o-b-app-crb-v2
roleRef:
  apiGroup: rbac.authorization.k8s.io
  kind: ClusterRole
  name: o-b-app-crole-v2
subjects:
- kind: ServiceAccount
  name: app-sa
  namespace: base-ns
---
apiVersion: v1
kind: PersistentVolumeClaim
metadata:
  name: o-b-data-v2
  namespace: prod
spec:
  resources:
    requests:
      storage: 1Gi
---
apiVersion: v1
kind: Service
metadata:
  name: o-b-app-svc-v2
  namespace: prod
spec:
  ports:
  - port: 80
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: o-b-app-v2
  namespace: prod
spec:
  template:
    spec:
      containers:
      - env:
        - name: MODE
          valueFrom:
            configMapKeyRef:
              key: mode
              name: o-b-app-config-v2-gff66chtb6
        - name: TOKEN
          valueFrom:
            secretKeyRef:
              key: token
              name: o-b-app-secret-v2-dbdgd77ct8
        envFrom:
        - configMapRef:
            name: o-b-app-config-v2-gff66chtb6
        - secretRef:
            name: o-b-app-secret-v2-dbdgd77ct8
        image: app:1
        name: app
      serviceAccountName: o-b-app-sa-v2
      volumes:
      - configMap:
          name: o-b-app-config-v2-gff66chtb6
        name: cfg
      - name: sec
        secret:
          secretName: o-b-app-secret-v2-dbdgd77ct8
      - name: data
        persistentVolumeClaim:
          claimName: o-b-data-v2
---
apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: o-b-db-v2
  namespace: prod
spec:
  serviceName: o-b-app-svc-v2
  template:
    spec:
      volumes:
      - name: data
        persistentVolumeClaim:
          claimName: o-b-data-v2
---
apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata:
  name: o-b-app-v2
  namespace: prod
spec:
  scaleTargetRef:
    apiVersion: apps/v1
    kind: Deployment
    name: o-b-app-v2
---
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: o-b-app-v2
  namespace: prod
spec:
  defaultBackend:
    service:
      name: o-b-app-svc-v2
      port:
        number: 80
  rules:
  - host: a.example.com
    http:
      paths:
      - backend:
          service:
            name: o-b-app-svc-v2
            port:
              number: 80
        path: /
        pathType: Prefix
  tls:
  - hosts:
    - a.example.com
    secretName: o-b-app-secret-v2-dbdgd77ct8
---
apiVersion: v1
data:
  extra: "1"
  mode: base
kind: ConfigMap
metadata:
  name: o-b-app-config-v2-gff66chtb6
  namespace: prod
---
apiVersion: v1
data:
  token: YWJj
kind: Secret
metadata:
  name: o-b-app-secret-v2-dbdgd77ct8
  namespace: prod
type: Opaque
---
apiVersion: v1
kind: Pod
metadata:
  name: o-debug-v2
  namespace: prod
spec:
  containers:
  - envFrom:
    - configMapRef:
        name: o-b-app-config-v2-gff66chtb6
    - secretRef:
        name: o-b-app-secret-v2-dbdgd77ct8
    image: busybox
    name: c
  serviceAccountName: o-b-app-sa-v2
`));
    const configMap = resources.all().find((r) => r.kind === 'ConfigMap')!;
    assert.ok(referredBy(configMap).includes('Deployment.v1.apps/o-b-app-v2.prod'));
  });

  it('two bases with the same ConfigMap name: each Deployment follows its own base (same prefixes)', () => {
    const resources = new ResMap();
    for (const who of ['a', 'b']) {
      const base = load(new ResMap(), who === 'a' ? BASE_A : BASE_B, `/${who}/r.yaml`);
      generate(base, `/${who}`, `configMapGenerator:\n- name: cfg\n  literals: [who=${who}]\n`);
      prefixNames(base, `${who}-`);
      base.all().forEach((r) => resources.add(r));
    }
    load(resources, READER_ROLE, '/top/role.yaml');
    applyHashSuffixes(resources);
    fixNameReferences(resources);
    assert.deepEqual(objects(resources), golden(`apiVersion: apps/v1
kind: Deployment
metadata:
  name: a-web-a
spec:
  template:
    spec:
      volumes:
      - configMap:
          name: a-cfg-764646kbm7
        name: c
---
apiVersion: v1
data:
  who: a
kind: ConfigMap
metadata:
  name: a-cfg-764646kbm7
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: b-web-b
spec:
  template:
    spec:
      volumes:
      - configMap:
          name: b-cfg-c746299b87
        name: c
---
apiVersion: v1
data:
  who: b
kind: ConfigMap
metadata:
  name: b-cfg-c746299b87
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata:
  name: reader
rules:
- resourceNames:
  - cfg
`));
  });

  it('two same-named generated ConfigMaps in different namespaces: identical names resolve, different ones are ambiguous', () => {
    const twins = (a: string, b: string): ResMap => {
      const resources = load(new ResMap(), READER_ROLE, '/app/role.yaml');
      generate(resources, '/app', `configMapGenerator:
- name: cfg
  namespace: ns1
  literals: [a=${a}]
- name: cfg
  namespace: ns2
  literals: [a=${b}]
`);
      applyHashSuffixes(resources);
      return resources;
    };
    const same = twins('1', '1');
    fixNameReferences(same);
    assert.deepEqual(objects(same), golden(`apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata:
  name: reader
rules:
- resourceNames:
  - cfg-h29d89cmmt
---
apiVersion: v1
data:
  a: "1"
kind: ConfigMap
metadata:
  name: cfg-h29d89cmmt
  namespace: ns1
---
apiVersion: v1
data:
  a: "1"
kind: ConfigMap
metadata:
  name: cfg-h29d89cmmt
  namespace: ns2
`));
    const different = twins('1', '2');
    assert.equal(codeOf(() => fixNameReferences(different)), RenderCode.NameRefAmbiguous);
  });

  it('RoleBinding reaches ServiceAccounts in its subjects\u2019 namespaces; roleRef kind picks ClusterRole over Role', () => {
    const resources = load(new ResMap(), CROSS_NAMESPACE);
    prefixNames(resources, 'p-');
    fixNameReferences(resources);
    assert.deepEqual(objects(resources), golden(`apiVersion: v1
kind: ServiceAccount
metadata:
  name: p-sa
  namespace: ops
---
apiVersion: v1
kind: ConfigMap
metadata:
  name: p-cm
  namespace: ops
---
apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata:
  name: p-rb
  namespace: team
roleRef:
  apiGroup: rbac.authorization.k8s.io
  kind: ClusterRole
  name: p-view
subjects:
- kind: ServiceAccount
  name: p-sa
  namespace: ops
- kind: ServiceAccount
  name: sa
  namespace: elsewhere
---
apiVersion: v1
kind: Pod
metadata:
  name: p-pod
  namespace: team
spec:
  serviceAccountName: sa
  volumes:
  - configMap:
      name: cm
    name: v
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata:
  name: p-view
---
apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata:
  name: p-view
  namespace: team
`));
  });
});

describe('subjects with a namespace', () => {
  const replay = (withMarker: boolean): ResMap => {
    const resources = load(new ResMap(), 'apiVersion: v1\nkind: ServiceAccount\nmetadata: {name: sa}\n', '/base/sa.yaml');
    setNamespace(resources, 'x');
    prefixNames(resources, 'b-');
    const marker = 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: marker, namespace: x}\n---\n';
    load(resources, `${withMarker ? marker : ''}apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata: {name: crb}
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: view}
subjects:
- {kind: ServiceAccount, name: sa, namespace: x}
`, '/ov/other.yaml');
    fixNameReferences(resources);
    return resources;
  };
  const subjects = (resources: ResMap): unknown => resources.all().find((r) => r.kind === 'ClusterRoleBinding')!.obj.subjects;

  it('match by current namespace only when no object at all started out in that namespace', () => {
    // kubectl: the ServiceAccount moved into x from the default namespace, so it is found by its current namespace…
    assert.deepEqual(subjects(replay(false)), [{ kind: 'ServiceAccount', name: 'b-sa', namespace: 'x' }]);
    // …unless some untouched object was in x from the start: then only objects that started in x count.
    assert.deepEqual(subjects(replay(true)), [{ kind: 'ServiceAccount', name: 'sa', namespace: 'x' }]);
  });
});

describe('name reference errors', () => {
  it('a scalar where the reference path continues', () => {
    const resources = load(new ResMap(), `apiVersion: v1
kind: ConfigMap
metadata: {name: cm}
---
apiVersion: v1
kind: Pod
metadata: {name: pod}
spec:
  volumes:
  - {name: v, configMap: "x"}
`);
    prefixNames(resources, 'p-');
    assert.equal(codeOf(() => fixNameReferences(resources)), RenderCode.NameRefInvalid);
  });

  it('a subject without a name', () => {
    const resources = load(new ResMap(), `apiVersion: v1
kind: ServiceAccount
metadata: {name: sa}
---
apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata: {name: rb}
subjects:
- {kind: ServiceAccount, namespace: x}
`);
    prefixNames(resources, 'p-');
    assert.equal(codeOf(() => fixNameReferences(resources)), RenderCode.NameRefInvalid);
  });
});

const BASE_A = `apiVersion: apps/v1
kind: Deployment
metadata: {name: web-a}
spec:
  template:
    spec:
      volumes:
      - {name: c, configMap: {name: cfg}}
`;

const BASE_B = `apiVersion: apps/v1
kind: Deployment
metadata: {name: web-b}
spec:
  template:
    spec:
      volumes:
      - {name: c, configMap: {name: cfg}}
`;

const READER_ROLE = `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata: {name: reader}
rules:
- resourceNames: [cfg]
`;

const CROSS_NAMESPACE = `apiVersion: v1
kind: ServiceAccount
metadata: {name: sa, namespace: ops}
---
apiVersion: v1
kind: ConfigMap
metadata: {name: cm, namespace: ops}
---
apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata: {name: rb, namespace: team}
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: view}
subjects:
- {kind: ServiceAccount, name: sa, namespace: ops}
- {kind: ServiceAccount, name: sa, namespace: elsewhere}
---
apiVersion: v1
kind: Pod
metadata: {name: pod, namespace: team}
spec:
  serviceAccountName: sa
  volumes:
  - {name: v, configMap: {name: cm}}
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata: {name: view}
---
apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata: {name: view, namespace: team}
`;
