/**
 * CustomResourceDefinitions: NamesAccepted (False with PluralConflict when
 * another CRD of the group already serves the plural) and Established, with
 * acceptedNames and storedVersions, as the apiextensions controllers write them.
 */
import type { KubeObject } from '../../types.js';
import { isObject, type JsonObject } from '../object-utils.js';
import type { StoreKey } from '../store.js';
import { conditionsOf, setCondition, specOf, statusOf, type ControllerContext } from './context.js';

export function reconcileCrd(ctx: ControllerContext, key: StoreKey): void {
  const crd = ctx.store.get(key);
  if (!crd || crd.metadata.deletionTimestamp) return;
  const spec = specOf(crd);
  const names = isObject(spec.names) ? spec.names : {};
  const conflict = nameConflict(ctx, crd, String(spec.group ?? ''), names);
  let conditions = conditionsOf(crd);
  const versions = Array.isArray(spec.versions) ? spec.versions.filter(isObject) : [];
  const status: JsonObject = { ...statusOf(crd) };
  if (conflict) {
    conditions = setCondition(conditions, { type: 'NamesAccepted', status: 'False', reason: conflict.reason, message: `"${conflict.name}" is already in use` });
    conditions = setCondition(conditions, { type: 'Established', status: 'False', reason: 'NotAccepted', message: 'not all names are accepted' });
    status.acceptedNames = { kind: '', plural: '' };
  } else {
    conditions = setCondition(conditions, { type: 'NamesAccepted', status: 'True', reason: 'NoConflicts', message: 'no conflicts found' });
    conditions = setCondition(conditions, { type: 'Established', status: 'True', reason: 'InitialNamesAccepted', message: 'the initial names have been accepted' });
    const kind = String(names.kind ?? '');
    status.acceptedNames = { listKind: `${kind}List`, singular: kind.toLowerCase(), ...names };
  }
  const stored = Array.isArray(status.storedVersions) ? status.storedVersions.map(String) : [];
  const storage = versions.filter((v) => v.storage === true).map((v) => String(v.name));
  status.storedVersions = [...new Set([...stored, ...storage])];
  status.conditions = conditions;
  ctx.writeStatus(crd, status);
}

/**
 * A name another CRD of the group already serves. The object name pins the
 * plural (`<plural>.<group>`), so in practice this is a kind, singular or
 * short name taken by another CRD.
 */
function nameConflict(ctx: ControllerContext, crd: KubeObject, group: string, names: JsonObject): { reason: string; name: string } | undefined {
  for (const other of ctx.store.list('apiextensions.k8s.io', 'CustomResourceDefinition')) {
    if (other.metadata.uid === crd.metadata.uid || specOf(other).group !== group) continue;
    if (String(other.metadata.creationTimestamp) > String(crd.metadata.creationTimestamp)) continue; // the older CRD keeps its names
    const accepted = isObject(statusOf(other).acceptedNames) ? (statusOf(other).acceptedNames as JsonObject) : {};
    const taken = new Set([accepted.plural, accepted.singular, ...(Array.isArray(accepted.shortNames) ? accepted.shortNames : [])].filter(Boolean).map(String));
    if (names.plural && taken.has(String(names.plural))) return { reason: 'PluralConflict', name: String(names.plural) };
    if (names.kind && accepted.kind === names.kind) return { reason: 'KindConflict', name: String(names.kind) };
    if (names.listKind && accepted.listKind === names.listKind) return { reason: 'ListKindConflict', name: String(names.listKind) };
  }
  return undefined;
}
