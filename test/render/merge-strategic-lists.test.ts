import { runMergeCases, type MergeCase } from './merge-cases.js';

/**
 * Strategic merge patch, merge keys and list order. Each expected output is what
 * `kubectl kustomize` (v1.32, kustomize v5.5.0) prints for `resources: [base.yaml]`
 * plus `patches: [{path: patch.yaml}]`.
 */
const CASES: MergeCase[] = [
  {
    name: "containers merge by name, patch elements first; env by name; args, command, envFrom, tolerations replaced; empty element dropped",
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
        args: [x, y]
        command: [c]
        env:
        - name: E1
          value: "1"
        - name: E2
          value: "2"
        envFrom:
        - configMapRef: {name: c1}
        volumeMounts:
        - name: v
          mountPath: /a
      - name: b
        image: b:1
      - {}
      tolerations:
      - key: k1
        operator: Exists
      imagePullSecrets:
      - name: s1
      hostAliases:
      - ip: 1.1.1.1
        hostnames: [a]
      initContainers:
      - name: i1
        image: i
`,
    patch: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  template:
    spec:
      containers:
      - name: c
        image: c:1
      - name: a
        image: a:2
        args: [z]
        env:
        - name: E2
          valueFrom: {secretKeyRef: {name: s, key: k}}
        - name: E3
          value: "3"
        envFrom:
        - secretRef: {name: s2}
        volumeMounts:
        - mountPath: /b
          name: w
      tolerations:
      - key: k2
        operator: Exists
      imagePullSecrets:
      - name: s2
      hostAliases:
      - ip: 2.2.2.2
        hostnames: [b]
      - ip: 1.1.1.1
        hostnames: [c]
`,
    expected: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  template:
    spec:
      containers:
      - image: c:1
        name: c
      - args:
        - z
        command:
        - c
        env:
        - name: E2
          value: "2"
          valueFrom:
            secretKeyRef:
              key: k
              name: s
        - name: E3
          value: "3"
        - name: E1
          value: "1"
        envFrom:
        - secretRef:
            name: s2
        image: a:2
        name: a
        volumeMounts:
        - mountPath: /b
          name: w
        - mountPath: /a
          name: v
      - image: b:1
        name: b
      hostAliases:
      - hostnames:
        - b
        ip: 2.2.2.2
      - hostnames:
        - c
        ip: 1.1.1.1
      imagePullSecrets:
      - name: s2
      - name: s1
      initContainers:
      - image: i
        name: i1
      tolerations:
      - key: k2
        operator: Exists
`,
  },
  {
    name: "container ports key on (containerPort, protocol): a patch port without protocol is silently lost, new ports come first",
    base: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  template:
    spec:
      containers:
      - name: app
        image: nginx
        ports:
        - containerPort: 80
          protocol: TCP
        - containerPort: 9090
          protocol: UDP
        - containerPort: 7070
`,
    patch: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  template:
    spec:
      containers:
      - name: app
        ports:
        - containerPort: 80
          name: http
        - containerPort: 7070
          name: seven
        - containerPort: 6060
          protocol: TCP
          name: six
`,
    expected: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  template:
    spec:
      containers:
      - image: nginx
        name: app
        ports:
        - containerPort: 6060
          name: six
          protocol: TCP
        - containerPort: 80
          protocol: TCP
        - containerPort: 9090
          protocol: UDP
        - containerPort: 7070
          name: seven
`,
  },
  {
    name: "Service ports key on (port, protocol) the same way",
    base: `apiVersion: v1
kind: Service
metadata:
  name: svc
spec:
  selector: {a: b}
  ports:
  - port: 80
    protocol: TCP
    targetPort: 8080
  - port: 443
    targetPort: 8443
    name: https
`,
    patch: `apiVersion: v1
kind: Service
metadata:
  name: svc
spec:
  selector: {c: d}
  ports:
  - port: 80
    targetPort: 9090
  - port: 443
    name: tls
  - port: 53
    protocol: UDP
`,
    expected: `apiVersion: v1
kind: Service
metadata:
  name: svc
spec:
  ports:
  - port: 53
    protocol: UDP
  - port: 80
    protocol: TCP
    targetPort: 8080
  - name: tls
    port: 443
    targetPort: 8443
  selector:
    a: b
    c: d
`,
  },
  {
    name: "topologySpreadConstraints use composite keys; schedulingGates (newer than kustomize schema) are replaced",
    base: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  template:
    spec:
      schedulingGates:
      - name: g1
      topologySpreadConstraints:
      - topologyKey: zone
        whenUnsatisfiable: DoNotSchedule
        maxSkew: 1
      - topologyKey: host
        whenUnsatisfiable: ScheduleAnyway
        maxSkew: 1
      containers:
      - name: a
        image: a
        resizePolicy:
        - resourceName: cpu
          restartPolicy: NotRequired
`,
    patch: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  template:
    spec:
      schedulingGates:
      - name: g2
      topologySpreadConstraints:
      - topologyKey: zone
        maxSkew: 2
      - topologyKey: rack
        whenUnsatisfiable: DoNotSchedule
        maxSkew: 3
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
        resizePolicy:
        - resourceName: cpu
          restartPolicy: NotRequired
      schedulingGates:
      - name: g2
      topologySpreadConstraints:
      - maxSkew: 3
        topologyKey: rack
        whenUnsatisfiable: DoNotSchedule
      - maxSkew: 1
        topologyKey: zone
        whenUnsatisfiable: DoNotSchedule
      - maxSkew: 1
        topologyKey: host
        whenUnsatisfiable: ScheduleAnyway
`,
  },
  {
    name: "lists of unknown kinds are replaced, even finalizers",
    base: `apiVersion: example.com/v1
kind: Foo
metadata:
  name: foo
  finalizers: [a]
spec:
  items:
  - name: a
    v: 1
  - name: b
  template:
    spec:
      containers:
      - name: x
        image: x
`,
    patch: `apiVersion: example.com/v1
kind: Foo
metadata:
  name: foo
  finalizers: [b]
spec:
  items:
  - name: a
    v: 2
  template:
    spec:
      containers:
      - name: y
        image: y
`,
    expected: `apiVersion: example.com/v1
kind: Foo
metadata:
  finalizers:
  - b
  name: foo
spec:
  items:
  - name: a
    v: 2
  template:
    spec:
      containers:
      - image: "y"
        name: "y"
`,
  },
  {
    name: "autoscaling/v2 is newer than kustomize schema: finalizers replaced",
    base: `apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata:
  name: h
  finalizers: [a]
`,
    patch: `apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata:
  name: h
  finalizers: [b]
`,
    expected: `apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata:
  finalizers:
  - b
  name: h
`,
  },
  {
    name: "removed API versions kustomize still knows merge metadata lists",
    base: `apiVersion: rbac.authorization.k8s.io/v1beta1
kind: Role
metadata:
  name: h
  finalizers: [a]
`,
    patch: `apiVersion: rbac.authorization.k8s.io/v1beta1
kind: Role
metadata:
  name: h
  finalizers: [b]
`,
    expected: `apiVersion: rbac.authorization.k8s.io/v1beta1
kind: Role
metadata:
  finalizers:
  - b
  - a
  name: h
`,
  },
  {
    name: "batch/v1beta1 CronJob merges containers by name",
    base: `apiVersion: batch/v1beta1
kind: CronJob
metadata:
  name: cj
spec:
  jobTemplate:
    spec:
      template:
        spec:
          containers:
          - name: a
            image: a
          - name: b
            image: b
`,
    patch: `apiVersion: batch/v1beta1
kind: CronJob
metadata:
  name: cj
spec:
  jobTemplate:
    spec:
      template:
        spec:
          containers:
          - name: a
            image: a2
`,
    expected: `apiVersion: batch/v1beta1
kind: CronJob
metadata:
  name: cj
spec:
  jobTemplate:
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
    name: "an unknown version of a known kind gets no merge keys",
    base: `apiVersion: apps/v1beta2
kind: Deployment
metadata:
  name: d
spec:
  template:
    spec:
      containers:
      - name: a
        image: a
      - name: b
        image: b
`,
    patch: `apiVersion: apps/v1beta2
kind: Deployment
metadata:
  name: d
spec:
  template:
    spec:
      containers:
      - name: a
        image: a2
`,
    expected: `apiVersion: apps/v1beta2
kind: Deployment
metadata:
  name: d
spec:
  template:
    spec:
      containers:
      - image: a2
        name: a
`,
  },
  {
    name: "an embedded object naming its apiVersion and kind gets that type merge keys",
    base: `apiVersion: example.com/v1
kind: Wrapper
metadata:
  name: w
spec:
  object:
    apiVersion: apps/v1
    kind: Deployment
    spec:
      template:
        spec:
          containers:
          - name: a
            image: a
          - name: b
            image: b
`,
    patch: `apiVersion: example.com/v1
kind: Wrapper
metadata:
  name: w
spec:
  object:
    spec:
      template:
        spec:
          containers:
          - name: a
            image: a2
`,
    expected: `apiVersion: example.com/v1
kind: Wrapper
metadata:
  name: w
spec:
  object:
    apiVersion: apps/v1
    kind: Deployment
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
    name: "finalizers merge as a primitive list, patch values first",
    base: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  finalizers: [a, b, a, c]
`,
    patch: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  finalizers: [c, d, d]
`,
    expected: `apiVersion: apps/v1
kind: Deployment
metadata:
  finalizers:
  - c
  - d
  - a
  - b
  name: web
`,
  },
  {
    name: "an element without its merge key keeps only itself and later elements",
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
      - image: nokey
      - name: c
        image: c
`,
    patch: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  template:
    spec:
      containers:
      - name: a
        image: a2
      - image: patchnokey
`,
    expected: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  template:
    spec:
      containers:
      - image: nokey
`,
  },
  {
    name: "duplicate merge keys in base and patch",
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
      - name: a
        image: a-dup
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
      - name: b
        image: b2
      - name: b
        env: [{name: x, value: y}]
`,
    expected: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  template:
    spec:
      containers:
      - image: b2
        name: b
      - image: a-dup
        name: a
`,
  },
  {
    name: "a null element in a patch list is dropped",
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
`,
    patch: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  template:
    spec:
      containers:
      - null
      - name: b
        image: b
`,
    expected: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  template:
    spec:
      containers:
      - image: b
        name: b
`,
  },
];

runMergeCases('strategicMerge', CASES);
