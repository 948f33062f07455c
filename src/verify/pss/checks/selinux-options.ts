/**
 * SELinux (baseline): the SELinux type may only be one of the container
 * types, and a custom SELinux user or role may not be set. v1.31 added
 * `container_engine_t` to the allowed types.
 */
import type { CheckFn, PodSecurityCheck, ViolationField } from '../check.js';
import { containersPhrase, joinQuote, pluralize, sortedUnique } from '../messages.js';
import { objectAt, securityContextOf, text, type PodView } from '../pod.js';
import type { FieldPath } from '../../finding.js';
import type { JsonObject } from '../../../core/json.js';

const TYPES_1_0 = ['', 'container_t', 'container_init_t', 'container_kvm_t'];
const TYPES_1_31 = [...TYPES_1_0, 'container_engine_t'];

interface Collected {
  badTypes: string[];
  setUser: boolean;
  setRole: boolean;
  fields: ViolationField[];
}

/** Records every problem of one seLinuxOptions object; true when it has none. */
function inspect(options: JsonObject, path: FieldPath, who: string, allowed: ReadonlySet<string>, out: Collected): boolean {
  let valid = true;
  const type = text(options.type);
  if (!allowed.has(type)) {
    valid = false;
    out.badTypes.push(type);
    out.fields.push({ path: [...path, 'type'], message: `${who} must not set securityContext.seLinuxOptions.type to ${joinQuote([type])}`, value: type });
  }
  for (const key of ['user', 'role'] as const) {
    if (text(options[key]) === '') continue;
    valid = false;
    if (key === 'user') out.setUser = true;
    else out.setRole = true;
    out.fields.push({ path: [...path, key], message: `${who} must not set securityContext.seLinuxOptions.${key}`, value: options[key] });
  }
  return valid;
}

function seLinuxOptions(allowedTypes: readonly string[]): CheckFn {
  const allowed = new Set(allowedTypes);
  return (pod: PodView) => {
    const out: Collected = { badTypes: [], setUser: false, setRole: false, fields: [] };
    const setters: string[] = [];
    const podOptions = objectAt(pod.podSecurityContext.seLinuxOptions);
    if (podOptions && !inspect(podOptions, [...pod.specPath, 'securityContext', 'seLinuxOptions'], 'pod', allowed, out)) setters.push('pod');
    const bad: string[] = [];
    for (const ref of pod.containers) {
      const options = objectAt(securityContextOf(ref)?.seLinuxOptions);
      if (!options) continue;
      const who = containersPhrase([ref.name]);
      if (!inspect(options, [...ref.path, 'securityContext', 'seLinuxOptions'], who, allowed, out)) bad.push(ref.name);
    }
    if (bad.length > 0) setters.push(containersPhrase(bad));
    if (setters.length === 0) return undefined;
    const problems: string[] = [];
    const types = sortedUnique(out.badTypes);
    if (types.length > 0) problems.push(`${pluralize('type', 'types', types.length)} ${joinQuote(types)}`);
    if (out.setUser) problems.push('user may not be set');
    if (out.setRole) problems.push('role may not be set');
    return {
      reason: 'seLinuxOptions',
      detail: `${setters.join(' and ')} set forbidden securityContext.seLinuxOptions: ${problems.join('; ')}`,
      fields: out.fields,
    };
  };
}

export const seLinuxOptionsCheck: PodSecurityCheck = {
  id: 'seLinuxOptions',
  level: 'baseline',
  control: 'SELinux',
  remediation: 'Leave seLinuxOptions.user and .role empty and use a container SELinux type (container_t, container_init_t, container_kvm_t, container_engine_t) or none.',
  revisions: [
    { minVersion: 0, check: seLinuxOptions(TYPES_1_0) },
    { minVersion: 31, check: seLinuxOptions(TYPES_1_31) },
  ],
};
