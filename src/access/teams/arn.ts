/**
 * IAM role ARNs as the estate writes them: `arn:<partition>:iam::<account>:role/<path/><name>`.
 * SSO permission-set roles live under `aws-reserved/sso.amazonaws.com/<region>/`.
 */
export interface RoleArn {
  partition: string;
  account: string;
  /** Between `role/` and the name, with slashes, e.g. `aws-reserved/sso.amazonaws.com/eu-west-1/`; '' for none. */
  path: string;
  name: string;
}

const ROLE_ARN = /^arn:(aws|aws-cn|aws-us-gov):iam::(\d{12}):role\/((?:[\x21-\x7e]+\/)*)([\w+=,.@-]{1,64})$/;
const SSO_PATH = /^aws-reserved\/sso\.amazonaws\.com\/(?:[a-z]{2}(?:-gov)?-[a-z]+-\d\/)?$/;
const SSO_NAME = /^AWSReservedSSO_(.+)_[0-9a-f]{16}$/;

/** The parts of a role ARN, or undefined when the text is not one. */
export function parseRoleArn(arn: string): RoleArn | undefined {
  const m = ROLE_ARN.exec(arn);
  if (!m) return undefined;
  const path = m[3]!;
  if (path.length > 512 || path.includes('//')) return undefined;
  return { partition: m[1]!, account: m[2]!, path, name: m[4]! };
}

/** Why `arn` is not a role ARN, for a diagnostic; undefined when it is one. */
export function roleArnProblem(arn: string): string | undefined {
  if (parseRoleArn(arn)) return undefined;
  if (/^arn:[^:]+:sts::/.test(arn)) return 'an STS session ARN cannot be mapped; use the role ARN (arn:aws:iam::ACCOUNT:role/NAME)';
  if (/^arn:[^:]+:iam::\d{12}:user\//.test(arn)) return 'a user ARN; teams map IAM roles (arn:aws:iam::ACCOUNT:role/NAME)';
  if (/^arn:[^:]+:iam::[^:]*:role\//.test(arn) && !/^arn:[^:]+:iam::\d{12}:/.test(arn)) return 'the account must be 12 digits';
  return 'expected arn:aws:iam::ACCOUNT:role/[PATH/]NAME';
}

/** An IAM Identity Center permission-set role (`AWSReservedSSO_<Set>_<hex>` under the aws-reserved path). */
export function isSsoRole(arn: string): boolean {
  const parsed = parseRoleArn(arn);
  return parsed !== undefined && SSO_PATH.test(parsed.path) && SSO_NAME.test(parsed.name);
}

/** The permission set's name of an SSO role (`AWSReservedSSO_IdentityDeveloper_0a1b…` → `IdentityDeveloper`). */
export function ssoPermissionSet(arn: string): string | undefined {
  const parsed = parseRoleArn(arn);
  return parsed ? SSO_NAME.exec(parsed.name)?.[1] : undefined;
}

/**
 * The ARN without its path, as aws-auth requires: aws-iam-authenticator
 * matches the role of the caller's assumed-role ARN, which carries no path.
 */
export function stripRolePath(arn: string): string {
  const parsed = parseRoleArn(arn);
  return parsed ? `arn:${parsed.partition}:iam::${parsed.account}:role/${parsed.name}` : arn;
}

export function roleNameOf(arn: string): string {
  return parseRoleArn(arn)?.name ?? arn;
}

export function accountOf(arn: string): string | undefined {
  return parseRoleArn(arn)?.account;
}
