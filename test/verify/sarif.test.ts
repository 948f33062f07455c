/**
 * SARIF output against the official SARIF 2.1.0 JSON schema (vendored from
 * the OASIS TC's repository, CommitteeSpecifications/2.1.0), plus what code
 * scanning services rely on: results always present, real lines and
 * columns, repository-relative URIs, rule metadata, stable fingerprints.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { renderSarif } from '../../src/verify/report/index.js';
import { emptyReport, sampleFs, sampleReport } from './report-fixture.js';
import { validateAgainst } from './sarif-schema-validator.js';

const SCHEMA = JSON.parse(readFileSync(fileURLToPath(new URL('../../../test/verify/fixtures/sarif-schema-2.1.0.json', import.meta.url)), 'utf8'));

interface SarifResult {
  ruleId: string;
  ruleIndex: number;
  level: string;
  locations: { physicalLocation: { artifactLocation: { uri: string; uriBaseId?: string }; region?: { startLine: number; startColumn: number } } }[];
  partialFingerprints: Record<string, string>;
  suppressions?: { kind: string; state: string; justification: string }[];
}

interface SarifLog {
  version: string;
  runs: {
    tool: { driver: { name: string; rules: { id: string; help: { text: string }; properties: Record<string, unknown> }[] } };
    automationDetails: { id: string };
    results: SarifResult[];
  }[];
}

const sarif = (text: string): SarifLog => JSON.parse(text) as SarifLog;

test('the output validates against the SARIF 2.1.0 schema, with and without results', () => {
  assert.deepEqual(validateAgainst(SCHEMA, JSON.parse(renderSarif(sampleReport()))), []);
  assert.deepEqual(validateAgainst(SCHEMA, JSON.parse(renderSarif(emptyReport()))), []);
});

test('the validator does reject what the schema forbids', () => {
  const log = JSON.parse(renderSarif(sampleReport()));
  log.runs[0].results[0].suppressions = [{ kind: 'external', status: 'accepted' }];
  log.runs[0].results[0].locations[0].physicalLocation.region.startLine = 0;
  delete log.version;
  const errors = validateAgainst(SCHEMA, log).map((e) => `${e.path}: ${e.message}`);
  assert.ok(errors.includes('$: missing required property version'), errors.join('\n'));
  assert.ok(errors.includes('$.runs[0].results[0].suppressions[0]: unexpected property status'), errors.join('\n'));
  assert.ok(errors.includes('$.runs[0].results[0].locations[0].physicalLocation.region.startLine: below minimum 1'), errors.join('\n'));
});

test('an empty run still has a results array', () => {
  assert.deepEqual(sarif(renderSarif(emptyReport())).runs[0]!.results, []);
});

test('results carry the real start line and column and a repository-relative URI', () => {
  const run = sarif(renderSarif(sampleReport())).runs[0]!;
  const privileged = run.results.find((r) => r.ruleId === 'test/privileged')!;
  assert.deepEqual(privileged.locations[0]!.physicalLocation, {
    artifactLocation: { uri: 'estate/app/deployment.yaml', uriBaseId: '%SRCROOT%' },
    region: { startLine: 13, startColumn: 11 },
  });
  assert.equal(privileged.level, 'error');
});

test('every result names a described rule: help text, security-severity, matching ruleIndex', () => {
  const run = sarif(renderSarif(sampleReport())).runs[0]!;
  assert.equal(run.tool.driver.name, 'harbormaster');
  assert.ok(run.automationDetails.id.startsWith('harbormaster/verify/'));
  for (const result of run.results) {
    const rule = run.tool.driver.rules[result.ruleIndex]!;
    assert.equal(rule.id, result.ruleId);
    assert.ok(rule.help.text.length > 0);
    assert.match(String(rule.properties['security-severity']), /^\d+\.\d$/);
  }
});

test('waived findings are results with an accepted external suppression', () => {
  const run = sarif(renderSarif(sampleReport())).runs[0]!;
  const suppressed = run.results.filter((r) => r.suppressions);
  assert.deepEqual(suppressed.map((r) => [r.ruleId, r.suppressions![0]!.kind, r.suppressions![0]!.state]), [['test/rbac', 'external', 'accepted']]);
  assert.match(suppressed[0]!.suppressions![0]!.justification, /waiver legacy-admin/);
});

test('fingerprints are stable across runs and survive lines moving; distinct findings differ', () => {
  const first = sarif(renderSarif(sampleReport())).runs[0]!.results;
  const again = sarif(renderSarif(sampleReport())).runs[0]!.results;
  const fs = sampleFs();
  fs.write('/repo/estate/app/deployment.yaml', `# a comment added above\n\n${fs.readText('/repo/estate/app/deployment.yaml')}`);
  const moved = sarif(renderSarif(sampleReport(fs))).runs[0]!.results;
  // Moving lines may reorder results (they are sorted by line): compare the sets.
  const prints = (results: SarifResult[]): string[] => results.map((r) => r.partialFingerprints['harbormasterFinding/v1']!).sort();
  assert.deepEqual(prints(again), prints(first));
  assert.deepEqual(prints(moved), prints(first));
  const line = (results: SarifResult[]): number => results.find((r) => r.ruleId === 'test/privileged')!.locations[0]!.physicalLocation.region!.startLine;
  assert.deepEqual([line(first), line(moved)], [13, 15]);
  assert.equal(new Set(prints(first)).size, first.length);
});
