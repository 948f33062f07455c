/**
 * Services: a cluster IP when the API server has not given one, node ports
 * for NodePort and LoadBalancer Services, and for LoadBalancer Services an
 * ingress hostname after loadBalancerMs (the cloud controller's part).
 */
import type { KubeObject } from '../../types.js';
import { isObject, type JsonObject } from '../object-utils.js';
import type { StoreKey } from '../store.js';
import { specOf, statusOf, type ControllerContext } from './context.js';
import { createHash } from 'node:crypto';

export class ServiceController {
  #nextIP = 1;
  #nextNodePort = 30000;

  constructor(private readonly ctx: ControllerContext) {}

  reconcile(key: StoreKey): void {
    const service = this.ctx.store.get(key);
    if (!service || service.metadata.deletionTimestamp) return;
    const spec = specOf(service);
    const type = spec.type ?? 'ClusterIP';
    if (type === 'ExternalName') return;
    const filled = this.#allocate(spec, type);
    const current = filled === spec ? service : this.ctx.writeSpec(service, filled);
    if (type !== 'LoadBalancer') {
      if (statusOf(current).loadBalancer === undefined) this.ctx.writeStatus(current, { loadBalancer: {} });
      return;
    }
    const ingress = isObject(statusOf(current).loadBalancer) ? (statusOf(current).loadBalancer as JsonObject).ingress : undefined;
    if (Array.isArray(ingress) && ingress.length) return;
    const task = `lb:${current.metadata.uid}`;
    if (!this.ctx.timeline.has(task)) this.ctx.timeline.after(task, this.ctx.options.loadBalancerMs, () => this.#provision(key));
  }

  #allocate(spec: JsonObject, type: unknown): JsonObject {
    let out = spec;
    if (!spec.clusterIP) {
      const n = this.#nextIP++;
      const ip = `10.96.${(n >> 8) & 255}.${n & 255}`;
      out = { ...out, clusterIP: ip, clusterIPs: [ip] };
    }
    if ((type === 'NodePort' || type === 'LoadBalancer') && Array.isArray(spec.ports) && spec.ports.some((p) => isObject(p) && p.nodePort === undefined)) {
      out = { ...out, ports: spec.ports.map((p) => (isObject(p) && p.nodePort === undefined ? { ...p, nodePort: this.#nextNodePort++ } : p)) };
    }
    return out;
  }

  #provision(key: StoreKey): void {
    const service = this.ctx.store.get(key);
    if (!service || specOf(service).type !== 'LoadBalancer') return;
    this.ctx.writeStatus(service, { loadBalancer: { ingress: [{ hostname: loadBalancerHostname(service) }] } });
  }
}

/** An AWS-like name, `a<32 hex>-<10 digits>.<region>.elb.amazonaws.com`, stable per Service. */
function loadBalancerHostname(service: KubeObject): string {
  const digest = createHash('sha256').update(`${service.metadata.namespace}/${service.metadata.name}`).digest('hex');
  const digits = String(parseInt(digest.slice(32, 40), 16)).padStart(10, '0').slice(0, 10);
  return `a${digest.slice(0, 31)}-${digits}.sim-region-1.elb.amazonaws.com`;
}
