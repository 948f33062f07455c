/** Every escalation check, in the order reports list them. */
import { accessKeyTemplateCheck } from './checks/access-key-template.js';
import { awsAuthEditCheck } from './checks/aws-auth-edit.js';
import { bindCheck } from './checks/bind.js';
import { csrApprovalCheck } from './checks/csr-approval.js';
import { escalateCheck } from './checks/escalate.js';
import { impersonateCheck } from './checks/impersonate.js';
import { nodesProxyCheck } from './checks/nodes-proxy.js';
import { podExecCheck } from './checks/pod-exec.js';
import { secretsReadCheck } from './checks/secrets-read.js';
import { systemMastersMappingCheck } from './checks/system-masters-mapping.js';
import { tokenCreateCheck } from './checks/token-create.js';
import { webhookConfigCheck } from './checks/webhook-config.js';
import { wildcardRulesCheck } from './checks/wildcard-rules.js';
import { workloadCreateCheck } from './checks/workload-create.js';
import type { ReviewCheck } from './types.js';

export const REVIEW_CHECKS: readonly ReviewCheck[] = [
  systemMastersMappingCheck,
  wildcardRulesCheck,
  escalateCheck,
  bindCheck,
  impersonateCheck,
  awsAuthEditCheck,
  nodesProxyCheck,
  secretsReadCheck,
  podExecCheck,
  workloadCreateCheck,
  tokenCreateCheck,
  csrApprovalCheck,
  webhookConfigCheck,
  accessKeyTemplateCheck,
];

export function checkById(id: string): ReviewCheck | undefined {
  return REVIEW_CHECKS.find((c) => c.id === id);
}
