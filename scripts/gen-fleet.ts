/**
 * Generates a kustomize fleet for benchmarks: a base of N apps, each a
 * Deployment + Service + ConfigMap, and R region overlays that each use the
 * fields real overlays use (namespace, prefix, labels, annotations, images,
 * replicas, a generator, a kind-targeted SMP, a named SMP and a JSON 6902 patch).
 *
 *   node dist/scripts/gen-fleet.js OUT_DIR [--apps 20] [--regions 12]
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const REGIONS = [
  'us-east-1', 'us-east-2', 'us-west-2', 'ca-central-1', 'eu-west-1', 'eu-central-1',
  'eu-west-2', 'ap-southeast-2', 'ap-northeast-1', 'ap-south-1', 'sa-east-1', 'me-central-1',
];

export interface FleetShape {
  apps: number;
  regions: number;
}

/** Writes the fleet under `out` (wiped first) and returns the overlay directories. */
export function generateFleet(out: string, shape: FleetShape): string[] {
  rmSync(out, { recursive: true, force: true });
  const apps = Array.from({ length: shape.apps }, (_, i) => `app${String(i + 1).padStart(3, '0')}`);
  writeBase(join(out, 'base'), apps);
  return REGIONS.slice(0, shape.regions).map((region) => writeOverlay(join(out, 'overlays', region), region, apps));
}

function write(path: string, text: string): void {
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, text);
}

function writeBase(dir: string, apps: string[]): void {
  const files = apps.map((app) => `${app}.yaml`);
  write(join(dir, 'kustomization.yaml'), `resources:\n${files.map((f) => `- ${f}`).join('\n')}\n`);
  for (const app of apps) write(join(dir, `${app}.yaml`), appManifests(app));
}

function appManifests(app: string): string {
  return `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${app}
  labels:
    app: ${app}
spec:
  replicas: 2
  selector:
    matchLabels:
      app: ${app}
  template:
    metadata:
      labels:
        app: ${app}
    spec:
      serviceAccountName: default
      containers:
      - name: ${app}
        image: registry.example.com/${app}:1.0.0
        ports:
        - containerPort: 8080
          name: http
        envFrom:
        - configMapRef:
            name: ${app}-config
        env:
        - name: LOG_LEVEL
          value: info
        - name: REGION
          value: unset
        resources:
          requests:
            cpu: 100m
            memory: 128Mi
          limits:
            memory: 256Mi
        readinessProbe:
          httpGet:
            path: /healthz
            port: http
      - name: sidecar
        image: registry.example.com/proxy:2.3.1
        args: ["--listen=:9000", "--upstream=127.0.0.1:8080"]
---
apiVersion: v1
kind: Service
metadata:
  name: ${app}
spec:
  selector:
    app: ${app}
  ports:
  - name: http
    port: 80
    targetPort: http
---
apiVersion: v1
kind: ConfigMap
metadata:
  name: ${app}-config
data:
  APP_NAME: ${app}
  FEATURE_FLAGS: "a,b,c"
  TIMEOUT_SECONDS: "30"
`;
}

function writeOverlay(dir: string, region: string, apps: string[]): string {
  const [first, second] = [apps[0], apps[1] ?? apps[0]];
  write(join(dir, 'kustomization.yaml'), `resources:
- ../../base
namespace: ${region}
namePrefix: ${region.replace(/-\d+$/, '')}-
labels:
- pairs:
    region: ${region}
  includeSelectors: false
  includeTemplates: true
commonAnnotations:
  fleet.example.com/region: ${region}
images:
- name: registry.example.com/${first}
  newTag: 1.0.1-${region}
- name: registry.example.com/proxy
  newName: mirror.${region}.example.com/proxy
replicas:
- name: ${first}
  count: 5
- name: ${second}
  count: 3
configMapGenerator:
- name: region-settings
  literals:
  - REGION=${region}
  - ZONE_COUNT=3
patches:
- path: all-deployments.yaml
  target:
    kind: Deployment
- path: ${first}-resources.yaml
- target:
    kind: Service
    name: ${second}
  patch: |-
    - op: add
      path: /metadata/annotations
      value:
        service.example.com/tier: frontend
`);
  write(join(dir, 'all-deployments.yaml'), `apiVersion: apps/v1
kind: Deployment
metadata:
  name: not-used
spec:
  template:
    spec:
      containers:
      - name: sidecar
        env:
        - name: REGION
          value: ${region}
`);
  write(join(dir, `${first}-resources.yaml`), `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${first}
spec:
  template:
    spec:
      containers:
      - name: ${first}
        resources:
          requests:
            cpu: 500m
`);
  return dir;
}

function main(argv: string[]): void {
  const out = argv[0];
  if (!out) throw new Error('usage: gen-fleet OUT_DIR [--apps N] [--regions N]');
  const flag = (name: string, fallback: number): number => {
    const i = argv.indexOf(name);
    return i >= 0 ? Number(argv[i + 1]) : fallback;
  };
  const overlays = generateFleet(out, { apps: flag('--apps', 20), regions: flag('--regions', 12) });
  process.stdout.write(`${overlays.join('\n')}\n`);
}

if (import.meta.url === `file://${process.argv[1]}`) main(process.argv.slice(2));
