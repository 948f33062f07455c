/**
 * The hardening-rule registry: enough rules, unique stable ids, complete
 * metadata; a well-written set passes every rule; findings come back in
 * report order with paths and sources.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createVerifyContext, RuleRegistry } from '../../src/verify/rule.js';
import { HARDENING_RULES, registerHardeningRules } from '../../src/verify/rules/index.js';
import { CONTEXT, cleanSet, deployment, toResources } from './rules-fixtures.js';

const CATEGORIES = new Set(['security', 'reliability', 'efficiency', 'hygiene', 'networking', 'rbac', 'api-versions']);

test('the registry holds at least 40 rules with unique hm/ ids and full metadata', () => {
  assert.ok(HARDENING_RULES.length >= 40, `only ${HARDENING_RULES.length} rules`);
  const ids = HARDENING_RULES.map((r) => r.id);
  assert.equal(new Set(ids).size, ids.length, 'duplicate ids');
  for (const rule of HARDENING_RULES) {
    assert.match(rule.id, /^hm\/[a-z0-9]+(-[a-z0-9]+)*$/, rule.id);
    assert.ok(CATEGORIES.has(rule.category), `${rule.id}: category ${rule.category}`);
    assert.ok(['error', 'warning', 'info'].includes(rule.severity), rule.id);
    assert.ok(rule.description.length > 10, `${rule.id}: description`);
    assert.ok(rule.remediation.length > 10, `${rule.id}: remediation`);
  }
  // Every rule registers; registering twice is refused.
  const registry = registerHardeningRules(new RuleRegistry());
  assert.equal(registry.list().length, HARDENING_RULES.length);
  assert.throws(() => registerHardeningRules(registry));
});

test('a well-written set passes every rule', () => {
  const resources = toResources(cleanSet());
  const findings = registerHardeningRules(new RuleRegistry()).run(resources, createVerifyContext(resources, CONTEXT));
  assert.deepEqual(findings.map((f) => `${f.ruleId} ${f.resource.kind}/${f.resource.name} ${f.fieldPath}`), []);
});

test('findings carry the source of the object and come back in report order', () => {
  const objs = [...cleanSet(), deployment('legacy', { container: { image: 'nginx' }, spec: { replicas: 1 } })];
  const resources = toResources(objs);
  const registry = registerHardeningRules(new RuleRegistry(), (r) => r.id === 'hm/latest-tag' || r.id === 'hm/image-digest' || r.id === 'hm/registry-allowlist');
  const findings = registry.run(resources, createVerifyContext(resources, CONTEXT));
  const line = 1 + (objs.length - 1) * 10;
  assert.deepEqual(findings.map((f) => `${f.severity} ${f.ruleId} ${f.fieldPath} @${f.source.file}:${f.source.line}`), [
    `error hm/registry-allowlist spec.template.spec.containers[0].image @/repo/manifests.yaml:${line}`,
    `warning hm/latest-tag spec.template.spec.containers[0].image @/repo/manifests.yaml:${line}`,
    `info hm/image-digest spec.template.spec.containers[0].image @/repo/manifests.yaml:${line}`,
  ]);
});

test('cross-object rules stay linear: 3,000 workloads with services, PDBs and HPAs in one namespace', () => {
  const objs = cleanSet();
  for (let i = 0; i < 1000; i++) {
    const name = `svc-${i}`;
    objs.push(deployment(name, { pod: { serviceAccountName: 'web' } }));
    objs.push({ apiVersion: 'v1', kind: 'Service', metadata: { name, namespace: 'shop', labels: { app: name } }, spec: { selector: { app: name }, ports: [{ port: 80, targetPort: 'http' }] } });
    objs.push({ apiVersion: 'policy/v1', kind: 'PodDisruptionBudget', metadata: { name, namespace: 'shop' }, spec: { maxUnavailable: 1, selector: { matchLabels: { app: name } } } });
  }
  const resources = toResources(objs);
  const registry = registerHardeningRules(new RuleRegistry());
  const started = performance.now();
  const findings = registry.run(resources, createVerifyContext(resources, CONTEXT));
  const elapsed = performance.now() - started;
  assert.deepEqual(findings, []);
  // Quadratic matching would take seconds here; linear work takes well under one.
  assert.ok(elapsed < 2000, `took ${elapsed.toFixed(0)} ms`);
});
