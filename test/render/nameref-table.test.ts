import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fixNameReferences } from '../../src/render/nameref/index.js';
import { ResMap } from '../../src/render/resmap.js';
import { golden, load, objects, prefixNames } from './nameref-support.js';

/**
 * The built-in nameReference table, field by field: every referred kind is
 * renamed by `namePrefix: p-` and every referrer field kustomize v5.5 knows
 * (plus the documented gaps and a few it does not know) is checked against
 * `kubectl kustomize` output (`sortOptions: {order: fifo}`).
 *
 * Gaps visible below: ConfigMap/Secret refs in ReplicationController and
 * ephemeralContainers stay; ReplicaSet/PodTemplate serviceAccountName,
 * priorityClassName and claimName stay; Ingress ingressClassName and HTTPRoute
 * backendRefs stay; Node configSource names another namespace and stays.
 */
function run(...texts: string[]): ResMap {
  const resources = new ResMap();
  texts.forEach((text, i) => load(resources, text, `/app/r${i}.yaml`));
  prefixNames(resources, 'p-');
  fixNameReferences(resources);
  return resources;
}

describe('built-in nameReference table', () => {
  it('updates every listed referrer field and leaves the gaps alone', () => {
    assert.deepEqual(objects(run(TARGETS, REFERRERS)), golden(`apiVersion: v1
kind: ConfigMap
metadata:
  name: p-cm
---
apiVersion: v1
kind: Secret
metadata:
  name: p-sec
---
apiVersion: v1
kind: Service
metadata:
  name: p-svc
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: p-dep
---
apiVersion: v1
kind: ReplicationController
metadata:
  name: p-rc
---
apiVersion: apps/v1
kind: ReplicaSet
metadata:
  name: p-rs
---
apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: p-sts
---
apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata:
  name: p-role
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata:
  name: p-crole
---
apiVersion: v1
kind: ServiceAccount
metadata:
  name: p-sa
---
apiVersion: v1
kind: PersistentVolumeClaim
metadata:
  name: p-pvc
---
apiVersion: v1
kind: PersistentVolume
metadata:
  name: p-pv
---
apiVersion: storage.k8s.io/v1
kind: StorageClass
metadata:
  name: p-sc
---
apiVersion: scheduling.k8s.io/v1
kind: PriorityClass
metadata:
  name: p-pc
---
apiVersion: networking.k8s.io/v1
kind: IngressClass
metadata:
  name: p-ic
---
apiVersion: admissionregistration.k8s.io/v1
kind: ValidatingAdmissionPolicy
metadata:
  name: p-vap
---
apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata:
  name: p-hpa-dep
spec:
  scaleTargetRef:
    kind: Deployment
    name: p-dep
---
apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata:
  name: p-hpa-rc
spec:
  scaleTargetRef:
    kind: ReplicationController
    name: p-rc
---
apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata:
  name: p-hpa-rs
spec:
  scaleTargetRef:
    kind: ReplicaSet
    name: p-rs
---
apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata:
  name: p-hpa-sts
spec:
  scaleTargetRef:
    kind: StatefulSet
    name: p-sts
---
apiVersion: v1
kind: Pod
metadata:
  name: p-pod
spec:
  containers:
  - env:
    - name: A
      valueFrom:
        configMapKeyRef:
          key: k
          name: p-cm
    - name: B
      valueFrom:
        secretKeyRef:
          key: k
          name: p-sec
    envFrom:
    - configMapRef:
        name: p-cm
    - secretRef:
        name: p-sec
    name: c
  ephemeralContainers:
  - env:
    - name: A
      valueFrom:
        configMapKeyRef:
          key: k
          name: cm
    envFrom:
    - configMapRef:
        name: cm
    name: e
  imagePullSecrets:
  - name: p-sec
  initContainers:
  - env:
    - name: A
      valueFrom:
        configMapKeyRef:
          key: k
          name: p-cm
    - name: B
      valueFrom:
        secretKeyRef:
          key: k
          name: p-sec
    envFrom:
    - configMapRef:
        name: p-cm
    - secretRef:
        name: p-sec
    name: i
  priorityClassName: p-pc
  serviceAccountName: p-sa
  volumes:
  - configMap:
      name: p-cm
    name: v1
  - name: v2
    secret:
      secretName: p-sec
  - name: v3
    persistentVolumeClaim:
      claimName: p-pvc
  - name: v4
    projected:
      sources:
      - configMap:
          name: p-cm
      - secret:
          name: p-sec
---
apiVersion: v1
kind: ReplicationController
metadata:
  name: p-rc-ref
spec:
  template:
    spec:
      containers:
      - envFrom:
        - configMapRef:
            name: cm
        - secretRef:
            name: sec
        name: c
      imagePullSecrets:
      - name: sec
      priorityClassName: p-pc
      serviceAccountName: p-sa
      volumes:
      - configMap:
          name: cm
        name: v1
      - name: v2
        secret:
          secretName: sec
      - name: v3
        persistentVolumeClaim:
          claimName: p-pvc
---
apiVersion: apps/v1
kind: ReplicaSet
metadata:
  name: p-rs-ref
spec:
  template:
    spec:
      priorityClassName: pc
      serviceAccountName: sa
      volumes:
      - configMap:
          name: p-cm
        name: v1
      - name: v3
        persistentVolumeClaim:
          claimName: pvc
---
apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: p-sts-ref
spec:
  serviceName: p-svc
  template:
    spec:
      serviceAccountName: p-sa
      volumes:
      - configMap:
          name: p-cm
        name: v1
  volumeClaimTemplates:
  - metadata:
      name: data
    spec:
      storageClassName: p-sc
---
apiVersion: batch/v1
kind: CronJob
metadata:
  name: p-cj
spec:
  jobTemplate:
    spec:
      template:
        spec:
          imagePullSecrets:
          - name: p-sec
          priorityClassName: p-pc
          serviceAccountName: p-sa
          volumes:
          - configMap:
              name: p-cm
            name: v1
          - name: v3
            persistentVolumeClaim:
              claimName: p-pvc
---
apiVersion: v1
kind: PodTemplate
metadata:
  name: p-pt
template:
  spec:
    imagePullSecrets:
    - name: p-sec
    serviceAccountName: sa
    volumes:
    - configMap:
        name: p-cm
      name: v1
    - name: v3
      persistentVolumeClaim:
        claimName: pvc
---
apiVersion: v1
kind: Node
metadata:
  name: p-node
spec:
  configSource:
    configMap:
      kubeletConfigKey: k
      name: cm
      namespace: kube-system
---
apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata:
  name: p-role-ref
rules:
- resourceNames:
  - p-cm
  - p-sec
  - pv
  - other
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata:
  name: p-crole-ref
rules:
- resourceNames:
  - p-cm
  - p-sec
  - p-pv
  - other
---
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  annotations:
    ingress.kubernetes.io/auth-secret: p-sec
    nginx.ingress.kubernetes.io/auth-secret: p-sec
    nginx.ingress.kubernetes.io/auth-tls-secret: p-sec
    nginx.ingress.kubernetes.io/fastcgi-params-configmap: p-cm
  name: p-ing
spec:
  backend:
    serviceName: p-svc
  defaultBackend:
    service:
      name: p-svc
  ingressClassName: ic
  rules:
  - http:
      paths:
      - backend:
          service:
            name: p-svc
      - backend:
          serviceName: p-svc
  tls:
  - secretName: p-sec
---
apiVersion: v1
imagePullSecrets:
- name: p-sec
kind: ServiceAccount
metadata:
  name: p-sa-ref
---
apiVersion: storage.k8s.io/v1
kind: StorageClass
metadata:
  name: p-sc-ref
parameters:
  adminSecretName: p-sec
  secretName: p-sec
  secretRef: p-sec
  userSecretName: p-sec
---
apiVersion: serving.knative.dev/v1
kind: Service
metadata:
  name: p-kn
spec:
  template:
    spec:
      containers:
      - env:
        - name: A
          valueFrom:
            secretKeyRef:
              name: p-sec
---
apiVersion: v1
kind: PersistentVolume
metadata:
  name: p-pv-ref
spec:
  azureFile:
    secretName: p-sec
  storageClassName: p-sc
---
apiVersion: v1
kind: PersistentVolumeClaim
metadata:
  name: p-pvc-ref
spec:
  storageClassName: p-sc
  volumeName: p-pv
---
apiVersion: apiregistration.k8s.io/v1
kind: APIService
metadata:
  name: v1.x.io
spec:
  service:
    name: p-svc
    namespace: default
---
apiVersion: admissionregistration.k8s.io/v1
kind: ValidatingWebhookConfiguration
metadata:
  name: p-vwc
webhooks:
- clientConfig:
    service:
      name: p-svc
      namespace: default
  name: w
---
apiVersion: admissionregistration.k8s.io/v1
kind: MutatingWebhookConfiguration
metadata:
  name: p-mwc
webhooks:
- clientConfig:
    service:
      name: p-svc
  name: w
---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata:
  name: p-route
spec:
  rules:
  - backendRefs:
    - name: svc
---
apiVersion: admissionregistration.k8s.io/v1
kind: ValidatingAdmissionPolicyBinding
metadata:
  name: p-vapb
spec:
  policyName: p-vap
---
apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata:
  name: p-rb
roleRef:
  apiGroup: rbac.authorization.k8s.io
  kind: Role
  name: p-role
subjects:
- kind: ServiceAccount
  name: p-sa
- kind: ServiceAccount
  name: p-sa
  namespace: default
- kind: User
  name: p-sa
---
apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata:
  name: p-rb2
roleRef:
  apiGroup: rbac.authorization.k8s.io
  kind: ClusterRole
  name: p-crole
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata:
  name: p-crb
roleRef:
  apiGroup: rbac.authorization.k8s.io
  kind: ClusterRole
  name: p-crole
subjects:
- kind: ServiceAccount
  name: p-sa
  namespace: default
`));
  });

  it('honours group and version of targets and referrers', () => {
    assert.deepEqual(objects(run(GROUPS)), golden(`apiVersion: foo.io/v1
kind: ValidatingAdmissionPolicy
metadata:
  name: p-vap2
---
apiVersion: admissionregistration.k8s.io/v1
kind: ValidatingAdmissionPolicy
metadata:
  name: p-vap
---
apiVersion: foo.io/v1
kind: ValidatingAdmissionPolicyBinding
metadata:
  name: p-b1
spec:
  policyName: vap
---
apiVersion: admissionregistration.k8s.io/v1beta1
kind: ValidatingAdmissionPolicyBinding
metadata:
  name: p-b2
spec:
  policyName: vap2
---
apiVersion: v1
kind: Service
metadata:
  name: p-svc
---
apiVersion: foo/v1
kind: StatefulSet
metadata:
  name: p-sts
spec:
  serviceName: svc
---
apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: p-sts2
spec:
  serviceName: p-svc
---
apiVersion: foo/v1
kind: APIService
metadata:
  name: p-as
spec:
  service:
    name: svc
---
apiVersion: networking.k8s.io/v1
kind: IngressClass
metadata:
  name: p-ic
---
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: p-ing
spec:
  ingressClassName: ic
---
apiVersion: custom/v1
kind: ConfigMap
metadata:
  name: p-cm
---
apiVersion: v1
kind: Pod
metadata:
  name: p-pod
spec:
  volumes:
  - configMap:
      name: p-cm
    name: v1
---
apiVersion: v2
kind: Pod
metadata:
  name: p-pod2
spec:
  volumes:
  - configMap:
      name: cm
    name: v1
`));
    assert.deepEqual(objects(run(VERSIONS)), golden(`apiVersion: admissionregistration.k8s.io/v1beta1
kind: ValidatingAdmissionPolicy
metadata:
  name: p-vapb1
---
apiVersion: admissionregistration.k8s.io/v1
kind: ValidatingAdmissionPolicyBinding
metadata:
  name: p-b1
spec:
  policyName: p-vapb1
---
apiVersion: admissionregistration.k8s.io/v1
kind: ValidatingAdmissionPolicy
metadata:
  name: p-vap
---
apiVersion: admissionregistration.k8s.io/v1alpha1
kind: ValidatingAdmissionPolicyBinding
metadata:
  name: p-b2
spec:
  policyName: p-vap
`));
  });
});

