import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { RenderCode } from '../../src/render/errors.js';
import { expectYaml, KustHarness } from '../harness/kust.js';

// Expected output below is what `kubectl kustomize` (kustomize v5.5) printed for the same trees.

describe('built-in transformers', () => {
  it('namespace: namespaced kinds get it, v1 Namespace is renamed, only subjects named default, APIService service created', () => {
    const h = new KustHarness();
    h.writeK('.', `
namespace: prod
resources: [objects.yaml]
sortOptions: {order: fifo}
`);
    h.writeF('objects.yaml', `
apiVersion: v1
kind: Namespace
metadata: {name: old}
---
apiVersion: v1
kind: ConfigMap
metadata: {name: cm, namespace: elsewhere}
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata: {name: reader}
---
apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata: {name: rb}
subjects:
- {kind: ServiceAccount, name: default, namespace: other}
- {kind: ServiceAccount, name: app}
---
apiVersion: apiregistration.k8s.io/v1
kind: APIService
metadata: {name: v1.metrics}
spec: {}
---
apiVersion: example.com/v1
kind: Widget
metadata: {name: w}
`);
    expectYaml(h.render('.'), `
apiVersion: v1
kind: Namespace
metadata:
  name: prod
---
apiVersion: v1
kind: ConfigMap
metadata:
  name: cm
  namespace: prod
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata:
  name: reader
---
apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata:
  name: rb
  namespace: prod
subjects:
- kind: ServiceAccount
  name: default
  namespace: prod
- kind: ServiceAccount
  name: app
---
apiVersion: apiregistration.k8s.io/v1
kind: APIService
metadata:
  name: v1.metrics
spec:
  service:
    namespace: prod
---
apiVersion: example.com/v1
kind: Widget
metadata:
  name: w
  namespace: prod
`);
  });

  it('namePrefix/nameSuffix skip Namespace, CustomResourceDefinition and apiregistration APIService', () => {
    const h = new KustHarness();
    h.writeK('.', `
namePrefix: p-
nameSuffix: -s
resources: [r.yaml]
sortOptions: {order: fifo}
`);
    h.writeF('r.yaml', `
apiVersion: v1
kind: Namespace
metadata: {name: ns}
---
apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
metadata: {name: foos.example.com}
---
apiVersion: apiregistration.k8s.io/v1
kind: APIService
metadata: {name: v1.foo}
---
apiVersion: foo/v1
kind: APIService
metadata: {name: v1.bar}
---
apiVersion: v1
kind: ConfigMap
metadata: {name: cm}
`);
    expectYaml(h.render('.'), `
apiVersion: v1
kind: Namespace
metadata:
  name: ns
---
apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
metadata:
  name: foos.example.com
---
apiVersion: apiregistration.k8s.io/v1
kind: APIService
metadata:
  name: v1.foo
---
apiVersion: foo/v1
kind: APIService
metadata:
  name: p-v1.bar-s
---
apiVersion: v1
kind: ConfigMap
metadata:
  name: p-cm-s
`);
  });

  it('labels: metadata only by default, includeTemplates, includeSelectors (selector created on ExternalName), custom fields; commonAnnotations', () => {
    const h = new KustHarness();
    h.writeK('.', `
resources: [objects.yaml]
sortOptions: {order: fifo}
labels:
- pairs: {team: a}
- pairs: {tier: web}
  includeTemplates: true
- pairs: {app: web}
  includeSelectors: true
- pairs: {owner: ops}
  fields:
  - {kind: Widget, path: spec/selector, create: true}
commonAnnotations: {note: hi}
`);
    h.writeF('objects.yaml', `
apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  template:
    spec:
      containers: [{name: web, image: nginx}]
---
apiVersion: v1
kind: Service
metadata: {name: web}
spec: {type: ExternalName, externalName: example.com}
---
apiVersion: example.com/v1
kind: Widget
metadata: {name: w}
`);
    expectYaml(h.render('.'), `
apiVersion: apps/v1
kind: Deployment
metadata:
  annotations:
    note: hi
  labels:
    app: web
    owner: ops
    team: a
    tier: web
  name: web
spec:
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      annotations:
        note: hi
      labels:
        app: web
        tier: web
    spec:
      containers:
      - image: nginx
        name: web
---
apiVersion: v1
kind: Service
metadata:
  annotations:
    note: hi
  labels:
    app: web
    owner: ops
    team: a
    tier: web
  name: web
spec:
  externalName: example.com
  selector:
    app: web
  type: ExternalName
---
apiVersion: example.com/v1
kind: Widget
metadata:
  annotations:
    note: hi
  labels:
    app: web
    owner: ops
    team: a
    tier: web
  name: w
spec:
  selector:
    owner: ops
`);
  });

  it('images: exact repository match, newTag drops the digest, newName+digest, tagSuffix twice on pod specs, CronJob via the any-depth pass, CRDs untouched', () => {
    const h = new KustHarness();
    h.writeK('.', `
resources: [objects.yaml]
sortOptions: {order: fifo}
images:
- {name: nginx, newTag: "1.27"}
- {name: registry.local:5000/api, newName: ghcr.io/acme/api, digest: "sha256:0123"}
- {name: redis, tagSuffix: -debug}
`);
    h.writeF('objects.yaml', `
apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  template:
    spec:
      initContainers:
      - {name: init, image: "nginx@sha256:aaaa"}
      containers:
      - {name: web, image: "nginx:1.25"}
      - {name: api, image: "registry.local:5000/api:v3"}
      - {name: cache, image: "redis:7"}
      - {name: other, image: "docker.io/nginx:1.25"}
---
apiVersion: batch/v1
kind: CronJob
metadata: {name: job}
spec:
  jobTemplate:
    spec:
      template:
        spec:
          containers:
          - {name: job, image: "redis:7"}
---
apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
metadata: {name: widgets.example.com}
spec:
  containers:
  - {name: x, image: nginx}
`);
    expectYaml(h.render('.'), `
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  template:
    spec:
      containers:
      - image: nginx:1.27
        name: web
      - image: ghcr.io/acme/api@sha256:0123
        name: api
      - image: redis:7-debug-debug
        name: cache
      - image: docker.io/nginx:1.25
        name: other
      initContainers:
      - image: nginx:1.27
        name: init
---
apiVersion: batch/v1
kind: CronJob
metadata:
  name: job
spec:
  jobTemplate:
    spec:
      template:
        spec:
          containers:
          - image: redis:7-debug
            name: job
---
apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
metadata:
  name: widgets.example.com
spec:
  containers:
  - image: nginx
    name: x
`);
  });

  it('replicas: matches the original or the prefixed name', () => {
    const h = new KustHarness();
    h.writeK('.', `
namePrefix: p-
resources: [objects.yaml]
replicas:
- {name: web, count: 3}
- {name: p-db, count: 2}
`);
    h.writeF('objects.yaml', `
apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec: {replicas: 1}
---
apiVersion: apps/v1
kind: StatefulSet
metadata: {name: db}
---
apiVersion: v1
kind: ConfigMap
metadata: {name: web}
`);
    expectYaml(h.render('.'), `
apiVersion: v1
kind: ConfigMap
metadata:
  name: p-web
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: p-web
spec:
  replicas: 3
---
apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: p-db
spec:
  replicas: 2
`);
  });

  it('configurations: custom field specs extend every transformer', () => {
    const h = new KustHarness();
    h.writeF('conf.yaml', `
namePrefix:
- path: spec/refName
  kind: Foo
commonLabels:
- path: spec/sel
  kind: Foo
  create: true
images:
- path: spec/img
  kind: Foo
namespace:
- path: spec/ns
  kind: Foo
  create: true
commonAnnotations:
- path: spec/ann
  kind: Foo
  create: true
replicas:
- path: spec/count
  kind: Foo
  create: true
`);
    h.writeK('.', `
resources: [r.yaml]
configurations: [conf.yaml]
namePrefix: p-
commonLabels: {app: x}
images: [{name: nginx, newTag: "9"}]
namespace: ns1
commonAnnotations: {an: v}
replicas: [{name: foo, count: 2}]
`);
    h.writeF('r.yaml', `
apiVersion: example.com/v1
kind: Foo
metadata: {name: foo}
spec:
  refName: bar
  img: nginx:1
`);
    expectYaml(h.render('.'), `
apiVersion: example.com/v1
kind: Foo
metadata:
  annotations:
    an: v
  labels:
    app: x
  name: p-foo
  namespace: ns1
spec:
  ann:
    an: v
  count: 2
  img: nginx:9
  ns: ns1
  refName: p-bar
  sel:
    app: x
`);
  });

  it("a label set in metadata and selector by a base stays linked: an overlay's plain labels entry changes both", () => {
    const h = new KustHarness();
    h.writeK('base', `
labels:
- pairs: {tier: web, env: base}
  includeSelectors: true
resources: [svc.yaml]
`);
    h.writeF('base/svc.yaml', `
apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  selector:
    app: web
  ports:
  - port: 80
`);
    h.writeK('overlay', `
labels:
- pairs: {env: prod, team: a}
resources: [../base]
`);
    expectYaml(h.render('overlay'), `
apiVersion: v1
kind: Service
metadata:
  labels:
    env: prod
    team: a
    tier: web
  name: web
spec:
  ports:
  - port: 80
  selector:
    app: web
    env: prod
    tier: web
`);
  });

  it('records provenance: transformer, kustomization line and detail, and the previous id', () => {
    const h = new KustHarness();
    h.writeK('.', `
resources: [cm.yaml]
namePrefix: p-
namespace: prod
`);
    h.writeF('cm.yaml', `
apiVersion: v1
kind: ConfigMap
metadata: {name: cm}
`);
    const [cm] = h.render('.').resources;
    assert.deepEqual(
      cm!.changes.map((c) => [c.transformer, c.source?.line, c.detail]),
      [
        ['namespace', 3, 'namespace → prod'],
        ['namePrefix', 2, 'name cm → p-cm'],
      ],
    );
    assert.deepEqual(
      cm!.previousIds.map((id) => `${id.namespace}/${id.name}`),
      ['/cm', 'prod/cm'],
    );
  });

  it('an image that is not a string is an error naming the object', () => {
    const h = new KustHarness();
    h.writeK('.', `
resources: [pod.yaml]
images: [{name: nginx, newTag: "2"}]
`);
    h.writeF('pod.yaml', `
apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  containers:
  - {name: a, image: {x: 1}}
`);
    const [d] = h.renderError('.');
    assert.equal(d!.code, RenderCode.ImageInvalid);
    assert.equal(d!.file, '/app/pod.yaml');
  });

  it('replicas naming nothing is an error at the entry', () => {
    const h = new KustHarness();
    h.writeK('.', `
resources: [cm.yaml]
replicas:
- name: web
  count: 2
`);
    h.writeF('cm.yaml', `
apiVersion: v1
kind: ConfigMap
metadata: {name: web}
`);
    const [d] = h.renderError('.');
    assert.equal(d!.code, RenderCode.ReplicasNoMatch);
    assert.equal(d!.line, 3);
  });

  it('a namespace that makes two ids equal is a duplicate-id error', () => {
    const h = new KustHarness();
    h.writeK('.', `
resources: [cms.yaml]
namespace: a
`);
    h.writeF('cms.yaml', `
apiVersion: v1
kind: ConfigMap
metadata: {name: cm, namespace: a}
---
apiVersion: v1
kind: ConfigMap
metadata: {name: cm, namespace: b}
`);
    assert.deepEqual(h.errorCodes('.'), [RenderCode.DuplicateId]);
  });
});
