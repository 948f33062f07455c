/**
 * Generates a large, varied set of plain manifests for the verify
 * benchmark: N apps, each a Deployment and the Service that selects it, in
 * a handful of team namespaces. The mix is deterministic: some apps are
 * hardened to the restricted Pod Security level, some are plain, and a few
 * carry the classic mistakes (privileged, host paths, host namespaces,
 * `latest` images, no resources or probes).
 *
 *   node dist/scripts/gen-workloads.js [--count 2000] [--out DIR]
 *
 * Without --out it prints how many files and objects it would write.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface GeneratedFile {
  /** Relative path, e.g. `team-03/app-0042.yaml`. */
  path: string;
  text: string;
  objects: number;
}

const NAMESPACES = 20;

export function generateWorkloads(count: number): GeneratedFile[] {
  const files: GeneratedFile[] = [];
  files.push({ path: 'namespaces.yaml', text: namespaces(), objects: NAMESPACES });
  for (let i = 0; i < count; i++) {
    const ns = `team-${String(i % NAMESPACES).padStart(2, '0')}`;
    const name = `app-${String(i).padStart(4, '0')}`;
    files.push({ path: `${ns}/${name}.yaml`, text: `${deployment(i, ns, name)}---\n${service(i, ns, name)}`, objects: 2 });
  }
  return files;
}

function namespaces(): string {
  const docs: string[] = [];
  for (let n = 0; n < NAMESPACES; n++) {
    // A quarter of the namespaces enforce restricted; the rest take the default.
    const labels = n % 4 === 0 ? '\n  labels:\n    pod-security.kubernetes.io/enforce: restricted' : '';
    docs.push(`apiVersion: v1\nkind: Namespace\nmetadata:\n  name: team-${String(n).padStart(2, '0')}${labels}\n`);
  }
  return docs.join('---\n');
}

function deployment(i: number, ns: string, name: string): string {
  const hardened = i % 3 === 0;
  const image = i % 7 === 0 ? 'nginx:latest' : i % 11 === 0 ? 'ghcr.io/acme/app@sha256:' + 'ab'.repeat(32) : `ghcr.io/acme/${name}:1.${i % 40}.${i % 9}`;
  const podLevel = [
    hardened ? '      securityContext:\n        runAsNonRoot: true\n        seccompProfile:\n          type: RuntimeDefault\n' : '',
    i % 17 === 0 ? '      hostNetwork: true\n' : '',
    `      serviceAccountName: ${name}\n`,
    '      automountServiceAccountToken: false\n',
  ].join('');
  const container = [
    `        - name: app\n          image: ${image}\n`,
    '          ports:\n            - name: http\n              containerPort: 8080\n',
    i % 5 === 0 ? '' : '          resources:\n            requests:\n              cpu: 100m\n              memory: 128Mi\n            limits:\n              memory: 256Mi\n',
    i % 2 === 0 ? '          readinessProbe:\n            httpGet:\n              path: /ready\n              port: http\n          livenessProbe:\n            httpGet:\n              path: /live\n              port: http\n' : '',
    securityContext(i, hardened),
    i % 13 === 0 ? '          volumeMounts:\n            - name: host\n              mountPath: /host\n' : '',
  ].join('');
  const volumes = i % 13 === 0 ? '      volumes:\n        - name: host\n          hostPath:\n            path: /var/log\n' : '';
  return `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${name}
  namespace: ${ns}
  labels:
    app.kubernetes.io/name: ${name}
spec:
  replicas: ${1 + (i % 4)}
  selector:
    matchLabels:
      app.kubernetes.io/name: ${name}
  template:
    metadata:
      labels:
        app.kubernetes.io/name: ${name}
    spec:
${podLevel}      containers:
${container}${volumes}`;
}

function securityContext(i: number, hardened: boolean): string {
  if (hardened) {
    return '          securityContext:\n            allowPrivilegeEscalation: false\n            readOnlyRootFilesystem: true\n            capabilities:\n              drop: [ALL]\n';
  }
  if (i % 10 === 1) return '          securityContext:\n            privileged: true\n';
  if (i % 10 === 5) return '          securityContext:\n            capabilities:\n              add: [NET_ADMIN]\n';
  return '';
}

function service(i: number, ns: string, name: string): string {
  const type = i % 23 === 0 ? 'NodePort' : 'ClusterIP';
  return `apiVersion: v1
kind: Service
metadata:
  name: ${name}
  namespace: ${ns}
  labels:
    app.kubernetes.io/name: ${name}
spec:
  type: ${type}
  selector:
    app.kubernetes.io/name: ${name}
  ports:
    - name: http
      port: 80
      targetPort: http
`;
}

function main(argv: string[]): void {
  let count = 2000;
  let out: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--count') count = Number(argv[++i]);
    else if (argv[i] === '--out') out = argv[++i];
    else throw new Error(`unknown argument ${argv[i]}`);
  }
  const files = generateWorkloads(count);
  const objects = files.reduce((n, f) => n + f.objects, 0);
  if (out) {
    for (const f of files) {
      mkdirSync(join(out, f.path, '..'), { recursive: true });
      writeFileSync(join(out, f.path), f.text);
    }
  }
  process.stdout.write(`${files.length} files, ${objects} objects${out ? ` written to ${out}` : ''}\n`);
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].replace(/^.*\//, '/'))) main(process.argv.slice(2));