const TARGETS = `apiVersion: v1
kind: ConfigMap
metadata: {name: cm}
---
apiVersion: v1
kind: Secret
metadata: {name: sec}
---
apiVersion: v1
kind: Service
metadata: {name: svc}
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: dep}
---
apiVersion: v1
kind: ReplicationController
metadata: {name: rc}
---
apiVersion: apps/v1
kind: ReplicaSet
metadata: {name: rs}
---
apiVersion: apps/v1
kind: StatefulSet
metadata: {name: sts}
---
apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata: {name: role}
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata: {name: crole}
---
apiVersion: v1
kind: ServiceAccount
metadata: {name: sa}
---
apiVersion: v1
kind: PersistentVolumeClaim
metadata: {name: pvc}
---
apiVersion: v1
kind: PersistentVolume
metadata: {name: pv}
---
apiVersion: storage.k8s.io/v1
kind: StorageClass
metadata: {name: sc}
---
apiVersion: scheduling.k8s.io/v1
kind: PriorityClass
metadata: {name: pc}
---
apiVersion: networking.k8s.io/v1
kind: IngressClass
metadata: {name: ic}
---
apiVersion: admissionregistration.k8s.io/v1
kind: ValidatingAdmissionPolicy
metadata: {name: vap}
`;

