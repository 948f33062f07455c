/**
 * Service: a cluster IP must be allocated; a LoadBalancer Service also waits
 * for status.loadBalancer.ingress (kstatus does not, so a gate passes before
 * the load balancer exists). ExternalName and headless Services are Current.
 */
import { isRecord, recordAt, specOf, statusOf, str } from './fields.js';
import type { HealthRule } from './types.js';
import { current, inProgress } from './verdicts.js';

export const serviceRule: HealthRule = {
  kinds: ['/Service'],
  assess({ object }) {
    const spec = specOf(object);
    const type = str(spec, 'type') ?? 'ClusterIP';
    const name = object.metadata.name;
    if (type === 'ExternalName') return current('ExternalName', `service ${name} is an alias for ${str(spec, 'externalName') ?? '?'}`);
    const clusterIP = str(spec, 'clusterIP');
    if (!clusterIP) return inProgress('ClusterIPPending', `service ${name} has no cluster IP yet`);
    if (type !== 'LoadBalancer') return current('ServiceReady', `service ${name} has cluster IP ${clusterIP}`);
    const ingress = recordAt(statusOf(object), 'loadBalancer').ingress;
    const first = Array.isArray(ingress) ? ingress.find(isRecord) : undefined;
    if (!first) return inProgress('LoadBalancerPending', `service ${name} is waiting for its load balancer`);
    return current('LoadBalancerReady', `service ${name} is exposed at ${str(first, 'hostname') ?? str(first, 'ip') ?? '?'}`);
  },
};
