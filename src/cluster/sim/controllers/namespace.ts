/**
 * Namespaces report phase Active (the API server's defaulting normally did it
 * already). Deleting one deletes its contents: the store cascades that.
 */
import type { StoreKey } from '../store.js';
import { statusOf, type ControllerContext } from './context.js';

export function reconcileNamespace(ctx: ControllerContext, key: StoreKey): void {
  const namespace = ctx.store.get(key);
  if (!namespace || namespace.metadata.deletionTimestamp) return;
  if (statusOf(namespace).phase !== 'Active') ctx.writeStatus(namespace, { ...statusOf(namespace), phase: 'Active' });
}