const REFERRERS = `apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata: {name: hpa-dep}
spec: {scaleTargetRef: {kind: Deployment, name: dep}}
---
apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata: {name: hpa-rc}
spec: {scaleTargetRef: {kind: ReplicationController, name: rc}}
---
apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata: {name: hpa-rs}
spec: {scaleTargetRef: {kind: ReplicaSet, name: rs}}
---
apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata: {name: hpa-sts}
spec: {scaleTargetRef: {kind: StatefulSet, name: sts}}
---
apiVersion: v1
kind: Pod
metadata: {name: pod}
spec:
  serviceAccountName: sa
  priorityClassName: pc
  imagePullSecrets: [{name: sec}]
  volumes:
  - {name: v1, configMap: {name: cm}}
  - {name: v2, secret: {secretName: sec}}
  - {name: v3, persistentVolumeClaim: {claimName: pvc}}
  - name: v4
    projected:
      sources:
      - configMap: {name: cm}
      - secret: {name: sec}
  containers:
  - name: c
    env:
    - {name: A, valueFrom: {configMapKeyRef: {name: cm, key: k}}}
    - {name: B, valueFrom: {secretKeyRef: {name: sec, key: k}}}
    envFrom:
    - configMapRef: {name: cm}
    - secretRef: {name: sec}
  initContainers:
  - name: i
    env:
    - {name: A, valueFrom: {configMapKeyRef: {name: cm, key: k}}}
    - {name: B, valueFrom: {secretKeyRef: {name: sec, key: k}}}
    envFrom:
    - configMapRef: {name: cm}
    - secretRef: {name: sec}
  ephemeralContainers:
  - name: e
    env:
    - {name: A, valueFrom: {configMapKeyRef: {name: cm, key: k}}}
    envFrom:
    - configMapRef: {name: cm}
---
apiVersion: v1
kind: ReplicationController
metadata: {name: rc-ref}
spec:
  template:
    spec:
      serviceAccountName: sa
      priorityClassName: pc
      imagePullSecrets: [{name: sec}]
      volumes:
      - {name: v1, configMap: {name: cm}}
      - {name: v2, secret: {secretName: sec}}
      - {name: v3, persistentVolumeClaim: {claimName: pvc}}
      containers:
      - name: c
        envFrom:
        - configMapRef: {name: cm}
        - secretRef: {name: sec}
---
apiVersion: apps/v1
kind: ReplicaSet
metadata: {name: rs-ref}
spec:
  template:
    spec:
      serviceAccountName: sa
      priorityClassName: pc
      volumes:
      - {name: v1, configMap: {name: cm}}
      - {name: v3, persistentVolumeClaim: {claimName: pvc}}
---
apiVersion: apps/v1
kind: StatefulSet
metadata: {name: sts-ref}
spec:
  serviceName: svc
  template:
    spec:
      serviceAccountName: sa
      volumes:
      - {name: v1, configMap: {name: cm}}
  volumeClaimTemplates:
  - metadata: {name: data}
    spec: {storageClassName: sc}
---
apiVersion: batch/v1
kind: CronJob
metadata: {name: cj}
spec:
  jobTemplate:
    spec:
      template:
        spec:
          serviceAccountName: sa
          priorityClassName: pc
          imagePullSecrets: [{name: sec}]
          volumes:
          - {name: v1, configMap: {name: cm}}
          - {name: v3, persistentVolumeClaim: {claimName: pvc}}
---
apiVersion: v1
kind: PodTemplate
metadata: {name: pt}
template:
  spec:
    serviceAccountName: sa
    imagePullSecrets: [{name: sec}]
    volumes:
    - {name: v1, configMap: {name: cm}}
    - {name: v3, persistentVolumeClaim: {claimName: pvc}}
---
apiVersion: v1
kind: Node
metadata: {name: node}
spec: {configSource: {configMap: {name: cm, namespace: kube-system, kubeletConfigKey: k}}}
---
apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata: {name: role-ref}
rules:
- resourceNames: [cm, sec, pv, other]
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata: {name: crole-ref}
rules:
- resourceNames: [cm, sec, pv, other]
---
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: ing
  annotations:
    nginx.ingress.kubernetes.io/fastcgi-params-configmap: cm
    ingress.kubernetes.io/auth-secret: sec
    nginx.ingress.kubernetes.io/auth-secret: sec
    nginx.ingress.kubernetes.io/auth-tls-secret: sec
spec:
  ingressClassName: ic
  tls: [{secretName: sec}]
  defaultBackend: {service: {name: svc}}
  backend: {serviceName: svc}
  rules:
  - http:
      paths:
      - backend: {service: {name: svc}}
      - backend: {serviceName: svc}
---
apiVersion: v1
kind: ServiceAccount
metadata: {name: sa-ref}
imagePullSecrets: [{name: sec}]
---
apiVersion: storage.k8s.io/v1
kind: StorageClass
metadata: {name: sc-ref}
parameters: {secretName: sec, adminSecretName: sec, userSecretName: sec, secretRef: sec}
---
apiVersion: serving.knative.dev/v1
kind: Service
metadata: {name: kn}
spec:
  template:
    spec:
      containers:
      - env:
        - {name: A, valueFrom: {secretKeyRef: {name: sec}}}
---
apiVersion: v1
kind: PersistentVolume
metadata: {name: pv-ref}
spec: {azureFile: {secretName: sec}, storageClassName: sc}
---
apiVersion: v1
kind: PersistentVolumeClaim
metadata: {name: pvc-ref}
spec: {volumeName: pv, storageClassName: sc}
---
apiVersion: apiregistration.k8s.io/v1
kind: APIService
metadata: {name: v1.x.io}
spec: {service: {name: svc, namespace: default}}
---
apiVersion: admissionregistration.k8s.io/v1
kind: ValidatingWebhookConfiguration
metadata: {name: vwc}
webhooks:
- name: w
  clientConfig: {service: {name: svc, namespace: default}}
---
apiVersion: admissionregistration.k8s.io/v1
kind: MutatingWebhookConfiguration
metadata: {name: mwc}
webhooks:
- name: w
  clientConfig: {service: {name: svc}}
---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: route}
spec:
  rules:
  - backendRefs: [{name: svc}]
---
apiVersion: admissionregistration.k8s.io/v1
kind: ValidatingAdmissionPolicyBinding
metadata: {name: vapb}
spec: {policyName: vap}
---
apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata: {name: rb}
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: role}
subjects:
- {kind: ServiceAccount, name: sa}
- {kind: ServiceAccount, name: sa, namespace: default}
- {kind: User, name: sa}
---
apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata: {name: rb2}
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: crole}
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata: {name: crb}
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: crole}
subjects:
- {kind: ServiceAccount, name: sa, namespace: default}
`;

