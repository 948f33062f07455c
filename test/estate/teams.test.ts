import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DiagnosticError, type Diagnostic } from '../../src/core/diagnostic.js';
import { EstateCode } from '../../src/estate/codes.js';
import { loadEstate } from '../../src/estate/load.js';
import type { MemoryFileSystem } from '../../src/fs/memory.js';
import { accessEstate, CI_ROLE, estateYaml, FRONTEND_TEAM, IDENTITY_TEAM, NOW, serviceYaml, SSO_DEV } from '../access/generate/fixture.js';
import { edit, lineOf } from './helpers.js';

const TEAM = '/estate/teams/identity.yaml';

function load(fs: MemoryFileSystem, now = NOW) {
  return loadEstate(fs, '/estate', { now });
}

function problems(overrides: Record<string, string | null>): Diagnostic[] {
  try {
    load(accessEstate(overrides));
    return [];
  } catch (err) {
    if (err instanceof DiagnosticError) return err.diagnostics;
    throw err;
  }
}

/** [code, file, line] of each problem, in report order. */
function where(list: Diagnostic[]): [string, string, number][] {
  return list.map((d) => [d.code, d.file ?? '', d.line ?? 0]);
}

describe('teams: a valid estate with spec.access', () => {
  it('reads teams, identities with their lines, levels, break-glass and the access config', () => {
    const estate = load(accessEstate());
    assert.deepEqual([...estate.teams.keys()], ['frontend', 'identity']);
    const identity = estate.teams.get('identity')!;
    assert.equal(identity.kubernetesGroup, 'acme:team:identity');
    assert.deepEqual(identity.services, ['auth-api']);
    assert.deepEqual(identity.access, { production: 'deploy', staging: 'edit' });
    assert.deepEqual(identity.identities, [
      { roleArn: SSO_DEV, at: { file: TEAM, line: lineOf(IDENTITY_TEAM, SSO_DEV) } },
      { roleArn: CI_ROLE, at: { file: TEAM, line: lineOf(IDENTITY_TEAM, CI_ROLE) } },
    ]);
    // Quoted and unquoted (YAML timestamp) dates read the same.
    assert.deepEqual(identity.breakGlass.map((b) => [b.level, b.expires]), [['admin', '2026-12-31'], ['admin', '2025-01-31']]);
    assert.equal(estate.access?.eks.mode, 'both');
    assert.equal(estate.access?.eks.namespace, 'kube-system');
    assert.equal(estate.access?.defaultLevel, 'view');
    assert.equal(estate.access?.asOf, '2026-11-23');
    assert.deepEqual(estate.access?.breakGlass.map((b) => b.systemMasters), [true]);
    const wi = estate.services.get('mailer')!.workloadIdentity!;
    assert.deepEqual([wi.mode, wi.serviceAccount, wi.roleArn], ['irsa', 'mailer-sa', 'arn:aws:iam::111122223333:role/acme-mailer']);
    assert.equal(estate.services.get('web')!.workloadIdentity!.serviceAccount, 'web', 'defaults to the service name');
  });

  it('without spec.access, teams/ stays reserved: any parseable YAML, no teams read', () => {
    const plain = edit(estateYaml(), estateYaml().slice(estateYaml().indexOf('  access:'), estateYaml().indexOf('  clusters:')), '');
    const estate = load(accessEstate({ 'harbormaster.yaml': plain, 'teams/identity.yaml': 'name: identity\nmembers: [ana]\n', 'teams/frontend.yaml': null }));
    assert.equal(estate.teams.size, 0);
    assert.equal(estate.access, undefined);
  });
});

describe('teams: expiry', () => {
  it('an expired break-glass role is a warning at its entry, valid through its last day', () => {
    const line = lineOf(IDENTITY_TEAM, 'acme-identity-old-on-call');
    const warnings = load(accessEstate()).warnings;
    assert.deepEqual(where(warnings), [[EstateCode.BreakGlassExpired, TEAM, line]]);
    assert.equal(load(accessEstate(), new Date('2026-12-31T23:59:59Z')).warnings.length, 1, 'still valid on 2026-12-31');
    assert.equal(load(accessEstate(), new Date('2027-01-01T00:00:00Z')).warnings.length, 3, 'both team and platform roles expire');
  });

  it('a break-glass role without expiry is an error; so is a date that is not one', () => {
    const noExpiry = edit(IDENTITY_TEAM, '      expires: "2026-12-31"\n', '');
    assert.deepEqual(where(problems({ 'teams/identity.yaml': noExpiry })), [[EstateCode.MissingField, TEAM, lineOf(noExpiry, SSO_ONCALL_MARKER)]]);
    const badDate = edit(IDENTITY_TEAM, '"2026-12-31"', '"2026-02-30"');
    assert.deepEqual(where(problems({ 'teams/identity.yaml': badDate })), [[EstateCode.BadDate, TEAM, lineOf(badDate, '2026-02-30')]]);
  });
});

const SSO_ONCALL_MARKER = 'AWSReservedSSO_IdentityOnCall';

