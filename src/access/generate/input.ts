import type { ClusterAccessContext } from './context.js';
import type { AccessConfig, EksMode, GeneratedObject, SourcePoint, TeamSpec, WorkloadIdentity } from '../model.js';

/** A service as it lands on one cluster. */
export interface ServiceOnCluster {
  name: string;
  owner: string;
  /** The namespace its objects render into on this cluster (the cluster's settings.namespace wins). */
  namespace: string;
  workloadIdentity?: WorkloadIdentity;
}

/** What generation needs to know about one cluster: data only, no estate. */
export interface ClusterAccessInput {
  cluster: {
    name: string;
    environment: string;
    region: string;
    /** Where this cluster differs from config.eks: its name in AWS (default: `name`) and its authentication mode. */
    eks?: { clusterName?: string; mode?: EksMode };
  };
  config: AccessConfig;
  /** Every team of the estate, alphabetical. */
  teams: readonly TeamSpec[];
  /** The services of this cluster, alphabetical. */
  services: readonly ServiceOnCluster[];
  /**
   * What the rest of the cluster's render lacks, found by rendering it: team
   * namespaces with no Namespace object and workload ServiceAccounts that no
   * service manifest defines. These are generated; everything else is assumed present.
   */
  missing?: {
    namespaces: readonly string[];
    /** `<namespace>/<name>`. */
    serviceAccounts: readonly string[];
  };
}

/** A generated object and the estate line it stands for (for --explain and findings). */
export interface GeneratedManifest {
  object: GeneratedObject;
  at: SourcePoint;
}

/** One output kind: a pure function of the cluster's input. */
export interface Generator {
  /** Also the value of the harbormaster.dev/generated-by label and the file name stem. */
  name: string;
  generate(ctx: ClusterAccessContext): GeneratedManifest[];
}