const GROUPS = `apiVersion: foo.io/v1
kind: ValidatingAdmissionPolicy
metadata: {name: vap2}
---
apiVersion: admissionregistration.k8s.io/v1
kind: ValidatingAdmissionPolicy
metadata: {name: vap}
---
apiVersion: foo.io/v1
kind: ValidatingAdmissionPolicyBinding
metadata: {name: b1}
spec: {policyName: vap}
---
apiVersion: admissionregistration.k8s.io/v1beta1
kind: ValidatingAdmissionPolicyBinding
metadata: {name: b2}
spec: {policyName: vap2}
---
apiVersion: v1
kind: Service
metadata: {name: svc}
---
apiVersion: foo/v1
kind: StatefulSet
metadata: {name: sts}
spec: {serviceName: svc}
---
apiVersion: apps/v1
kind: StatefulSet
metadata: {name: sts2}
spec: {serviceName: svc}
---
apiVersion: foo/v1
kind: APIService
metadata: {name: as}
spec: {service: {name: svc}}
---
apiVersion: networking.k8s.io/v1
kind: IngressClass
metadata: {name: ic}
---
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata: {name: ing}
spec: {ingressClassName: ic}
---
apiVersion: custom/v1
kind: ConfigMap
metadata: {name: cm}
---
apiVersion: v1
kind: Pod
metadata: {name: pod}
spec:
  volumes:
  - {name: v1, configMap: {name: cm}}
---
apiVersion: v2
kind: Pod
metadata: {name: pod2}
spec:
  volumes:
  - {name: v1, configMap: {name: cm}}
`;

const VERSIONS = `apiVersion: admissionregistration.k8s.io/v1beta1
kind: ValidatingAdmissionPolicy
metadata: {name: vapb1}
---
apiVersion: admissionregistration.k8s.io/v1
kind: ValidatingAdmissionPolicyBinding
metadata: {name: b1}
spec: {policyName: vapb1}
---
apiVersion: admissionregistration.k8s.io/v1
kind: ValidatingAdmissionPolicy
metadata: {name: vap}
---
apiVersion: admissionregistration.k8s.io/v1alpha1
kind: ValidatingAdmissionPolicyBinding
metadata: {name: b2}
spec: {policyName: vap}
`;