describe('teams: shape problems, all at once, with lines and suggestions', () => {
  it('unknown fields, a bad level and a reserved group in one file', () => {
    let text = edit(IDENTITY_TEAM, '  identities:', '  identites:');
    text = edit(text, 'production: deploy', 'production: deplyo');
    text = edit(text, 'kubernetesGroup: acme:team:identity', 'kubernetesGroup: system:masters');
    text = edit(text, '      level: admin\n      expires: "2026-12-31"', '      level: admin\n      expires: "2026-12-31"\n      rolearn: x');
    const found = problems({ 'teams/identity.yaml': text });
    assert.deepEqual(
      found.map((d) => [d.code, d.line]),
      [
        [EstateCode.BadGroup, lineOf(text, 'system:masters')],
        [EstateCode.UnknownField, lineOf(text, 'identites')],
        [EstateCode.BadValue, lineOf(text, 'deplyo')],
        [EstateCode.UnknownField, lineOf(text, 'rolearn: x')],
      ],
    );
    assert.equal(found[1]!.hint, 'did you mean identities?');
    assert.equal(found[2]!.hint, 'did you mean deploy?');
    assert.equal(found[3]!.hint, 'did you mean roleArn?');
  });

  it('ESTATE_TEAM_NAME_MISMATCH when metadata.name differs from the file name', () => {
    const text = IDENTITY_TEAM.replace('name: identity', 'name: identty');
    assert.deepEqual(where(problems({ 'teams/identity.yaml': text, 'services/auth-api/service.yaml': serviceYaml('auth-api', 'identty', 'auth') })).slice(0, 1), [
      [EstateCode.TeamNameMismatch, TEAM, 4],
    ]);
  });

  it('ESTATE_BAD_ARN for malformed role ARNs: STS sessions, users, short accounts', () => {
    for (const arn of ['arn:aws:sts::111122223333:assumed-role/x/y', 'arn:aws:iam::111122223333:user/bob', 'arn:aws:iam::1111:role/x', 'role/x']) {
      const text = edit(IDENTITY_TEAM, `    - ${CI_ROLE}`, `    - ${arn}`);
      assert.deepEqual(where(problems({ 'teams/identity.yaml': text })), [[EstateCode.BadArn, TEAM, lineOf(text, arn)]], arn);
    }
  });

  it('spec.access: an unquoted account ID is a type error that says to quote it; systemMasters must be a boolean', () => {
    let text = edit(estateYaml(), 'accountId: "111122223333"', 'accountId: 111122223333');
    text = edit(text, 'systemMasters: true', 'systemMasters: "yes"');
    const found = problems({ 'harbormaster.yaml': text });
    assert.deepEqual(found.map((d) => [d.code, d.line]), [
      [EstateCode.BadType, lineOf(text, 'accountId')],
      [EstateCode.BadType, lineOf(text, 'systemMasters')],
    ]);
    assert.match(found[0]!.hint ?? '', /quote/);
  });

  it('spec.access.eks.mode must be one of the three modes', () => {
    const text = edit(estateYaml(), 'mode: both', 'mode: config-map');
    const [p] = problems({ 'harbormaster.yaml': text });
    assert.deepEqual([p!.code, p!.line], [EstateCode.BadValue, lineOf(text, 'config-map')]);
  });
});

describe('teams: ownership cross-checked with service.yaml', () => {
  it('a service whose owner team does not list it: error at its spec.owner line', () => {
    const team = edit(FRONTEND_TEAM, 'services: [web, mailer]', 'services: [web]');
    const found = problems({ 'teams/frontend.yaml': team });
    assert.deepEqual(where(found), [[EstateCode.ServiceNotListed, '/estate/services/mailer/service.yaml', 6]]);
    assert.match(found[0]!.hint ?? '', /teams\/frontend\.yaml/);
  });

  it('a team listing a service it does not own: error at the list entry', () => {
    const team = edit(FRONTEND_TEAM, 'services: [web, mailer]', 'services: [web, mailer, auth-api]');
    assert.deepEqual(where(problems({ 'teams/frontend.yaml': team })), [[EstateCode.TeamNotOwner, '/estate/teams/frontend.yaml', lineOf(team, 'auth-api')]]);
  });

  it('a team listing a service that does not exist: unknown service, with a suggestion', () => {
    const team = edit(FRONTEND_TEAM, 'services: [web, mailer]', 'services: [web, mailer, mailr]');
    const [p] = problems({ 'teams/frontend.yaml': team });
    assert.deepEqual([p!.code, p!.hint], [EstateCode.UnknownService, 'did you mean mailer?']);
  });

  it('a service with no owner, or an owner that is no team: ESTATE_SERVICE_NO_OWNER with a suggestion', () => {
    const noOwner = serviceYaml('mailer', '""', 'web');
    const typo = serviceYaml('mailer', 'frontnd', 'web');
    const a = problems({ 'services/mailer/service.yaml': noOwner });
    const b = problems({ 'services/mailer/service.yaml': typo });
    assert.deepEqual(where(a).find(([code]) => code === EstateCode.ServiceNoOwner), [EstateCode.ServiceNoOwner, '/estate/services/mailer/service.yaml', 6]);
    assert.equal(b.find((d) => d.code === EstateCode.ServiceNoOwner)?.hint, 'did you mean frontend?');
    // The team that lists it is told too: it is not the owner.
    assert.ok(b.some((d) => d.code === EstateCode.TeamNotOwner));
  });
});

