import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { dnsSafeName, isExpired, isSsoRole, normaliseDate, parseRoleArn, roleArnProblem, ssoPermissionSet, stripRolePath } from '../../../src/access/teams/index.js';

const SSO = 'arn:aws:iam::111122223333:role/aws-reserved/sso.amazonaws.com/eu-west-1/AWSReservedSSO_IdentityDeveloper_0123456789abcdef';

describe('role ARNs', () => {
  it('parses partition, account, path and name', () => {
    assert.deepEqual(parseRoleArn(SSO), { partition: 'aws', account: '111122223333', path: 'aws-reserved/sso.amazonaws.com/eu-west-1/', name: 'AWSReservedSSO_IdentityDeveloper_0123456789abcdef' });
    assert.deepEqual(parseRoleArn('arn:aws-us-gov:iam::111122223333:role/deploy'), { partition: 'aws-us-gov', account: '111122223333', path: '', name: 'deploy' });
  });

  it('strips every path for aws-auth, SSO and others alike; path-less ARNs stay as they are', () => {
    const table: [string, string][] = [
      [SSO, 'arn:aws:iam::111122223333:role/AWSReservedSSO_IdentityDeveloper_0123456789abcdef'],
      ['arn:aws:iam::111122223333:role/aws-reserved/sso.amazonaws.com/AWSReservedSSO_Old_0123456789abcdef', 'arn:aws:iam::111122223333:role/AWSReservedSSO_Old_0123456789abcdef'],
      ['arn:aws:iam::111122223333:role/ci/deploy/acme-deploy', 'arn:aws:iam::111122223333:role/acme-deploy'],
      ['arn:aws:iam::111122223333:role/acme-deploy', 'arn:aws:iam::111122223333:role/acme-deploy'],
    ];
    for (const [arn, stripped] of table) assert.equal(stripRolePath(arn), stripped, arn);
  });

  it('recognises SSO permission-set roles and names their set', () => {
    assert.equal(isSsoRole(SSO), true);
    assert.equal(ssoPermissionSet(SSO), 'IdentityDeveloper');
    assert.equal(isSsoRole('arn:aws:iam::111122223333:role/AWSReservedSSO_IdentityDeveloper_0123456789abcdef'), false, 'without its reserved path');
    assert.equal(isSsoRole('arn:aws:iam::111122223333:role/ci/deploy'), false);
  });

  it('says why a text is not a role ARN', () => {
    assert.equal(roleArnProblem(SSO), undefined);
    assert.match(roleArnProblem('arn:aws:sts::111122223333:assumed-role/r/s')!, /STS session/);
    assert.match(roleArnProblem('arn:aws:iam::111122223333:user/bob')!, /user ARN/);
    assert.match(roleArnProblem('arn:aws:iam::11112222333:role/x')!, /12 digits/);
    assert.match(roleArnProblem('arn:aws:iam::111122223333:role/a//b')!, /expected/);
    assert.match(roleArnProblem('role/x')!, /expected/);
  });
});

describe('expiry dates', () => {
  it('accepts YYYY-MM-DD and the YAML timestamp form, refuses impossible days', () => {
    assert.equal(normaliseDate('2026-12-31'), '2026-12-31');
    assert.equal(normaliseDate('2026-12-31T00:00:00Z'), '2026-12-31');
    assert.equal(normaliseDate('2026-02-29'), undefined);
    assert.equal(normaliseDate('31/12/2026'), undefined);
  });

  it('valid through the last day, expired the day after', () => {
    assert.equal(isExpired('2026-12-31', '2026-12-31'), false);
    assert.equal(isExpired('2026-12-31', '2027-01-01'), true);
  });
});

describe('object names from role names', () => {
  it('lowercase DNS names of at most 63 characters, long ones kept apart by a hash', () => {
    assert.equal(dnsSafeName('hm', 'identity', 'AWSReservedSSO_Dev_0a'), 'hm-identity-awsreservedsso-dev-0a');
    const a = dnsSafeName('hm', 'identity', 'break-glass', 'AWSReservedSSO_IdentityOnCallEngineers_0123456789abcdef');
    const b = dnsSafeName('hm', 'identity', 'break-glass', 'AWSReservedSSO_IdentityOnCallEngineers_fedcba9876543210');
    assert.ok(a.length <= 63 && b.length <= 63);
    assert.notEqual(a, b);
    assert.match(a, /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/);
  });
});
