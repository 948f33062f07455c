import { connectCluster, SIM_KUBECONFIG_ENV, type ConnectOptions } from '../../cluster/connect.js';
import { startSimFleet, type SimFleet, type SimFleetOptions } from '../../cluster/sim/fleet.js';
import type { ClusterClient, KubeObject } from '../../cluster/types.js';
import type { Journal } from '../journal/types.js';
import type { ClusterStepPlan, RolloutPlan } from '../plan/types.js';
import { bootstrapSimFleet } from './sim-bootstrap.js';

/** How a deploy reaches its clusters. Injected by `start`, the benchmark and tests, which keep one fleet across deploys. */
export interface ClusterConnector {
  connect(step: Pick<ClusterStepPlan, 'cluster' | 'connection'>): Promise<ClusterClient>;
  /** Stops whatever the connector started (an embedded simulated fleet). */
  close(): Promise<void>;
  /** Said once, for people: e.g. that an embedded simulated fleet was started. */
  readonly note?: string;
}

/** A connector over a running simulated fleet (the caller owns the fleet and stops it). */
export function simFleetConnector(fleet: SimFleet, options: ConnectOptions = {}): ClusterConnector {
  return {
    connect: async (step) => connectCluster({ name: step.cluster, connection: step.connection }, { ...options, simKubeconfig: fleet.kubeconfig }),
    close: async () => {},
  };
}

export interface DefaultConnectorOptions extends ConnectOptions {
  /** Simulated-controller settings of an embedded fleet. */
  sim?: Omit<SimFleetOptions, 'clusters'>;
  /** The desired manifests: an embedded fleet is given what they expect to find (sim-bootstrap.ts). */
  desired?: ReadonlyMap<string, readonly KubeObject[]>;
}

/**
 * Real clusters through kubeconfig contexts; `sim` clusters through the fleet
 * named by HARBORMASTER_SIM_KUBECONFIG, or else an embedded simulated fleet
 * started here for this deploy's sim clusters (it lives as long as the
 * process). An embedded fleet starts empty, so the journal's record of what
 * was applied to those clusters is forgotten: everything is applied again.
 * It is given the objects a real cluster would already hold (sim-bootstrap.ts).
 */
export async function defaultConnector(plan: RolloutPlan, journal: Journal, options: DefaultConnectorOptions = {}): Promise<ClusterConnector> {
  const env = options.env ?? process.env;
  const simSteps = plan.waves.flatMap((w) => w.clusters).filter((c) => c.connection.kind === 'sim');
  if (simSteps.length === 0 || env[SIM_KUBECONFIG_ENV]) {
    return { connect: async (step) => connectCluster({ name: step.cluster, connection: step.connection }, options), close: async () => {} };
  }
  const fleet = await startSimFleet({ ...options.sim, clusters: simSteps.map((s) => ({ name: s.cluster })) });
  if (options.desired) await bootstrapSimFleet(fleet, options.desired);
  for (const step of simSteps) journal.forgetApplied(step.cluster, [...journal.appliedHashes(step.cluster).keys()]);
  return {
    connect: async (step) => connectCluster({ name: step.cluster, connection: step.connection }, { ...options, simKubeconfig: fleet.kubeconfig }),
    close: async () => fleet.stop(),
    note: `started an embedded simulated fleet for ${simSteps.length} cluster${simSteps.length === 1 ? '' : 's'} (it lives as long as this command; set ${SIM_KUBECONFIG_ENV} to use a running one)`,
  };
}
