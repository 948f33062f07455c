/**
 * The two secret operators the estates we model run: External Secrets
 * (ExternalSecret → Secret from a cloud secret store) and Sealed Secrets
 * (SealedSecret → decrypted Secret). Without them, every workload that reads
 * a managed Secret would sit in CreateContainerConfigError on a simulated
 * cluster, where a real one would start.
 *
 * The simulated secret store holds whatever a workload asks for: a Secret
 * filled by `dataFrom` (whole-secret extraction, keys unknown until read)
 * carries PROVIDER_KEYS_ANNOTATION, and the kubelet accepts any key of it.
 */
import type { KubeObject } from '../../types.js';
import { isObject, type JsonObject } from '../object-utils.js';
import type { StoreKey } from '../store.js';
import { conditionsOf, ownerReference, setCondition, type Condition, type ControllerContext } from './context.js';

export const PROVIDER_KEYS_ANNOTATION = 'sim.harbormaster.dev/provider-keys';

const PLACEHOLDER = Buffer.from('simulated').toString('base64');

export function reconcileExternalSecret(ctx: ControllerContext, key: StoreKey): void {
  const source = ctx.store.get(key);
  if (!source || source.metadata.deletionTimestamp) return;
  const spec = isObject(source.spec) ? source.spec : {};
  const target = isObject(spec.target) ? spec.target : {};
  const name = typeof target.name === 'string' && target.name ? target.name : source.metadata.name;
  const keys = Array.isArray(spec.data) ? spec.data.flatMap((d) => (isObject(d) && typeof d.secretKey === 'string' ? [d.secretKey] : [])) : [];
  const extracted = Array.isArray(spec.dataFrom) && spec.dataFrom.length > 0;
  writeSecret(ctx, source, key.namespace ?? '', name, keys, extracted);
  const ready: Condition = { type: 'Ready', status: 'True', reason: 'SecretSynced', message: 'Secret was synced' };
  ctx.writeStatus(source, { ...(isObject(source.status) ? source.status : {}), conditions: setCondition(conditionsOf(source), ready) });
}

export function reconcileSealedSecret(ctx: ControllerContext, key: StoreKey): void {
  const source = ctx.store.get(key);
  if (!source || source.metadata.deletionTimestamp) return;
  const spec = isObject(source.spec) ? source.spec : {};
  const keys = isObject(spec.encryptedData) ? Object.keys(spec.encryptedData) : [];
  writeSecret(ctx, source, key.namespace ?? '', source.metadata.name, keys, false);
  const synced: Condition = { type: 'Synced', status: 'True', reason: '', message: '' };
  ctx.writeStatus(source, { ...(isObject(source.status) ? source.status : {}), conditions: setCondition(conditionsOf(source), synced) });
}

function writeSecret(ctx: ControllerContext, owner: KubeObject, namespace: string, name: string, keys: string[], extracted: boolean): void {
  const existing = ctx.store.get({ group: '', kind: 'Secret', namespace, name });
  const data: JsonObject = Object.fromEntries(keys.map((k) => [k, PLACEHOLDER]));
  const annotations = extracted ? { [PROVIDER_KEYS_ANNOTATION]: 'true' } : undefined;
  const secret = {
    apiVersion: 'v1',
    kind: 'Secret',
    metadata: { name, namespace, ownerReferences: [ownerReference(owner)], ...(annotations ? { annotations } : {}) },
    type: 'Opaque',
    data,
  };
  if (!existing) ctx.store.create(secret, 'external-secrets');
  else ctx.store.update({ ...existing, metadata: { ...existing.metadata, ...secret.metadata }, data }, { wholeObject: true, manager: 'external-secrets' });
}