describe('teams: cross-file checks', () => {
  it('an access environment that does not exist', () => {
    const text = edit(IDENTITY_TEAM, 'staging: edit', 'stagin: edit');
    const [p] = problems({ 'teams/identity.yaml': text });
    assert.deepEqual([p!.code, p!.line, p!.hint], [EstateCode.UnknownEnvironment, lineOf(text, 'stagin'), 'did you mean staging?']);
  });

  it('one role mapped twice (across teams or as its own break-glass) and one group for two teams', () => {
    const team = edit(edit(FRONTEND_TEAM, 'kubernetesGroup: acme:team:frontend', 'kubernetesGroup: acme:team:identity'), '  access:', `    - ${CI_ROLE}\n  access:`);
    const found = problems({ 'teams/frontend.yaml': team });
    assert.deepEqual(where(found), [
      [EstateCode.DuplicateGroup, '/estate/teams/identity.yaml', lineOf(IDENTITY_TEAM, 'kubernetesGroup')],
      [EstateCode.DuplicateIdentity, TEAM, lineOf(IDENTITY_TEAM, CI_ROLE)],
    ]);
    assert.match(found[1]!.hint ?? '', /frontend\.yaml:\d+/);
  });

  it('aws-auth modes: two paths to one role name collide (aws-auth matches without the path); access entries keep them apart', () => {
    const other = 'arn:aws:iam::111122223333:role/other/acme-deploy-identity';
    const team = edit(FRONTEND_TEAM, '  access:', `    - ${other}\n  access:`);
    assert.deepEqual(where(problems({ 'teams/frontend.yaml': team })), [[EstateCode.DuplicateIdentity, TEAM, lineOf(IDENTITY_TEAM, CI_ROLE)]]);
    const entriesOnly = loadEstate(accessEstate({ 'teams/frontend.yaml': team }, 'access-entries'), '/estate', { now: NOW });
    assert.equal(entriesOnly.teams.get('frontend')!.identities.length, 2);
  });

  it('workload identity: an override key that is no region or cluster; one ServiceAccount, two roles', () => {
    const svc = serviceYaml('web', 'frontend', 'web', '  workloadIdentity:\n    roleArn: arn:aws:iam::111122223333:role/acme-web\n    mode: pod-identity\n    serviceAccount: mailer-sa\n    overrides:\n      eu-wset-1: arn:aws:iam::111122223333:role/acme-web-eu\n');
    const found = problems({ 'services/web/service.yaml': svc });
    assert.deepEqual(found.map((d) => [d.code, d.file, d.line]), [
      [EstateCode.DuplicateServiceAccount, '/estate/services/web/service.yaml', lineOf(svc, 'serviceAccount')],
      [EstateCode.BadValue, '/estate/services/web/service.yaml', lineOf(svc, 'eu-wset-1')],
    ]);
    assert.equal(found[1]!.hint, 'did you mean eu-west-1?');
  });

  it("a cluster's eks block: EKS's name rule, and aws-auth without node roles located at the cluster's mode", () => {
    const fleet = edit(estateYaml('access-entries'), `      nodeRoles:\n        - arn:aws:iam::111122223333:role/eks/acme-node\n`, '');
    const text = fleet.replace('      wave: 1\n', '      wave: 1\n      eks:\n        clusterName: -dublin\n        mode: aws-auth\n');
    assert.deepEqual(where(problems({ 'harbormaster.yaml': text })), [[EstateCode.BadName, '/estate/harbormaster.yaml', lineOf(text, '-dublin')]]);
    const valid = text.replace('-dublin', 'acme_dublin-1');
    const warnings = load(accessEstate({ 'harbormaster.yaml': valid })).warnings.filter((w) => w.code === EstateCode.AwsAuthNoNodeRoles);
    assert.deepEqual(where(warnings), [[EstateCode.AwsAuthNoNodeRoles, '/estate/harbormaster.yaml', lineOf(valid, 'mode: aws-auth')]]);
  });

  it('warnings: a role in another account; aws-auth without node roles', () => {
    const foreign = 'arn:aws:iam::999988887777:role/partner-deploy';
    const team = edit(FRONTEND_TEAM, '  access:', `    - ${foreign}\n  access:`);
    const text = edit(estateYaml('aws-auth'), `      nodeRoles:\n        - arn:aws:iam::111122223333:role/eks/acme-node\n`, '');
    const warnings = load(accessEstate({ 'teams/frontend.yaml': team, 'harbormaster.yaml': text })).warnings;
    assert.deepEqual(warnings.map((w) => w.code).sort(), [EstateCode.AwsAuthNoNodeRoles, EstateCode.BreakGlassExpired, EstateCode.ForeignAccount]);
  });
});
