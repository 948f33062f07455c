/**
 * HostProcess (baseline, v1.0+): Windows HostProcess containers have
 * privileged access to the host, so `windowsOptions.hostProcess` may not be
 * true on the pod or on any container.
 */
import type { PodSecurityCheck, ViolationField } from '../check.js';
import { containersPhrase } from '../messages.js';
import { objectOr, securityContextOf, type PodView } from '../pod.js';

const FIELD = ['securityContext', 'windowsOptions', 'hostProcess'] as const;

function hostProcess(pod: PodView) {
  const setters: string[] = [];
  const fields: ViolationField[] = [];
  if (objectOr(pod.podSecurityContext.windowsOptions).hostProcess === true) {
    setters.push('pod');
    fields.push({ path: [...pod.specPath, ...FIELD], message: 'pod must not set securityContext.windowsOptions.hostProcess=true', value: true });
  }
  const bad: string[] = [];
  for (const ref of pod.containers) {
    if (objectOr(securityContextOf(ref)?.windowsOptions).hostProcess !== true) continue;
    bad.push(ref.name);
    fields.push({ path: [...ref.path, ...FIELD], message: `${containersPhrase([ref.name])} must not set securityContext.windowsOptions.hostProcess=true`, value: true });
  }
  if (bad.length > 0) setters.push(containersPhrase(bad));
  if (setters.length === 0) return undefined;
  return {
    reason: 'hostProcess',
    detail: `${setters.join(' and ')} must not set securityContext.windowsOptions.hostProcess=true`,
    fields,
  };
}

export const windowsHostProcessCheck: PodSecurityCheck = {
  id: 'windowsHostProcess',
  level: 'baseline',
  control: 'HostProcess',
  remediation: 'Remove securityContext.windowsOptions.hostProcess (or set it to false) on the pod and every container.',
  revisions: [{ minVersion: 0, check: hostProcess }],
};
