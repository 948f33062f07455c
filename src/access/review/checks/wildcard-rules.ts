import { findingsFrom } from '../finding.js';
import { isCatchAll } from '../probe.js';
import type { ReviewCheck } from '../types.js';

/** `*` verbs or resources grant whatever the API server adds later, CRDs included (KubiScan "any" rules). */
export const wildcardRulesCheck: ReviewCheck = {
  id: 'access/wildcard',
  severity: 'medium',
  title: 'wildcard rules',
  description: 'A rule with * verbs, resources or non-resource URLs grants everything that matches now and later; * on verbs, groups and resources at once is cluster-admin in its scope.',
  remediation: 'List the verbs and resources needed; bind cluster-admin only to a break-glass group.',
  run(ctx) {
    return findingsFrom(wildcardRulesCheck, ctx, (held) => {
      const r = held.rule;
      if (isCatchAll(r)) return { message: '* verbs on * resources of * groups (full control)', severity: held.scope === '' ? 'critical' : 'high' };
      const parts: string[] = [];
      if (r.nonResourceURLs.length > 0) {
        if (r.verbs.includes('*') || r.nonResourceURLs.includes('*')) parts.push(`${r.verbs.join(', ')} on non-resource URLs ${r.nonResourceURLs.join(', ')}`);
      } else {
        if (r.verbs.includes('*')) parts.push(`* verbs on ${r.resources.join(', ')}`);
        if (r.resources.includes('*')) parts.push(`${r.verbs.join(', ')} on * resources of ${r.apiGroups.map((g) => g || 'core').join(', ')}`);
      }
      return parts.length > 0 ? { message: parts.join('; ') } : undefined;
    });
  },
};
