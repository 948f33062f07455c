import { AWS_AUTH_NAME, AWS_AUTH_NAMESPACE } from '../../model.js';
import { permissionCheck } from '../permission-check.js';

/** Editing kube-system/aws-auth remaps any IAM role to any group, system:masters included (rbac-police eks_modify_aws_auth). */
export const awsAuthEditCheck = permissionCheck({
  id: 'access/aws-auth-edit',
  severity: 'critical',
  title: 'edit the aws-auth ConfigMap',
  description: 'update or patch on ConfigMaps in kube-system (all of them, or aws-auth by name) lets the holder map any IAM principal into system:masters.',
  remediation: 'Move to EKS access entries, and keep ConfigMap writes in kube-system to the platform team.',
  probes: [{ verbs: ['update', 'patch'], group: '', resources: ['configmaps'], name: AWS_AUTH_NAME }],
  where: (held) => held.scope === '' || held.scope.split(',').includes(AWS_AUTH_NAMESPACE),
});
