/** The escalation review on a fixture RBAC set: each check fires where it should, with path and estate line. */
import assert from 'node:assert/strict';
import * as nodeFs from 'node:fs';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { isObject } from '../../../src/core/json.js';
import { ClusterAccess } from '../../../src/access/eks/index.js';
import { formatHolder, REVIEW_CHECKS, reviewCluster, type ReviewFinding } from '../../../src/access/review/index.js';
import { parseDocuments } from '../../../src/yaml/parse.js';

const FILE = fileURLToPath(new URL('../../../../test/access/review/fixtures/risky.yaml', import.meta.url));

function load(): ClusterAccess {
  const docs = parseDocuments(nodeFs.readFileSync(FILE, 'utf8'), FILE);
  const inputs = docs.filter((d) => isObject(d.value)).map((d) => ({ object: d.value as never, origin: { file: FILE, line: d.line } }));
  return new ClusterAccess('prod', inputs);
}

const findings = reviewCluster(load());
const brief = (f: ReviewFinding): string => `${f.check} ${f.severity} ${formatHolder(f.holder)} via ${f.path}`;
const of = (check: string): string[] => findings.filter((f) => f.check === `access/${check}`).map(brief);

describe('escalation review', () => {
  // [check, expected findings (check severity holder via path), why]
  const rows: [string, string[], string][] = [
    ['escalate', ['access/escalate critical Group platform via ClusterRoleBinding role-admins → ClusterRole role-admin → rule 1'], 'escalate on clusterroles'],
    ['bind', ['access/bind high Group platform via ClusterRoleBinding role-admins → ClusterRole role-admin → rule 1'], 'bind on clusterroles'],
    ['impersonate', ['access/impersonate critical Group platform via ClusterRoleBinding role-admins → ClusterRole role-admin → rule 2'], 'impersonating users and groups is critical'],
    [
      'pod-exec',
      [
        'access/pod-exec high User dana via RoleBinding shop/debuggers → Role shop/debugger → rule 1',
        // get on * includes get pods/exec (exec over WebSockets): AdminViewPolicy is not read-only in effect.
        'access/pod-exec high IAM arn:aws:iam::111122223333:role/ops via AccessEntry kube-system/ops → AmazonEKSAdminViewPolicy (cluster scope)',
      ],
      'exec in a namespace; get on every resource includes exec',
    ],
    [
      'secrets-read',
      [
        'access/secrets-read critical ServiceAccount monitoring/agent via ClusterRoleBinding node-agent → ClusterRole node-agent → rule 2',
        'access/secrets-read high User dana via RoleBinding shop/debuggers → Role shop/debugger → rule 2',
        'access/secrets-read critical IAM arn:aws:iam::111122223333:role/ops via AccessEntry kube-system/ops → AmazonEKSAdminViewPolicy (cluster scope)',
      ].sort(),
      'cluster-wide secrets reads are critical; a named Secret still counts; access policies count',
    ],
    [
      'nodes-proxy',
      [
        'access/nodes-proxy critical ServiceAccount monitoring/agent via ClusterRoleBinding node-agent → ClusterRole node-agent → rule 1',
        'access/nodes-proxy critical IAM arn:aws:iam::111122223333:role/ops via AccessEntry kube-system/ops → AmazonEKSAdminViewPolicy (cluster scope)',
      ],
      'kubelet API, also through get on every resource',
    ],
    ['webhook-config', ['access/webhook-config high ServiceAccount shop/ci via RoleBinding shop/kitchen → ClusterRole kitchen-sink → rule 1'], 'webhook writes (SA namespace from the binding)'],
    ['csr-approval', ['access/csr-approval high ServiceAccount shop/ci via RoleBinding shop/kitchen → ClusterRole kitchen-sink → rules 2, 3'], 'approval + signers, one finding'],
    ['token-create', ['access/token-create high ServiceAccount shop/ci via RoleBinding shop/kitchen → ClusterRole kitchen-sink → rule 4'], 'TokenRequest'],
    ['workload-create', ['access/workload-create high ServiceAccount shop/ci via RoleBinding shop/kitchen → ClusterRole kitchen-sink → rule 5'], 'create apps/* workloads'],
    ['aws-auth-edit', ['access/aws-auth-edit critical Group identity-admins via RoleBinding kube-system/auth-editors → Role kube-system/auth-editor → rule 1'], 'only the kube-system binding, not the shop one'],
    [
      'system-masters-mapping',
      [
        'access/system-masters-mapping critical IAM arn:aws:iam::111122223333:role/breakglass via ConfigMap kube-system/aws-auth mapRoles → Group system:masters (bypasses RBAC)',
        'access/system-masters-mapping critical IAM arn:aws:iam::111122223333:role/ops via AccessEntry kube-system/ops kubernetesGroups → Group system:masters (bypasses RBAC)',
      ],
      'aws-auth and access entry kubernetesGroups',
    ],
    ['access-key-id-template', ['access/access-key-id-template high IAM arn:aws:iam::111122223333:role/legacy via ConfigMap kube-system/aws-auth mapRoles'], '{{AccessKeyID}} username'],
    [
      'wildcard',
      [
        'access/wildcard critical Group sre via ClusterRoleBinding sre-admin → ClusterRole cluster-admin → rules 1, 2',
        'access/wildcard medium ServiceAccount shop/ci via RoleBinding shop/kitchen → ClusterRole kitchen-sink → rule 5',
        'access/wildcard medium IAM arn:aws:iam::111122223333:role/ops via AccessEntry kube-system/ops → AmazonEKSAdminViewPolicy (cluster scope)',
      ],
      'cluster-admin is one wildcard finding',
    ],
  ];
  for (const [check, expected, why] of rows) {
    it(`${check}: ${why}`, () => assert.deepEqual(of(check).sort(), [...expected].sort()));
  }

  it('every check of the registry is exercised by the fixture', () => {
    const fired = new Set(findings.map((f) => f.check));
    assert.deepEqual(REVIEW_CHECKS.map((c) => c.id).filter((id) => !fired.has(id)), []);
  });

  it('view and the built-in bindings raise nothing; cluster-admin raises only the wildcard', () => {
    assert.equal(findings.filter((f) => f.path.includes('readers')).length, 0);
    assert.equal(findings.filter((f) => f.path.includes('system:basic-user') || f.path.includes('ClusterRoleBinding cluster-admin')).length, 0);
    assert.deepEqual([...new Set(findings.filter((f) => f.path.includes('sre-admin')).map((f) => f.check))], ['access/wildcard']);
  });

  it('findings point at the estate line of the binding (and of the role when elsewhere)', () => {
    const text = nodeFs.readFileSync(FILE, 'utf8').split('\n');
    const exec = findings.find((f) => f.check === 'access/pod-exec' && f.path.includes('debuggers'))!;
    assert.equal(exec.origin?.file, FILE);
    assert.equal(text[exec.origin!.line - 1], 'apiVersion: rbac.authorization.k8s.io/v1');
    assert.equal(text[exec.origin!.line], 'kind: RoleBinding');
    assert.ok(exec.roleOrigin && exec.roleOrigin.line < exec.origin!.line);
    const masters = findings.find((f) => f.check === 'access/system-masters-mapping' && f.path.startsWith('ConfigMap'))!;
    assert.equal(text[masters.origin!.line], 'kind: ConfigMap');
  });

  it('groups are shown with the IAM principals mapped into them', () => {
    const wildcard = findings.find((f) => f.check === 'access/wildcard' && f.path.includes('sre-admin'))!;
    assert.deepEqual(wildcard.principals, ['arn:aws:iam::111122223333:role/legacy']);
  });

  it('includeBuiltIn adds the default bindings', () => {
    const all = reviewCluster(load(), { includeBuiltIn: true });
    assert.ok(all.some((f) => f.path.startsWith('ClusterRoleBinding cluster-admin → ClusterRole cluster-admin')));
  });
});
