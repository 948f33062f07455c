/** Node objects for the simulated nodes, so `kubectl get nodes` and node-aware tools see what the scheduler uses. */
import type { KubeObject } from '../../types.js';
import { KUBERNETES_VERSION } from '../data/discovery-1-26.js';
import { nowTimestamp, type ControllerContext } from './context.js';
import { nodeIP } from './pod-status.js';

export function publishNodes(ctx: ControllerContext): void {
  const { cpu, memory } = ctx.options.nodeAllocatable;
  for (const node of ctx.nodes.nodes) {
    if (ctx.store.get({ group: '', kind: 'Node', name: node.name })) continue;
    const resources = { cpu, memory, pods: '250', 'ephemeral-storage': '100Gi' };
    const now = nowTimestamp();
    const object: KubeObject = {
      apiVersion: 'v1',
      kind: 'Node',
      metadata: { name: node.name, labels: node.labels },
      spec: { podCIDR: `10.${244 + (node.index % 10)}.0.0/16`, providerID: `sim://${node.name}` },
      status: {
        capacity: resources,
        allocatable: resources,
        addresses: [{ type: 'InternalIP', address: nodeIP(node) }, { type: 'Hostname', address: node.name }],
        conditions: [
          { type: 'MemoryPressure', status: 'False', reason: 'KubeletHasSufficientMemory', message: 'kubelet has sufficient memory available', lastHeartbeatTime: now, lastTransitionTime: now },
          { type: 'DiskPressure', status: 'False', reason: 'KubeletHasNoDiskPressure', message: 'kubelet has no disk pressure', lastHeartbeatTime: now, lastTransitionTime: now },
          { type: 'PIDPressure', status: 'False', reason: 'KubeletHasSufficientPID', message: 'kubelet has sufficient PID available', lastHeartbeatTime: now, lastTransitionTime: now },
          { type: 'Ready', status: 'True', reason: 'KubeletReady', message: 'kubelet is posting ready status', lastHeartbeatTime: now, lastTransitionTime: now },
        ],
        nodeInfo: {
          architecture: 'amd64',
          operatingSystem: 'linux',
          osImage: 'Simulated Linux',
          kernelVersion: '6.1.0-sim',
          containerRuntimeVersion: 'containerd://1.7.11',
          kubeletVersion: KUBERNETES_VERSION,
          kubeProxyVersion: KUBERNETES_VERSION,
        },
      },
    };
    ctx.create(object);
  }
}
