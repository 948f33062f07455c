import type { AccessConfig, EksMode, TeamSpec, WorkloadIdentity } from '../access/model.js';
import type { Diagnostic } from '../core/diagnostic.js';
import type { JsonValue } from '../core/json.js';
import type { ParsedDocument } from '../yaml/parse.js';
import type { RolloutConfig } from './rollout-config.js';

/** kustomize `images` override for one image name. */
export interface ImageOverride {
  newName?: string;
  newTag?: string;
  digest?: string;
}

/**
 * One layer of settings as written in harbormaster.yaml. Absent fields leave
 * the lower layer alone; a `null` map value removes the key set below.
 */
export interface Settings {
  labels?: Record<string, string | null>;
  annotations?: Record<string, string | null>;
  namespace?: string;
  images?: Record<string, ImageOverride | null>;
  replicas?: Record<string, number | null>;
}

/** A layer: what defaults, environments, regions and clusters may set. `null` or "" removes an addon. */
export interface Layer {
  addons?: Record<string, string | null>;
  settings?: Settings;
}

export interface Defaults extends Layer {
  kubernetesVersion?: string;
}

export type ClusterStatus = 'active' | 'planned';

export type Connection = { kind: 'sim' } | { kind: 'context'; context: string };

/**
 * A cluster's own EKS facts: its name in AWS (ACK objects carry it; it often
 * differs from the estate's cluster name) and its authentication mode (clusters
 * move from aws-auth to access entries one by one).
 */
export interface ClusterEks {
  clusterName?: string;
  mode?: EksMode;
}

export interface ClusterSpec extends Layer {
  name: string;
  region: string;
  environment: string;
  kubernetesVersion?: string;
  wave: number;
  status: ClusterStatus;
  connection: Connection;
  /** Absent: every service of the estate. */
  services?: string[];
  /** The EKS side of this cluster, where it differs from spec.access.eks. */
  eks?: ClusterEks;
  /** 0-based position in `spec.clusters`, for diagnostics. */
  index: number;
}

export type ServiceTier = 'critical' | 'standard' | 'batch';

export interface ServiceSpec {
  name: string;
  /** Absolute directory services/<name>. */
  dir: string;
  /** Absolute path of service.yaml. */
  file: string;
  /** service.yaml as parsed, to point at its lines. */
  document: ParsedDocument;
  owner: string;
  tier: ServiceTier;
  description: string;
  namespace: string;
  legacy?: JsonValue;
  /** spec.workloadIdentity: the IAM role the service's pods run as (IRSA or EKS Pod Identity). */
  workloadIdentity?: WorkloadIdentity;
  /** Names of the directories under overlays/ (regions or clusters). */
  overlays: string[];
}

export type AddonKind = 'Kustomization' | 'Component';

export interface AddonVersion {
  addon: string;
  version: string;
  /** Absolute directory addons/<addon>/<version>. */
  dir: string;
  kind: AddonKind;
}

/** A YAML file of a reserved directory (teams/, policies/, decisions/, inventory/): parsed, not interpreted. */
export interface ReservedFile {
  /** Absolute path. */
  file: string;
  documents: ParsedDocument[];
}

export interface Estate {
  /** Absolute estate directory. */
  dir: string;
  /** Absolute path of harbormaster.yaml. */
  file: string;
  /** harbormaster.yaml as parsed, to point at its lines (e.g. where a setting a render used was written). */
  document: ParsedDocument;
  name: string;
  defaults: Defaults;
  environments: Record<string, Layer>;
  regions: Record<string, Layer>;
  clusters: ClusterSpec[];
  /** Keyed by service name; insertion order is alphabetical. */
  services: Map<string, ServiceSpec>;
  /** Every pinned addon version, keyed `<addon>/<version>`. */
  addons: Map<string, AddonVersion>;
  /** Keyed by reserved directory name. */
  reserved: Record<string, ReservedFile[]>;
  /** How `deploy` moves through the fleet (`spec.rollout`, defaults filled in). */
  rollout: RolloutConfig;
  /** teams/<team>.yaml by team name, alphabetical; empty unless spec.access is set (teams/ is then only reserved). */
  teams: Map<string, TeamSpec>;
  /** spec.access: present when the estate generates RBAC and EKS identity for its clusters. */
  access?: AccessConfig;
  /** Non-fatal findings (e.g. a region without a layer that looks like a typo). */
  warnings: Diagnostic[];
}

/** Settings after layering: plain maps, removals applied. */
export interface ResolvedSettings {
  labels: Record<string, string>;
  annotations: Record<string, string>;
  /** '' when services keep their own namespaces. */
  namespace: string;
  images: Record<string, ImageOverride>;
  replicas: Record<string, number>;
}

/** A cluster after applying defaults → environment → region → cluster. */
export interface ResolvedCluster {
  name: string;
  region: string;
  environment: string;
  kubernetesVersion: string;
  wave: number;
  status: ClusterStatus;
  connection: Connection;
  services: string[];
  eks?: ClusterEks;
  /** Addon name → version, sorted by addon name. */
  addons: Record<string, string>;
  settings: ResolvedSettings;
}
