import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { clusterNeeds, GENERATORS, generateClusterAccess } from '../../../src/access/generate/index.js';
import { ACCESS_LEVELS, CLUSTER_ADMIN_POLICY_ARN, type AccessLevel, type MapRole } from '../../../src/access/model.js';
import { levelsUpTo } from '../../../src/access/teams/levels.js';
import type { JsonObject } from '../../../src/core/json.js';
import { parseDocuments } from '../../../src/yaml/index.js';
import { loadEstate } from '../../../src/estate/load.js';
import { accessEstate, CI_ROLE, estateYaml, NOW, PLATFORM_ADMIN, SRE_BREAK_GLASS, SSO_DEV, SSO_ONCALL } from './fixture.js';
import { fixtureEstate, generate, inputFor, named, nameOf, objects } from './helpers.js';

const estate = fixtureEstate();

/** Every (apiGroup, resource, verb) a level grants, from the rules ClusterRoles it aggregates. */
function grants(level: AccessLevel): Set<string> {
  const access = generate(estate, 'prod-eu-west-1');
  const out = new Set<string>();
  const rules = levelsUpTo(level).flatMap((l) => named(access, 'ClusterRole', `hm:team-rules:${l}`).rules as JsonObject[]);
  for (const rule of rules) {
    const triples = (rule.apiGroups as string[]).flatMap((g) => (rule.resources as string[]).flatMap((r) => (rule.verbs as string[]).map((v) => `${g}/${r}/${v}`)));
    for (const t of triples) out.add(t);
  }
  return out;
}

function mapRoles(access: ReturnType<typeof generate>): MapRole[] {
  const cm = named(access, 'ConfigMap', 'aws-auth', 'kube-system');
  return parseDocuments((cm.data as JsonObject).mapRoles as string, 'mapRoles')[0]!.value as unknown as MapRole[];
}

describe('levels: least privilege inside team namespaces', () => {
  it('view reads workloads and logs, never secrets', () => {
    const view = grants('view');
    for (const g of ['apps/deployments/list', '/pods/get', '/pods/log/get', 'batch/jobs/watch', '/configmaps/get']) assert.ok(view.has(g), g);
    for (const g of ['/secrets/get', '/secrets/list', '/pods/delete', 'apps/deployments/patch']) assert.ok(!view.has(g), g);
  });

  it('deploy patches images and replicas (workloads, scale, HPAs) but creates no pods', () => {
    const deploy = grants('deploy');
    for (const g of ['apps/deployments/patch', 'apps/statefulsets/update', 'apps/daemonsets/patch', 'apps/deployments/scale/patch', 'apps/statefulsets/scale/update', 'autoscaling/horizontalpodautoscalers/patch', 'batch/cronjobs/patch']) {
      assert.ok(deploy.has(g), g);
    }
    for (const g of ['/pods/create', '/pods/delete', '/pods/exec/create', 'apps/deployments/create', 'apps/deployments/delete', '/secrets/get', 'batch/jobs/create']) assert.ok(!deploy.has(g), g);
  });

  it('edit creates workloads and pods, execs, writes secrets without reading them', () => {
    const edit = grants('edit');
    for (const g of ['/pods/create', '/pods/exec/create', '/pods/portforward/create', 'apps/deployments/create', '/secrets/create', '/secrets/update', 'batch/jobs/create']) assert.ok(edit.has(g), g);
    for (const g of ['/secrets/get', '/secrets/list', '/secrets/watch', 'rbac.authorization.k8s.io/rolebindings/create', '/pods/attach/create']) assert.ok(!edit.has(g), g);
  });

  it('admin adds secrets read and namespace RBAC, never escalate, bind, impersonate or wildcards', () => {
    const admin = grants('admin');
    for (const g of ['/secrets/get', 'rbac.authorization.k8s.io/rolebindings/create', 'rbac.authorization.k8s.io/roles/update', '/serviceaccounts/create', '/pods/attach/create']) assert.ok(admin.has(g), g);
    for (const g of admin) {
      assert.ok(!/\/(escalate|bind|impersonate|\*)$/.test(g) && !g.includes('*'), g);
      assert.ok(!g.includes('serviceaccounts/token') && !g.includes('nodes') && !g.includes('namespaces/'), g);
    }
  });

  it('each level aggregates its own and every lower level, by label', () => {
    const access = generate(estate, 'prod-eu-west-1');
    for (const level of ACCESS_LEVELS) {
      const base = named(access, 'ClusterRole', `hm:team-base:${level}`);
      const selectors = ((base.aggregationRule as JsonObject).clusterRoleSelectors as JsonObject[]).map((s) => Object.keys(s.matchLabels as JsonObject)[0]);
      assert.deepEqual(selectors, levelsUpTo(level).map((l) => `harbormaster.dev/aggregate-to-team-${l}`));
      assert.equal(((named(access, 'ClusterRole', `hm:team-rules:${level}`).metadata as JsonObject).labels as JsonObject)[`harbormaster.dev/aggregate-to-team-${level}`], 'true');
    }
  });
});

