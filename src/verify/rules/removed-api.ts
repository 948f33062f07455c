/**
 * An object whose apiVersion the cluster no longer serves cannot be applied.
 * Without a known cluster version, the newest Kubernetes is assumed.
 */
import { minorAtMost, parseMinor, REMOVED_KINDS, removedApi, type RemovedApi } from '../data/deprecated-apis.js';
import type { VerifyContext } from '../rule.js';
import { defineRule } from './define.js';
import { str } from './values.js';

export function migrationHint(api: RemovedApi): string {
  const target = api.replacement ? `Use ${api.replacement} (available since ${api.replacementSince}).` : '';
  return [target, api.note ?? ''].filter((s) => s !== '').join(' ');
}

export function clusterLabel(context: VerifyContext): string {
  const version = context.kubernetesVersion ? `Kubernetes ${context.kubernetesVersion}` : 'Kubernetes';
  return context.clusterName ? `cluster "${context.clusterName}" (${version})` : version;
}

export const removedApiRule = defineRule({
  name: 'removed-api',
  category: 'api-versions',
  severity: 'error',
  description: 'Objects must not use an apiVersion the target Kubernetes version no longer serves.',
  remediation: 'Move the manifest to the replacement apiVersion (see the finding) and adjust changed fields.',
  kinds: REMOVED_KINDS,
  check(resource, context, report) {
    const api = removedApi(str(resource.obj.apiVersion) ?? '', resource.kind);
    if (!api) return;
    const version = context.kubernetesVersion;
    if (version !== undefined && parseMinor(version) && !minorAtMost(api.removedIn, version)) return;
    const where = version !== undefined ? `; ${clusterLabel(context)} does not serve it` : ' (no cluster version given: the newest Kubernetes is assumed)';
    report(['apiVersion'], `${api.apiVersion} ${api.kind} was removed in Kubernetes ${api.removedIn}${where}`, {
      remediation: migrationHint(api) || 'Remove the object: the API has no replacement.',
    });
  },
});
