import { permissionCheck } from '../permission-check.js';

/** nodes/proxy reaches the kubelet API: exec in any pod of the node, bypassing API server audit. */
export const nodesProxyCheck = permissionCheck({
  id: 'access/nodes-proxy',
  severity: 'critical',
  title: 'nodes/proxy',
  description: 'nodes/proxy talks to the kubelet API directly: run commands in any pod on the node without an audit record of the exec.',
  remediation: 'Remove nodes/proxy; monitoring agents need nodes/metrics and nodes/stats only.',
  probes: [{ verbs: ['get', 'create', 'update', 'patch', 'delete'], group: '', resources: ['nodes/proxy'] }],
});
