import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SIM_KUBECONFIG_ENV } from '../../src/cluster/connect.js';
import { startSimFleet, type SimFleet } from '../../src/cluster/sim/fleet.js';
import { captureIO as captureCliIO, type Captured } from '../harness/cli-io.js';

export const REPO = fileURLToPath(new URL('../../../', import.meta.url));

/** A capturing CliIO whose working directory defaults to the repository. */
export function captureIO(cwd = REPO, isTTY = false): Captured {
  return captureCliIO(cwd, isTTY);
}

/** Fast simulated pods: a deploy of the small estate takes a fraction of a second. */
export const FAST_WORKLOAD = { timeScale: 0.02, jitter: 0 };

export const MINI_ESTATE: Record<string, string> = {
  'harbormaster.yaml': `apiVersion: harbormaster.dev/v1alpha1
kind: Estate
metadata:
  name: mini
spec:
  defaults:
    kubernetesVersion: "1.30"
  clusters:
    - name: sim-canary
      region: r1
      environment: production
      wave: 0
      connection:
        sim: {}
    - name: sim-main
      region: r2
      environment: production
      wave: 1
      connection:
        sim: {}
  rollout:
    strategies:
      default:
        waves:
          - { name: canary, clusterWaves: [0], parallelism: 1, bake: 0s, healthTimeout: 30s }
          - { name: rest, clusterWaves: [1], parallelism: 1, bake: 0s, healthTimeout: 30s }
`,
  'services/web/service.yaml': `apiVersion: harbormaster.dev/v1alpha1
kind: Service
metadata:
  name: web
spec:
  owner: shop
  tier: standard
  description: The shop front.
  namespace: shop
`,
  'services/web/base/kustomization.yaml': `apiVersion: kustomize.config.k8s.io/v1beta1
kind: Kustomization
namespace: shop
resources:
  - namespace.yaml
  - deployment.yaml
configMapGenerator:
  - name: web-config
    literals:
      - GREETING=hello
`,
  'services/web/base/namespace.yaml': `apiVersion: v1
kind: Namespace
metadata:
  name: shop
`,
  'services/web/base/deployment.yaml': `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 3
  selector:
    matchLabels: { app: web }
  template:
    metadata:
      labels: { app: web }
    spec:
      containers:
        - name: web
          image: nginx:1.27
          envFrom:
            - configMapRef: { name: web-config }
`,
};

/** A two-cluster estate in a temporary directory (not a git work tree); `edits` replace files. */
export function tempEstate(edits: Record<string, string> = {}): { dir: string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'hm-deploy-test-'));
  for (const [path, text] of Object.entries({ ...MINI_ESTATE, ...edits })) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/**
 * A running simulated fleet for the estate's clusters, reached by the CLI
 * through HARBORMASTER_SIM_KUBECONFIG (as a fleet started by `sim serve` would be).
 */
export async function sharedFleet(dir: string, names = ['sim-canary', 'sim-main']): Promise<{ fleet: SimFleet; stop(): Promise<void> }> {
  const fleet = await startSimFleet({ clusters: names.map((name) => ({ name })), workload: FAST_WORKLOAD });
  const file = join(dir, '.sim-kubeconfig');
  fleet.writeKubeconfig(file);
  const before = process.env[SIM_KUBECONFIG_ENV];
  process.env[SIM_KUBECONFIG_ENV] = file;
  return {
    fleet,
    stop: async () => {
      if (before === undefined) delete process.env[SIM_KUBECONFIG_ENV];
      else process.env[SIM_KUBECONFIG_ENV] = before;
      await fleet.stop();
    },
  };
}