describe('bindings per team namespace and environment', () => {
  it('production: identity deploys in auth, frontend edits in web; staging falls back to defaultLevel for frontend', () => {
    const prod = generate(estate, 'prod-eu-west-1');
    const rb = named(prod, 'RoleBinding', 'hm:team:identity:deploy', 'auth');
    assert.deepEqual(rb.roleRef, { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: 'hm:team-base:deploy' });
    assert.deepEqual(rb.subjects, [{ apiGroup: 'rbac.authorization.k8s.io', kind: 'Group', name: 'acme:team:identity' }]);
    assert.deepEqual(((rb.metadata as JsonObject).labels as JsonObject)['harbormaster.dev/team'], 'identity');
    named(prod, 'RoleBinding', 'hm:team:frontend:edit', 'web');
    const staging = generate(estate, 'staging-eu-west-1');
    named(staging, 'RoleBinding', 'hm:team:identity:edit', 'auth');
    named(staging, 'RoleBinding', 'hm:team:frontend:view', 'web');
    assert.ok(objects(prod, 'RoleBinding').every((o) => !['kube-system', 'default'].includes((o.metadata as JsonObject).namespace as string)));
  });

  it('no defaultLevel: a team without an entry for the environment gets nothing there (no binding, no entry)', () => {
    const access = generate(estate, 'staging-eu-west-1', { defaultLevel: undefined });
    assert.ok(!objects(access, 'RoleBinding').some((o) => nameOf(o).startsWith('hm:team:frontend')));
    assert.ok(!objects(access, 'AccessEntry').some((o) => nameOf(o).startsWith('hm-frontend')));
  });

  it('a live break-glass role: its own group per level, bound in the team namespaces; the expired one is absent', () => {
    const access = generate(estate, 'prod-eu-west-1');
    const rb = named(access, 'RoleBinding', 'hm:team:identity:break-glass:admin', 'auth');
    assert.deepEqual((rb.subjects as JsonObject[])[0]!.name, 'acme:team:identity:break-glass:admin');
    const entries = objects(access, 'AccessEntry').map((o) => (o.spec as JsonObject).principalARN);
    assert.ok(entries.includes(SSO_ONCALL));
    assert.ok(!entries.some((arn) => String(arn).includes('old-on-call')));
    assert.ok(!mapRoles(access).some((r) => r.rolearn.includes('old-on-call')));
  });

  it('after its expiry day, a break-glass role disappears from every output', () => {
    const later = generate(estate, 'prod-eu-west-1', { asOf: '2027-01-01' });
    const text = JSON.stringify(objects(later));
    assert.ok(!text.includes('OnCall') && !text.includes('break-glass'));
    assert.ok(!text.includes(SRE_BREAK_GLASS));
  });
});

