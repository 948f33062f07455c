/**
 * The indexed evaluator against the linear reference on a generated RBAC
 * set: identical who-can answers (subjects and paths) and can-i decisions
 * for varied requests, users, groups and ServiceAccounts.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { impersonatedUser, NaiveEvaluator, RbacEvaluator, serviceAccountUsername } from '../../../src/access/evaluate/index.js';
import { withDefaults } from '../../../src/access/defaults/index.js';
import { generateQueries, generateRbac, random } from './generate-rbac.js';

describe('indexed evaluator = linear reference', () => {
  const rbac = generateRbac({ bindings: 1_500, roles: 200, namespaces: 12, users: 60, groups: 15, serviceAccounts: 80, seed: 11 });
  const evaluator = RbacEvaluator.fromObjects(withDefaults(rbac.objects.map((object) => ({ object }))));
  const naive = new NaiveEvaluator(evaluator.set);
  const queries = generateQueries(rbac, 300, 5);

  it('who-can: same subjects, same paths', () => {
    let nonEmpty = 0;
    for (const q of queries) {
      const fast = evaluator.whoCan(q);
      const slow = naive.whoCan(q);
      assert.deepEqual(fast, slow, JSON.stringify(q));
      if (fast.subjects.length > 1) nonEmpty++;
    }
    assert.ok(nonEmpty > queries.length / 3, `most questions have answers (${nonEmpty})`);
  });

  it('can-i: same decision for users, group members and ServiceAccounts', () => {
    const rnd = random(3);
    const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)]!;
    let allowed = 0;
    for (const q of queries) {
      const sa = pick(rbac.serviceAccounts);
      const users = [
        impersonatedUser(pick(rbac.users), [pick(rbac.groups), pick(rbac.groups)]),
        impersonatedUser(serviceAccountUsername(sa.namespace, sa.name)),
      ];
      for (const user of users) {
        const request = q.kind === 'resource' && q.namespace === undefined ? { ...q, namespace: '' } : q;
        const decision = evaluator.canI(user, request);
        assert.equal(decision.allowed, naive.canI(user, request), `${user.name} ${JSON.stringify(request)}`);
        assert.equal(evaluator.allows(user, request), decision.allowed);
        if (decision.allowed) allowed++;
      }
    }
    assert.ok(allowed > 10, `some are allowed (${allowed})`);
  });

  it('missing role references are reported and grant nothing', () => {
    const missing = evaluator.set.problems.filter((p) => p.code === 'ACCESS_MISSING_ROLE');
    assert.ok(missing.length > 0);
    assert.ok(missing.every((p) => p.object.name.startsWith('rb-') || p.object.name.startsWith('crb-')));
  });
});
