import { clusterWide, permissionCheck } from '../permission-check.js';

/** Reading Secrets reads ServiceAccount tokens and credentials (KubiScan CRITICAL, rbac-police list_secrets). */
export const secretsReadCheck = permissionCheck({
  id: 'access/secrets-read',
  severity: 'high',
  title: 'read Secrets',
  description: 'get, list or watch on Secrets reads every credential and ServiceAccount token in scope; list and watch return values too.',
  remediation: 'Drop read access to Secrets, or limit get to named Secrets with resourceNames; mount what workloads need instead.',
  probes: [{ verbs: ['get', 'list', 'watch'], group: '', resources: ['secrets'] }],
  severityOf: (held) => (clusterWide(held) ? 'critical' : undefined),
});
