/**
 * ControllerRevisions: the stored pod templates of StatefulSets and
 * DaemonSets (`<name>-<hash>`, revision number, owner reference). The
 * StatefulSet controller reads old templates back from them (partitioned
 * updates recreate low ordinals at the current revision), and rollout tools
 * find a DaemonSet's newest revision through them.
 */
import type { KubeObject } from '../../types.js';
import { isObject, type JsonObject } from '../object-utils.js';
import { ownerReference, type ControllerContext } from './context.js';
import { templateHash } from './hash.js';

export const REVISION_HASH_LABEL = 'controller-revision-hash';

export interface Revision {
  name: string;
  hash: string;
  number: number;
}

/** The revision of `template`, created (with the next number) when it does not exist yet. */
export function ensureRevision(ctx: ControllerContext, owner: KubeObject, template: unknown): Revision {
  const hash = templateHash(template);
  const name = `${owner.metadata.name}-${hash}`;
  const existing = ctx.store.get({ group: 'apps', kind: 'ControllerRevision', namespace: owner.metadata.namespace, name });
  if (existing) return { name, hash, number: Number(existing.revision) || 0 };
  const number = 1 + Math.max(0, ...ctx.owned(owner, 'ControllerRevision').map((r) => Number(r.revision) || 0));
  const tpl = isObject(template) ? template : {};
  const templateLabels = isObject(tpl.metadata) && isObject(tpl.metadata.labels) ? (tpl.metadata.labels as Record<string, string>) : {};
  ctx.create({
    apiVersion: 'apps/v1',
    kind: 'ControllerRevision',
    metadata: { name, namespace: owner.metadata.namespace, labels: { ...templateLabels, [REVISION_HASH_LABEL]: hash }, ownerReferences: [ownerReference(owner)] },
    data: { spec: { template: { ...tpl, $patch: 'replace' } } },
    revision: number,
  });
  return { name, hash, number };
}

/** The pod template a revision stored, or undefined when it is gone. */
export function templateOfRevision(ctx: ControllerContext, owner: KubeObject, revisionName: string): JsonObject | undefined {
  const revision = ctx.store.get({ group: 'apps', kind: 'ControllerRevision', namespace: owner.metadata.namespace, name: revisionName });
  const data = revision && isObject(revision.data) ? revision.data : undefined;
  const template = data && isObject(data.spec) && isObject(data.spec.template) ? data.spec.template : undefined;
  if (!template) return undefined;
  const { $patch: _patch, ...rest } = template;
  return rest;
}

/** Deletes the owner's revisions beyond `limit` that no live pod uses, oldest first. */
export function pruneRevisions(ctx: ControllerContext, owner: KubeObject, limit: number, inUse: ReadonlySet<string>): void {
  const idle = ctx
    .owned(owner, 'ControllerRevision')
    .filter((r) => !inUse.has(r.metadata.name) && !inUse.has(r.metadata.labels?.[REVISION_HASH_LABEL] ?? ''))
    .sort((a, b) => (Number(a.revision) || 0) - (Number(b.revision) || 0));
  for (const revision of idle.slice(0, Math.max(0, idle.length - limit))) ctx.delete(revision);
}
