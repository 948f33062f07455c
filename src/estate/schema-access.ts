import { ACCESS_LEVELS } from '../access/model.js';
import { normaliseDate, roleArnProblem } from '../access/teams/index.js';
import { EstateCode } from './codes.js';
import type { Field, Problem, Shape } from './shape.js';

/**
 * The shapes of access: teams/<team>.yaml, harbormaster.yaml `spec.access`
 * and service.yaml `spec.workloadIdentity`. Cross-file checks (ownership,
 * duplicate identities, environments) are in load-teams.ts.
 */

// schema.ts imports this module, so nothing here imports schema.ts (no cycle): the version and the name check are restated.
const TEAM_API_VERSION = 'harbormaster.dev/v1alpha1';

function dnsLabelProblem(name: string): Problem | undefined {
  if (name.length <= 63 && /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/.test(name)) return undefined;
  return { code: EstateCode.BadName, message: `${JSON.stringify(name)} is not a DNS label`, hint: 'use at most 63 lowercase letters, digits and "-"' };
}

const dnsName: Shape = { type: 'string', code: EstateCode.BadName, check: dnsLabelProblem };
const text: Shape = { type: 'string' };
const nonEmpty: Shape = {
  type: 'string',
  check: (v) => (v.trim() === '' ? { code: EstateCode.BadValue, message: 'must not be empty' } : undefined),
};

export const roleArn: Shape = {
  type: 'string',
  code: EstateCode.BadArn,
  check: (v) => {
    const why = roleArnProblem(v);
    return why ? { code: EstateCode.BadArn, message: `${JSON.stringify(v)} is not an IAM role ARN: ${why}` } : undefined;
  },
};

const level: Shape = { type: 'enum', code: EstateCode.BadValue, values: ACCESS_LEVELS };

const expiry: Shape = {
  type: 'string',
  code: EstateCode.BadDate,
  hint: 'write the last valid day as "YYYY-MM-DD"',
  check: (v) => (normaliseDate(v) ? undefined : { code: EstateCode.BadDate, message: `${JSON.stringify(v)} is not a date`, hint: 'write the last valid day as "YYYY-MM-DD", e.g. "2026-12-31"' }),
};

/** Kubernetes groups EKS and the API server reserve; mapping a team there would grant more than RBAC says. */
const RESERVED_GROUP_PREFIXES = ['system:', 'eks:', 'aws:', 'amazon:', 'iam:'];

function groupProblem(group: string): Problem | undefined {
  if (group.trim() === '') return { code: EstateCode.BadValue, message: 'must not be empty' };
  const reserved = RESERVED_GROUP_PREFIXES.find((p) => group.startsWith(p));
  if (reserved) return { code: EstateCode.BadGroup, message: `group ${JSON.stringify(group)} uses the reserved prefix ${reserved}`, hint: 'use a name of your own, e.g. acme:team:<team>' };
  return undefined;
}

const breakGlass: Shape = {
  type: 'object',
  fields: {
    roleArn: { shape: roleArn, required: true },
    level: { shape: level, required: true },
    expires: { shape: expiry, required: true },
    reason: { shape: nonEmpty, required: true },
  },
};

const header: Record<string, Field> = {
  apiVersion: { shape: { type: 'enum', code: EstateCode.BadApiVersion, values: [TEAM_API_VERSION] }, required: true },
  kind: { shape: { type: 'enum', code: EstateCode.BadKind, values: ['Team'] }, required: true },
  metadata: { shape: { type: 'object', fields: { name: { shape: dnsName, required: true } } }, required: true },
};

/** teams/<team>.yaml. */
export const teamShape: Shape = {
  type: 'object',
  fields: {
    ...header,
    spec: {
      required: true,
      shape: {
        type: 'object',
        fields: {
          description: { shape: text },
          kubernetesGroup: { shape: { type: 'string', check: groupProblem }, required: true },
          contacts: { shape: { type: 'map', values: text } },
          services: { shape: { type: 'list', items: dnsName } },
          identities: { shape: { type: 'list', items: roleArn } },
          access: { shape: { type: 'map', values: level } },
          breakGlass: { shape: { type: 'list', items: breakGlass } },
        },
      },
    },
  },
};

const accountId: Shape = {
  type: 'string',
  check: (v) => (/^\d{12}$/.test(v) ? undefined : { code: EstateCode.BadValue, message: `${JSON.stringify(v)} is not a 12-digit AWS account ID` }),
};

const platformBreakGlass: Shape = {
  type: 'object',
  fields: {
    roleArn: { shape: roleArn, required: true },
    expires: { shape: expiry, required: true },
    reason: { shape: nonEmpty, required: true },
    // The shape language has no booleans; load-teams.ts checks the type.
    systemMasters: { shape: { type: 'any' } },
  },
};

const eksMode: Shape = { type: 'enum', code: EstateCode.BadValue, values: ['access-entries', 'aws-auth', 'both'] };

/** EKS's own rule for cluster names: 1–100 letters, digits, "-" and "_", starting with a letter or digit. */
const eksClusterName: Shape = {
  type: 'string',
  code: EstateCode.BadName,
  check: (v) =>
    /^[0-9A-Za-z][A-Za-z0-9_-]{0,99}$/.test(v)
      ? undefined
      : { code: EstateCode.BadName, message: `${JSON.stringify(v)} is not an EKS cluster name`, hint: 'EKS names have 1–100 letters, digits, "-" and "_", starting with a letter or digit' },
};

/** harbormaster.yaml `spec.clusters[].eks`: what differs on this cluster from spec.access.eks. */
export const clusterEksShape: Shape = {
  type: 'object',
  fields: {
    clusterName: { shape: eksClusterName },
    mode: { shape: eksMode },
  },
};

/** harbormaster.yaml `spec.access`. */
export const accessShape: Shape = {
  type: 'object',
  fields: {
    eks: {
      required: true,
      shape: {
        type: 'object',
        fields: {
          mode: { shape: eksMode, required: true },
          accountId: { shape: accountId, required: true },
          namespace: { shape: dnsName },
          nodeRoles: { shape: { type: 'list', items: roleArn } },
        },
      },
    },
    platformAdmins: { shape: { type: 'list', items: roleArn } },
    breakGlass: { shape: { type: 'list', items: platformBreakGlass } },
    defaultLevel: { shape: level },
  },
};

/** service.yaml `spec.workloadIdentity`. */
export const workloadIdentityShape: Shape = {
  type: 'object',
  fields: {
    roleArn: { shape: roleArn, required: true },
    mode: { shape: { type: 'enum', code: EstateCode.BadValue, values: ['irsa', 'pod-identity'] }, required: true },
    serviceAccount: { shape: dnsName },
    overrides: { shape: { type: 'map', values: roleArn } },
  },
};
