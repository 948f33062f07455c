import { MemoryFileSystem } from '../../../src/fs/memory.js';
import { fileURLToPath } from 'node:url';

/** Source-tree paths (tests run from dist/, fixtures stay in test/). */
export const GOLDEN = fileURLToPath(new URL('../../../../test/access/generate/golden/', import.meta.url));
export const ACME = fileURLToPath(new URL('../../../../examples/acme-estate/', import.meta.url));

/** The day every fixture load is judged on: the identity on-call role is live, the old one expired. */
export const NOW = new Date('2026-11-23T12:00:00Z');

export const SSO_DEV = 'arn:aws:iam::111122223333:role/aws-reserved/sso.amazonaws.com/eu-west-1/AWSReservedSSO_IdentityDeveloper_0123456789abcdef';
export const SSO_ONCALL = 'arn:aws:iam::111122223333:role/aws-reserved/sso.amazonaws.com/eu-west-1/AWSReservedSSO_IdentityOnCall_fedcba9876543210';
export const CI_ROLE = 'arn:aws:iam::111122223333:role/ci/acme-deploy-identity';
export const PLATFORM_ADMIN = 'arn:aws:iam::111122223333:role/aws-reserved/sso.amazonaws.com/us-east-1/AWSReservedSSO_PlatformAdmin_00112233aabbccdd';
export const SRE_BREAK_GLASS = 'arn:aws:iam::111122223333:role/acme-sre-break-glass';
export const NODE_ROLE = 'arn:aws:iam::111122223333:role/eks/acme-node';

export function estateYaml(mode = 'both', extraAccess = ''): string {
  return `apiVersion: harbormaster.dev/v1alpha1
kind: Estate
metadata:
  name: acme
spec:
  defaults:
    kubernetesVersion: "1.30"
    addons:
      namespaces: v1
  environments:
    production: {}
    staging: {}
  access:
    eks:
      mode: ${mode}
      accountId: "111122223333"
      nodeRoles:
        - ${NODE_ROLE}
    platformAdmins:
      - ${PLATFORM_ADMIN}
    breakGlass:
      - roleArn: ${SRE_BREAK_GLASS}
        expires: "2026-12-31"
        reason: Cluster-wide incident response.
        systemMasters: true
    defaultLevel: view
${extraAccess}  clusters:
    - name: prod-eu-west-1
      region: eu-west-1
      environment: production
      wave: 1
      connection:
        sim: {}
    - name: staging-eu-west-1
      region: eu-west-1
      environment: staging
      wave: 0
      connection:
        sim: {}
`;
}

export const IDENTITY_TEAM = `apiVersion: harbormaster.dev/v1alpha1
kind: Team
metadata:
  name: identity
spec:
  description: Login verification.
  kubernetesGroup: acme:team:identity
  services: [auth-api]
  identities:
    - ${SSO_DEV}
    - ${CI_ROLE}
  access:
    production: deploy
    staging: edit
  breakGlass:
    - roleArn: ${SSO_ONCALL}
      level: admin
      expires: "2026-12-31"
      reason: On-call incident response.
    - roleArn: arn:aws:iam::111122223333:role/acme-identity-old-on-call
      level: admin
      expires: 2025-01-31
      reason: Replaced by the SSO on-call role.
`;

export const FRONTEND_TEAM = `apiVersion: harbormaster.dev/v1alpha1
kind: Team
metadata:
  name: frontend
spec:
  kubernetesGroup: acme:team:frontend
  services: [web, mailer]
  identities:
    - arn:aws:iam::111122223333:role/aws-reserved/sso.amazonaws.com/eu-west-1/AWSReservedSSO_FrontendDeveloper_a1b2c3d4e5f60718
  access:
    production: edit
`;

export function serviceYaml(name: string, owner: string, namespace: string, extra = ''): string {
  return `apiVersion: harbormaster.dev/v1alpha1
kind: Service
metadata:
  name: ${name}
spec:
  owner: ${owner}
  namespace: ${namespace}
${extra}`;
}

const SA = (name: string, annotation = ''): string => `apiVersion: v1
kind: ServiceAccount
metadata:
  name: ${name}
${annotation}`;

/**
 * A small estate with access: team identity owns auth-api (namespace auth,
 * created by an addon; IRSA on its own ServiceAccount, overridden in
 * prod-eu-west-1); team frontend owns web (pod identity, with a left-over IRSA
 * annotation) and mailer (IRSA, no ServiceAccount of its own), both in
 * namespace web, which nothing creates.
 */
export function accessEstateFiles(mode = 'both'): Record<string, string> {
  return {
    'harbormaster.yaml': estateYaml(mode),
    'teams/identity.yaml': IDENTITY_TEAM,
    'teams/frontend.yaml': FRONTEND_TEAM,
    'services/auth-api/service.yaml': serviceYaml('auth-api', 'identity', 'auth', `  workloadIdentity:
    roleArn: arn:aws:iam::111122223333:role/acme-auth-api
    mode: irsa
    overrides:
      prod-eu-west-1: arn:aws:iam::111122223333:role/acme-auth-api-eu
`),
    'services/auth-api/base/kustomization.yaml': 'resources: [sa.yaml]\n',
    'services/auth-api/base/sa.yaml': SA('auth-api'),
    'services/web/service.yaml': serviceYaml('web', 'frontend', 'web', `  workloadIdentity:
    roleArn: arn:aws:iam::111122223333:role/acme-web
    mode: pod-identity
`),
    'services/web/base/kustomization.yaml': 'resources: [sa.yaml]\n',
    'services/web/base/sa.yaml': SA('web', '  annotations:\n    eks.amazonaws.com/role-arn: arn:aws:iam::111122223333:role/acme-web-old\n    keep: "yes"\n'),
    'services/mailer/service.yaml': serviceYaml('mailer', 'frontend', 'web', `  workloadIdentity:
    roleArn: arn:aws:iam::111122223333:role/acme-mailer
    mode: irsa
    serviceAccount: mailer-sa
`),
    'services/mailer/base/kustomization.yaml': 'resources: [cm.yaml]\n',
    'services/mailer/base/cm.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: mailer\ndata:\n  FROM: noreply@acme.example\n',
    'addons/namespaces/v1/kustomization.yaml': 'resources: [ns.yaml]\n',
    'addons/namespaces/v1/ns.yaml': 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: auth\n',
  };
}

/** The files at /estate in memory; `overrides` replaces (or with null removes) files by relative path. */
export function accessEstate(overrides: Record<string, string | null> = {}, mode = 'both'): MemoryFileSystem {
  const fs = new MemoryFileSystem();
  const all: Record<string, string | null> = { ...accessEstateFiles(mode), ...overrides };
  for (const [path, text] of Object.entries(all)) if (text !== null) fs.write(`/estate/${path}`, text);
  return fs;
}
