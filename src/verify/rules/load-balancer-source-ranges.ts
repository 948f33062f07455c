/** Advice: a LoadBalancer without source ranges is reachable from the whole internet. */
import { defineRule } from './define.js';
import { dig, isKind } from './values.js';

export const loadBalancerSourceRanges = defineRule({
  name: 'load-balancer-source-ranges',
  category: 'networking',
  severity: 'info',
  description: 'LoadBalancer Services should restrict who may connect with loadBalancerSourceRanges.',
  remediation: 'Set `spec.loadBalancerSourceRanges` to the CIDRs that need access (or make the load balancer internal).',
  kinds: ['Service'],
  check(resource, _context, report) {
    if (!isKind(resource, '', 'Service') || dig(resource.obj, 'spec', 'type') !== 'LoadBalancer') return;
    const ranges = dig(resource.obj, 'spec', 'loadBalancerSourceRanges');
    if (!Array.isArray(ranges) || ranges.length === 0) {
      report(['spec', 'loadBalancerSourceRanges'], 'LoadBalancer Service accepts connections from any address');
    }
  },
});
