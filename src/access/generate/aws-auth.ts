import { stringifyDocument } from '../../yaml/index.js';
import { AWS_AUTH_NAME, AWS_AUTH_NAMESPACE, NODE_GROUPS, NODE_USERNAME, type MapRole } from '../model.js';
import { stripRolePath } from '../teams/arn.js';
import { eksPrincipals } from './eks-principals.js';
import type { Generator } from './input.js';
import { meta } from './meta.js';

const NAME = 'aws-auth';

/**
 * The legacy kube-system/aws-auth ConfigMap: node roles first (so nodes keep
 * joining once this replaces the ConfigMap EKS made), then the same principals
 * as the access entries. Role ARNs lose their path, SSO's
 * `aws-reserved/sso.amazonaws.com/<region>/` included: aws-iam-authenticator
 * compares against the assumed-role ARN, which has none.
 */
export const awsAuth: Generator = {
  name: NAME,
  generate(ctx) {
    if (!ctx.awsAuth) return [];
    const { config } = ctx.input;
    const mapRoles: MapRole[] = config.eks.nodeRoles.map((arn) => ({ rolearn: stripRolePath(arn), username: NODE_USERNAME, groups: [...NODE_GROUPS] }));
    for (const p of eksPrincipals(ctx)) mapRoles.push({ rolearn: stripRolePath(p.roleArn), username: p.username, groups: p.awsAuthGroups });
    const object = {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: meta(AWS_AUTH_NAME, { generator: NAME, namespace: AWS_AUTH_NAMESPACE }),
      data: { mapRoles: mapRoles.length > 0 ? stringifyDocument(mapRoles.map((r) => ({ ...r }))) : '[]\n' },
    };
    return [{ at: config.at, object }];
  },
};
