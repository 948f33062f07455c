import { formatHolder } from '../finding.js';
import type { ReviewCheck, ReviewFinding } from '../types.js';

/** {{AccessKeyID}} is chosen by the caller's credentials (HackerOne #1580493): names built from it can be forged. */
export const accessKeyTemplateCheck: ReviewCheck = {
  id: 'access/access-key-id-template',
  severity: 'high',
  title: '{{AccessKeyID}} in a username or group',
  description: 'aws-iam-authenticator fills {{AccessKeyID}} from the request, so a caller can influence the Kubernetes username or group it is given.',
  remediation: 'Use {{SessionName}} behind a fixed prefix with a colon (e.g. team:{{SessionName}}), never {{AccessKeyID}}.',
  run(ctx) {
    return ctx.mappings
      .filter((m) => m.username.includes('{{AccessKeyID}}') || m.groups.some((g) => g.includes('{{AccessKeyID}}')))
      .map((m): ReviewFinding => {
        const holder = { kind: 'IAMPrincipal' as const, name: m.arn };
        const finding: ReviewFinding = {
          check: accessKeyTemplateCheck.id,
          severity: 'high',
          cluster: ctx.cluster,
          holder,
          principals: [],
          message: `${formatHolder(holder)} gets the username ${m.username || '(default)'}${m.groups.length ? ` and groups ${m.groups.join(', ')}` : ''}`,
          path: `${m.source === 'access-entry' ? `${m.object.kind} ${m.object.namespace}/${m.object.name}` : `ConfigMap kube-system/aws-auth ${m.source.split('/')[1]}`}`,
          scope: '',
          key: `${accessKeyTemplateCheck.id}|${m.source}|${m.arn}`,
        };
        if (m.origin) finding.origin = m.origin;
        return finding;
      });
  },
};
