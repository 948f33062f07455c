#!/usr/bin/env bash
# Renders every active cluster of an estate with `kubectl kustomize`, using the
# per-cluster composition described in the estate format (a generated cluster
# root over services and addons), and reports object and pod counts.
#
# Usage: scripts/check-example-estate.sh [estate-dir] [--keep] [--planned]
#   estate-dir  defaults to examples/acme-estate
#   --keep      keep the temporary copy (its path is printed) for inspection
#   --planned   render planned clusters too
#
# Fails if any cluster does not render, or if kubectl prints anything on stderr
# (warnings included).
set -euo pipefail

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
estate="examples/acme-estate"
keep=""
planned=""
for arg in "$@"; do
  case "$arg" in
    --keep) keep=1 ;;
    --planned) planned=1 ;;
    *) estate="$arg" ;;
  esac
done
estate="$(cd "$repo_root" && cd "$estate" && pwd)"

work="$(mktemp -d)"
if [[ -z "$keep" ]]; then trap 'rm -rf "$work"' EXIT; fi
cp -r "$estate" "$work/estate"

cd "$repo_root"
ESTATE_COPY="$work/estate" INCLUDE_PLANNED="$planned" node --input-type=module <<'NODE'
import { readFileSync, writeFileSync, mkdirSync, existsSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { execFileSync, spawnSync } from 'node:child_process';
import { parse, parseAllDocuments, stringify } from 'yaml';

const estateDir = process.env.ESTATE_COPY;
const estate = parse(readFileSync(join(estateDir, 'harbormaster.yaml'), 'utf8')).spec;

const isMap = (v) => v !== null && typeof v === 'object' && !Array.isArray(v);
// Maps merge key by key, everything else replaces.
function merge(lower, higher) {
  if (!isMap(lower) || !isMap(higher)) return higher === undefined ? lower : higher;
  const out = { ...lower };
  for (const [k, v] of Object.entries(higher)) out[k] = k in out ? merge(out[k], v) : v;
  return out;
}

function layersFor(cluster) {
  return [
    estate.defaults ?? {},
    estate.environments?.[cluster.environment] ?? {},
    estate.regions?.[cluster.region] ?? {},
    { addons: cluster.addons, settings: cluster.settings },
  ];
}

function effective(cluster) {
  let addons = {};
  let settings = {};
  for (const layer of layersFor(cluster)) {
    addons = merge(addons, layer.addons ?? {});
    settings = merge(settings, layer.settings ?? {});
  }
  for (const [name, version] of Object.entries(addons)) {
    if (version === null || version === '') delete addons[name];
  }
  return { addons, settings };
}

function addonKind(dir) {
  const k = parse(readFileSync(join(dir, 'kustomization.yaml'), 'utf8'));
  return k.kind === 'Component' ? 'Component' : 'Kustomization';
}

function serviceKustomization(svc, cluster, settings, from) {
  const svcDir = join(estateDir, 'services', svc);
  const meta = parse(readFileSync(join(svcDir, 'service.yaml'), 'utf8'));
  const target = [join('overlays', cluster.name), join('overlays', cluster.region), 'base']
    .map((p) => join(svcDir, p))
    .find((p) => existsSync(p));
  const k = {
    apiVersion: 'kustomize.config.k8s.io/v1beta1',
    kind: 'Kustomization',
    resources: [relative(from, target)],
    namespace: settings.namespace || meta.spec.namespace,
  };
  if (Object.keys(settings.labels ?? {}).length) k.labels = [{ pairs: settings.labels }];
  if (Object.keys(settings.annotations ?? {}).length) k.commonAnnotations = settings.annotations;
  const images = Object.entries(settings.images ?? {}).map(([name, v]) => ({ name, ...v }));
  if (images.length) k.images = images;
  const replicas = Object.entries(settings.replicas ?? {})
    .filter(([key]) => key.startsWith(`${svc}/`))
    .map(([key, count]) => ({ name: key.slice(svc.length + 1), count }));
  if (replicas.length) k.replicas = replicas;
  return k;
}

function compose(cluster) {
  const { addons, settings } = effective(cluster);
  const root = join(estateDir, '.harbormaster', 'clusters', cluster.name);
  const services = cluster.services ?? readdirSync(join(estateDir, 'services')).sort();
  const resources = [];
  const components = [];
  for (const svc of services) {
    const dir = join(root, 'services', svc);
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'kustomization.yaml'), stringify(serviceKustomization(svc, cluster, settings, dir)));
    resources.push(`services/${svc}`);
  }
  for (const [name, version] of Object.entries(addons)) {
    const dir = join(estateDir, 'addons', name, String(version));
    if (!existsSync(dir)) throw new Error(`${cluster.name}: addon ${name} ${version} not found`);
    (addonKind(dir) === 'Component' ? components : resources).push(relative(root, dir));
  }
  const k = { apiVersion: 'kustomize.config.k8s.io/v1beta1', kind: 'Kustomization', resources };
  if (components.length) k.components = components;
  writeFileSync(join(root, 'kustomization.yaml'), stringify(k));
  return { root, services };
}

function serviceNamespaces() {
  const out = new Set();
  for (const svc of readdirSync(join(estateDir, 'services'))) {
    out.add(parse(readFileSync(join(estateDir, 'services', svc, 'service.yaml'), 'utf8')).spec.namespace);
  }
  return out;
}

const appNamespaces = serviceNamespaces();
let failed = 0;
const rows = [];
for (const cluster of estate.clusters) {
  const status = cluster.status ?? 'active';
  if (status !== 'active' && !(status === 'planned' && process.env.INCLUDE_PLANNED)) continue;
  const { root, services } = compose(cluster);
  const run = spawnSync('kubectl', ['kustomize', root], { encoding: 'utf8', maxBuffer: 64 << 20 });
  if (run.status !== 0 || run.stderr.trim() !== '') {
    failed++;
    console.error(`FAIL ${cluster.name}\n${run.stderr}`);
    continue;
  }
  const docs = parseAllDocuments(run.stdout).map((d) => d.toJS());
  let servicePods = 0;
  let addonPods = 0;
  let daemonSets = 0;
  for (const o of docs) {
    if (o.kind === 'DaemonSet') daemonSets++;
    if (o.kind !== 'Deployment' && o.kind !== 'StatefulSet') continue;
    const n = o.spec?.replicas ?? 1;
    if (appNamespaces.has(o.metadata.namespace)) servicePods += n;
    else addonPods += n;
  }
  rows.push([cluster.name, status, cluster.wave, cluster.kubernetesVersion ?? estate.defaults?.kubernetesVersion,
    services.length, docs.length, servicePods, addonPods, daemonSets]);
}

const header = ['cluster', 'status', 'wave', 'k8s', 'services', 'objects', 'service pods', 'addon pods', 'daemonsets'];
const table = [header, ...rows].map((r) => r.map(String));
const widths = header.map((_, i) => Math.max(...table.map((r) => r[i].length)));
for (const r of table) console.log(r.map((c, i) => c.padEnd(widths[i])).join('  '));
if (failed) {
  console.error(`${failed} cluster(s) failed to render`);
  process.exit(1);
}
NODE

if [[ -n "$keep" ]]; then echo "composition kept in $work/estate/.harbormaster"; fi
