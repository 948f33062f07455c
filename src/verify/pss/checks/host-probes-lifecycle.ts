/**
 * Host Probes / Lifecycle Hooks (baseline, v1.34+): probes and lifecycle
 * handlers may not target another host, so `httpGet.host` and
 * `tcpSocket.host` must be empty.
 */
import type { PodSecurityCheck, ViolationField } from '../check.js';
import { containersPhrase, joinQuote, pluralize, sortedUnique } from '../messages.js';
import { objectAt, text, type ContainerRef, type PodView } from '../pod.js';
import type { FieldPath } from '../../finding.js';
import type { JsonObject } from '../../../core/json.js';

const PROBES = ['livenessProbe', 'readinessProbe', 'startupProbe'] as const;
const LIFECYCLE_HANDLERS = ['postStart', 'preStop'] as const;
const ACTIONS = ['httpGet', 'tcpSocket'] as const;

/** Non-empty hosts of one probe or handler, with their paths. */
function hostsOf(handler: JsonObject | undefined, path: FieldPath): { host: string; path: FieldPath }[] {
  if (!handler) return [];
  const found: { host: string; path: FieldPath }[] = [];
  for (const action of ACTIONS) {
    const host = text(objectAt(handler[action])?.host);
    if (host !== '') found.push({ host, path: [...path, action, 'host'] });
  }
  return found;
}

function containerHosts(ref: ContainerRef): { host: string; path: FieldPath }[] {
  const found: { host: string; path: FieldPath }[] = [];
  for (const probe of PROBES) {
    const handler = objectAt(ref.container[probe]);
    if (handler) found.push(...hostsOf(handler, [...ref.path, probe]));
  }
  const lifecycle = objectAt(ref.container.lifecycle);
  if (!lifecycle) return found;
  for (const name of LIFECYCLE_HANDLERS) {
    const handler = objectAt(lifecycle[name]);
    if (handler) found.push(...hostsOf(handler, [...ref.path, 'lifecycle', name]));
  }
  return found;
}

function hostProbesAndLifecycle(pod: PodView) {
  const bad: string[] = [];
  const hosts: string[] = [];
  const fields: ViolationField[] = [];
  for (const ref of pod.containers) {
    const found = containerHosts(ref);
    if (found.length === 0) continue;
    bad.push(ref.name);
    for (const { host, path } of found) {
      hosts.push(host);
      fields.push({ path, message: `${containersPhrase([ref.name])} must not use probe or lifecycle host ${joinQuote([host])}`, value: host });
    }
  }
  if (bad.length === 0) return undefined;
  const names = sortedUnique(bad);
  const list = sortedUnique(hosts);
  return {
    reason: 'probe or lifecycle host',
    detail: `${containersPhrase(names)} ${pluralize('uses', 'use', names.length)} ${pluralize('probe or lifecycle host', 'probe or lifecycle hosts', list.length)} ${joinQuote(list)}`,
    fields,
  };
}

export const hostProbesAndLifecycleCheck: PodSecurityCheck = {
  id: 'hostProbesAndHostLifecycle',
  level: 'baseline',
  control: 'Host Probes / Lifecycle Hooks',
  remediation: 'Remove host from httpGet/tcpSocket probes and lifecycle handlers; they then target the pod itself.',
  revisions: [{ minVersion: 34, check: hostProbesAndLifecycle }],
};
