/** An apiVersion deprecated in the cluster's version still works but is removed in a later upgrade. */
import { minorAtMost, parseMinor, REMOVED_KINDS, removedApi } from '../data/deprecated-apis.js';
import { defineRule } from './define.js';
import { clusterLabel, migrationHint } from './removed-api.js';
import { str } from './values.js';

export const deprecatedApi = defineRule({
  name: 'deprecated-api',
  category: 'api-versions',
  severity: 'warning',
  description: 'Objects should not use an apiVersion that is deprecated in the target Kubernetes version.',
  remediation: 'Move the manifest to the replacement apiVersion before upgrading the cluster.',
  kinds: REMOVED_KINDS,
  check(resource, context, report) {
    const version = context.kubernetesVersion;
    // Without a cluster version, removed-api reports every retired apiVersion instead.
    if (version === undefined || !parseMinor(version)) return;
    const api = removedApi(str(resource.obj.apiVersion) ?? '', resource.kind);
    if (!api || !minorAtMost(api.deprecatedIn, version) || minorAtMost(api.removedIn, version)) return;
    report(['apiVersion'], `${api.apiVersion} ${api.kind} is deprecated since Kubernetes ${api.deprecatedIn} and removed in ${api.removedIn} (${clusterLabel(context)})`, {
      remediation: migrationHint(api) || 'Plan to remove the object: the API has no replacement.',
    });
  },
});
