/**
 * One simulated cluster: its store, the discovery it serves (built-ins plus
 * established CRDs), the HTTP server, and the simulated controllers when
 * given. Starts with the namespaces every cluster has.
 */
import type { KubeObject } from '../types.js';
import type { SimControllers, SimWorkloadOptions, StartControllers } from './controller-api.js';
import { resolveSimWorkloadOptions } from './controllers/options.js';
import { syncCustomResourceDefinitions } from './crd-sync.js';
import { withDefaults } from './defaults.js';
import { SimDiscovery } from './discovery.js';
import type { SimFaults } from './faults.js';
import { SimApiServer, type SimRequestCounts } from './server.js';
import { SimStore } from './store.js';

export interface SimClusterOptions {
  name: string;
  host?: string;
  /** 0 (default): any free port. */
  port?: number;
  /** The simulated controllers; without them CRDs are established at once and nothing reconciles workloads. */
  startControllers?: StartControllers;
  workload?: Partial<SimWorkloadOptions>;
  bookmarkIntervalMs?: number;
  /** Events kept for watch resume (older resourceVersions get 410 Gone). */
  historySize?: number;
}

const SYSTEM_NAMESPACES = ['default', 'kube-system', 'kube-public', 'kube-node-lease'];

export class SimCluster {
  readonly name: string;
  readonly store: SimStore;
  readonly discovery = new SimDiscovery();
  readonly server: SimApiServer;
  readonly #stopCrdSync: () => void;
  #controllers: SimControllers | undefined;

  private constructor(options: SimClusterOptions) {
    this.name = options.name;
    this.store = new SimStore(options.historySize);
    for (const name of SYSTEM_NAMESPACES) {
      const namespace: KubeObject = { apiVersion: 'v1', kind: 'Namespace', metadata: { name } };
      this.store.create(withDefaults(namespace));
    }
    this.#stopCrdSync = syncCustomResourceDefinitions(this.store, this.discovery, !options.startControllers);
    this.server = new SimApiServer(this.store, this.discovery, { host: options.host, port: options.port, bookmarkIntervalMs: options.bookmarkIntervalMs });
    if (options.startControllers) this.#controllers = options.startControllers(this.store, resolveSimWorkloadOptions(options.workload));
  }

  static async start(options: SimClusterOptions): Promise<SimCluster> {
    const cluster = new SimCluster(options);
    try {
      await cluster.server.start();
    } catch (err) {
      await cluster.stop();
      throw err;
    }
    return cluster;
  }

  /** The running simulated controllers (undefined for a bare API server). */
  get controllers(): SimControllers | undefined {
    return this.#controllers;
  }

  get port(): number {
    return this.server.port;
  }

  get url(): string {
    return this.server.url;
  }

  get faults(): SimFaults {
    return this.server.faults;
  }

  /** Requests received so far, by verb. */
  requests(): SimRequestCounts {
    return this.server.requests();
  }

  resetRequests(): void {
    this.server.resetRequests();
  }

  /** Stops the controllers, the CRD sync and the server (every socket, watch and timer). */
  async stop(): Promise<void> {
    this.#controllers?.stop();
    this.#controllers = undefined;
    this.#stopCrdSync();
    await this.server.stop();
  }
}
