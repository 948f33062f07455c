import type { SourcePoint } from '../model.js';
import type { ClusterAccessContext } from './context.js';

/** The IRSA annotation of a service's own ServiceAccount, set (or removed) by a patch in its kustomization. */
export interface IrsaPatch {
  service: string;
  serviceAccount: string;
  /** The role to annotate; null removes the annotation (pod-identity mode). */
  roleArn: string | null;
  at: SourcePoint;
}

/**
 * Patches for services whose ServiceAccount the manifests define: IRSA sets
 * the annotation (winning over one the base or an overlay wrote); Pod
 * Identity removes it, since the SDKs try web identity before the Pod
 * Identity agent and a left-over annotation would silently win. Accounts the
 * render lacks are generated whole by the service-accounts generator.
 */
export function irsaPatches(ctx: ClusterAccessContext): IrsaPatch[] {
  return ctx.workloads
    .filter((w) => !ctx.missingServiceAccounts.has(`${w.service.namespace}/${w.identity.serviceAccount}`))
    .map((w) => ({ service: w.service.name, serviceAccount: w.identity.serviceAccount, roleArn: w.identity.mode === 'irsa' ? w.roleArn : null, at: w.identity.at }));
}
