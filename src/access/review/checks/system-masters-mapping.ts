import { SYSTEM_MASTERS } from '../../model.js';
import { formatHolder } from '../finding.js';
import type { ReviewCheck, ReviewFinding } from '../types.js';

/** system:masters passes before RBAC: no binding can be removed to take it back, and the creator's grant is invisible. */
export const systemMastersMappingCheck: ReviewCheck = {
  id: 'access/system-masters-mapping',
  severity: 'critical',
  title: 'IAM principal mapped to system:masters',
  description: 'A principal in system:masters is allowed everything before RBAC is consulted; deleting bindings does not remove it, and nothing audits it as a role.',
  remediation: 'Map the principal to a group bound to cluster-admin, or use an access entry with AmazonEKSClusterAdminPolicy, so access can be revoked.',
  run(ctx) {
    return ctx.mappings
      .filter((m) => m.groups.includes(SYSTEM_MASTERS))
      .map((m): ReviewFinding => {
        const holder = { kind: 'IAMPrincipal' as const, name: m.arn };
        const where = m.source === 'access-entry' ? `${m.object.kind} ${m.object.namespace}/${m.object.name} kubernetesGroups` : `ConfigMap kube-system/aws-auth ${m.source.split('/')[1]}`;
        const finding: ReviewFinding = {
          check: systemMastersMappingCheck.id,
          severity: 'critical',
          cluster: ctx.cluster,
          holder,
          principals: [],
          message: `${formatHolder(holder)} is mapped to ${SYSTEM_MASTERS}`,
          path: `${where} → Group ${SYSTEM_MASTERS} (bypasses RBAC)`,
          scope: '',
          key: `${systemMastersMappingCheck.id}|${m.source}|${m.arn}`,
        };
        if (m.origin) finding.origin = m.origin;
        return finding;
      });
  },
};