describe('EKS identity by mode', () => {
  const kinds = (mode: 'access-entries' | 'aws-auth' | 'both') => {
    const access = generate(fixtureEstate({}, mode), 'prod-eu-west-1');
    return [new Set(objects(access).map((o) => o.kind)), access] as const;
  };

  it('access-entries: AccessEntries, no aws-auth, no cluster-admin binding', () => {
    const [set, access] = kinds('access-entries');
    assert.ok(set.has('AccessEntry') && !objects(access, 'ConfigMap').length);
    assert.ok(!objects(access, 'ClusterRoleBinding').length);
  });

  it('aws-auth: the ConfigMap and the platform admins binding, no AccessEntries', () => {
    const [set, access] = kinds('aws-auth');
    assert.ok(!set.has('AccessEntry'));
    named(access, 'ConfigMap', 'aws-auth', 'kube-system');
    const crb = named(access, 'ClusterRoleBinding', 'hm:platform-admins');
    assert.deepEqual((crb.roleRef as JsonObject).name, 'cluster-admin');
  });

  it('both: the same principals in both forms', () => {
    const [, access] = kinds('both');
    const fromEntries = objects(access, 'AccessEntry').map((o) => String((o.spec as JsonObject).principalARN).replace(/role\/.*\//, 'role/')).sort();
    const fromMap = mapRoles(access).filter((r) => !r.groups.includes('system:nodes')).map((r) => r.rolearn).sort();
    assert.deepEqual(fromEntries, fromMap);
  });

  it("a cluster's own eks block: its AWS name on every ACK object, its mode over the fleet's", () => {
    const text = estateYaml('access-entries').replace('      wave: 1\n', '      wave: 1\n      eks:\n        clusterName: acme-legacy-dublin\n        mode: both\n');
    const estate = loadEstate(accessEstate({ 'harbormaster.yaml': text }, 'access-entries'), '/estate', { now: NOW });
    const prod = generate(estate, 'prod-eu-west-1');
    const ack = [...objects(prod, 'AccessEntry'), ...objects(prod, 'PodIdentityAssociation')];
    assert.ok(objects(prod, 'PodIdentityAssociation').length > 0);
    assert.deepEqual([...new Set(ack.map((o) => (o.spec as JsonObject).clusterName))], ['acme-legacy-dublin']);
    named(prod, 'ConfigMap', 'aws-auth', 'kube-system');
    const staging = generate(estate, 'staging-eu-west-1');
    assert.deepEqual([...new Set(objects(staging, 'AccessEntry').map((o) => (o.spec as JsonObject).clusterName))], ['staging-eu-west-1']);
    assert.equal(objects(staging, 'ConfigMap').length, 0);
  });

  it('team entries: their group, a username with a session name, no access policies; platform admins: cluster admin policy', () => {
    const access = generate(estate, 'prod-eu-west-1');
    const byArn = new Map(objects(access, 'AccessEntry').map((o) => [(o.spec as JsonObject).principalARN, o.spec as JsonObject]));
    for (const arn of [SSO_DEV, CI_ROLE]) {
      const spec = byArn.get(arn)!;
      assert.deepEqual([spec.type, spec.kubernetesGroups, spec.accessPolicies, spec.username, spec.clusterName], ['STANDARD', ['acme:team:identity'], [], 'hm:identity:{{SessionName}}', 'prod-eu-west-1']);
    }
    assert.deepEqual(byArn.get(PLATFORM_ADMIN)!.accessPolicies, [{ policyARN: CLUSTER_ADMIN_POLICY_ARN, accessScope: { type: 'cluster' } }]);
    assert.deepEqual(byArn.get(PLATFORM_ADMIN)!.kubernetesGroups, []);
    // Access entries keep the ARN's path (allowed there).
    assert.ok(byArn.has(SSO_DEV) && SSO_DEV.includes('/aws-reserved/sso.amazonaws.com/eu-west-1/'));
  });

  it('aws-auth: SSO and other paths stripped, nodes kept, system:masters only for the opted-in break-glass role', () => {
    const roles = mapRoles(generate(estate, 'prod-eu-west-1'));
    assert.ok(roles.every((r) => /^arn:aws:iam::\d{12}:role\/[^/]+$/.test(r.rolearn)), 'no paths');
    assert.deepEqual(roles.find((r) => r.rolearn.endsWith('AWSReservedSSO_IdentityDeveloper_0123456789abcdef')), {
      groups: ['acme:team:identity'],
      rolearn: 'arn:aws:iam::111122223333:role/AWSReservedSSO_IdentityDeveloper_0123456789abcdef',
      username: 'hm:identity:{{SessionName}}',
    });
    assert.deepEqual(roles[0], { groups: ['system:bootstrappers', 'system:nodes'], rolearn: 'arn:aws:iam::111122223333:role/acme-node', username: 'system:node:{{EC2PrivateDNSName}}' });
    const masters = roles.filter((r) => r.groups.includes('system:masters'));
    assert.deepEqual(masters.map((r) => r.rolearn), [SRE_BREAK_GLASS]);
    const notOptedIn = generate(estate, 'prod-eu-west-1', { breakGlass: estate.access!.breakGlass.map((b) => ({ ...b, systemMasters: false })) });
    assert.ok(!mapRoles(notOptedIn).some((r) => r.groups.includes('system:masters')));
    assert.ok(mapRoles(notOptedIn).some((r) => r.rolearn === SRE_BREAK_GLASS && r.groups.includes('hm:platform-admins')));
  });
});

describe('namespaces and workload identity', () => {
  it('needs: the team namespaces and workload ServiceAccounts the render must provide', () => {
    assert.deepEqual(clusterNeeds(inputFor(estate, 'prod-eu-west-1')), { namespaces: ['auth', 'web'], serviceAccounts: ['auth/auth-api', 'web/mailer-sa', 'web/web'] });
  });

  it('only missing namespaces and accounts are generated, labelled with their team', () => {
    const access = generate(estate, 'prod-eu-west-1');
    assert.deepEqual(objects(access, 'Namespace').map(nameOf), ['web']);
    assert.deepEqual(((named(access, 'Namespace', 'web').metadata as JsonObject).labels as JsonObject)['harbormaster.dev/team'], 'frontend');
    const sa = named(access, 'ServiceAccount', 'mailer-sa', 'web');
    assert.deepEqual((sa.metadata as JsonObject).annotations, { 'eks.amazonaws.com/role-arn': 'arn:aws:iam::111122223333:role/acme-mailer' });
    assert.equal(objects(access, 'ServiceAccount').length, 1);
  });

  it('IRSA patches for accounts the services define; the cluster override wins; pod identity removes the annotation', () => {
    const prod = generate(estate, 'prod-eu-west-1');
    assert.deepEqual(prod.irsaPatches.map((p) => [p.service, p.serviceAccount, p.roleArn]), [
      ['auth-api', 'auth-api', 'arn:aws:iam::111122223333:role/acme-auth-api-eu'],
      ['web', 'web', null],
    ]);
    assert.equal(generate(estate, 'staging-eu-west-1').irsaPatches[0]!.roleArn, 'arn:aws:iam::111122223333:role/acme-auth-api');
    const pia = named(prod, 'PodIdentityAssociation', 'hm-web', 'kube-system');
    assert.deepEqual(pia.spec, { clusterName: 'prod-eu-west-1', namespace: 'web', serviceAccount: 'web', roleARN: 'arn:aws:iam::111122223333:role/acme-web' });
  });
});

describe('determinism', () => {
  it('the same input gives the same bytes; every generator is listed once', () => {
    const input = inputFor(estate, 'prod-eu-west-1');
    assert.equal(JSON.stringify(generateClusterAccess(input)), JSON.stringify(generateClusterAccess(structuredClone(input))));
    assert.deepEqual(GENERATORS.map((g) => g.name), ['namespaces', 'cluster-roles', 'role-bindings', 'service-accounts', 'access-entries', 'pod-identity', 'aws-auth']);
  });

  it('every generated object carries the managed-by and generated-by labels', () => {
    for (const o of objects(generate(estate, 'prod-eu-west-1'))) {
      const labels = (o.metadata as JsonObject).labels as JsonObject;
      assert.equal(labels['app.kubernetes.io/managed-by'], 'harbormaster');
      assert.ok(typeof labels['harbormaster.dev/generated-by'] === 'string');
    }
  });
});
