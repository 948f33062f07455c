/**
 * A small verify report shared by the report tests: two clusters, an error
 * in both, a warning in one, an info, a waived finding and three waivers
 * (used, unused, expired).
 */
import { Resource } from '../../src/core/resource.js';
import { MemoryFileSystem } from '../../src/fs/memory.js';
import { verifyFleet } from '../../src/verify/engine.js';
import { findingFor } from '../../src/verify/finding.js';
import { reportFromFleet, type VerifyReport } from '../../src/verify/report/index.js';
import type { Rule } from '../../src/verify/rule.js';
import { parseWaivers } from '../../src/verify/waivers/index.js';
import { parseDocuments } from '../../src/yaml/parse.js';

export const ROOT = '/repo';

const WAIVERS = `apiVersion: harbormaster.dev/v1alpha1
kind: Waivers
waivers:
  - id: legacy-admin
    rule: test/rbac
    resource: { kind: ClusterRoleBinding, name: "legacy:*" }
    reason: removal planned for Q1 <2027>
    owner: team-sre
    expires: "2027-03-31"
  - id: stale
    rule: test/none
    resource: { name: "*" }
    reason: nothing left to waive
    owner: team-a
    expires: "2027-03-31"
  - id: old
    rule: test/none
    resource: { name: "*" }
    reason: expired
    owner: team-b
    expires: "2020-01-01"
`;

const TEST_RULE: Rule = {
  id: 'test',
  category: 'test',
  severity: 'warning',
  description: 'Test rules over a few kinds.',
  check(resource, context) {
    const out = [];
    const make = (ruleId: string, severity: 'error' | 'warning' | 'info', path: (string | number)[], message: string, remediation: string) =>
      findingFor(resource, { ruleId, severity, category: 'test', path, message, remediation });
    if (resource.kind === 'Deployment') out.push(make('test/privileged', 'error', ['spec', 'template', 'spec', 'containers', 0, 'securityContext'], 'container "app" is "privileged" & <root>', 'Drop privileged.'));
    if (resource.kind === 'Deployment' && context.clusterName === 'prod-b') out.push(make('test/replicas', 'warning', ['spec', 'replicas'], 'one replica', 'Run at least two.'));
    if (resource.kind === 'Service') out.push(make('test/labels', 'info', ['metadata'], 'no team label', 'Add acme.io/team.'));
    if (resource.kind === 'ClusterRoleBinding') out.push(make('test/rbac', 'error', ['roleRef', 'name'], 'grants cluster-admin', 'Bind a narrower role.'));
    return out;
  },
};

export function sampleFs(): MemoryFileSystem {
  const fs = new MemoryFileSystem();
  fs.write('/repo/estate/app/deployment.yaml', `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  namespace: shop
spec:
  replicas: 1
  template:
    spec:
      containers:
        - name: app
          image: nginx:1.27
          securityContext:
            privileged: true
`);
  fs.write('/repo/estate/app/service.yaml', 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\n  namespace: shop\nspec:\n  ports: [{ port: 80 }]\n');
  fs.write('/repo/estate/rbac.yaml', 'apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRoleBinding\nmetadata:\n  name: legacy:admin\nroleRef:\n  name: cluster-admin\n');
  fs.write('/repo/estate/policies/waivers.yaml', WAIVERS);
  return fs;
}

function resources(fs: MemoryFileSystem): Resource[] {
  const load = (file: string): Resource => {
    const doc = parseDocuments(fs.readText(file), file)[0]!;
    return new Resource(doc.value as never, { file, line: doc.line });
  };
  return [load('/repo/estate/app/deployment.yaml'), load('/repo/estate/app/service.yaml'), load('/repo/estate/rbac.yaml')];
}

export function sampleReport(fs = sampleFs()): VerifyReport {
  const file = '/repo/estate/policies/waivers.yaml';
  const { waivers } = parseWaivers(file, parseDocuments(fs.readText(file), file));
  const today = '2026-11-23';
  const fleet = verifyFleet(
    [
      { cluster: 'prod-a', resources: resources(fs) },
      { cluster: 'prod-b', resources: resources(fs) },
    ],
    { fs, rules: [TEST_RULE], waivers, today },
  );
  return reportFromFleet(fleet, { toolVersion: '0.1.0', root: ROOT, rules: [TEST_RULE], waivers, today });
}

/** The same report for a plain-file run: no clusters, nothing found. */
export function emptyReport(): VerifyReport {
  return reportFromFleet(
    { clusters: [], findings: [], waived: [], waiversUsed: [], resources: [], diagnostics: [] },
    { toolVersion: '0.1.0', root: ROOT, rules: [TEST_RULE], waivers: [], today: '2026-11-23' },
  );
}
