/**
 * Report formats against golden files (byte for byte), the JSON document's
 * stable shape, colour only when asked, and JUnit's rule × resource cases.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { renderJson, renderJunit, renderReport, renderTable } from '../../src/verify/report/index.js';
import { emptyReport, sampleReport } from './report-fixture.js';

const golden = (name: string): string => readFileSync(fileURLToPath(new URL(`../../../test/verify/fixtures/report/${name}`, import.meta.url)), 'utf8');

test('table: grouped by file in line order, clusters shown when not all, waivers and summary at the end', () => {
  assert.equal(renderTable(sampleReport()), golden('sample.table'));
});

test('table: colour codes only when asked', () => {
  assert.ok(!renderTable(sampleReport()).includes('\x1b['));
  const coloured = renderTable(sampleReport(), { color: true });
  assert.ok(coloured.includes('\x1b[31merror'));
  assert.equal(coloured.replace(/\x1b\[[0-9;]*m/g, ''), golden('sample.table'));
});

test('json: golden, schemaVersion 1, every documented key present in order', () => {
  const text = renderJson(sampleReport());
  assert.equal(text, golden('sample.json'));
  const doc = JSON.parse(text) as Record<string, unknown>;
  assert.deepEqual(Object.keys(doc), ['schemaVersion', 'tool', 'clusters', 'summary', 'findings', 'waived', 'waivers', 'diagnostics']);
  assert.equal(doc.schemaVersion, 1);
  const finding = (doc.findings as Record<string, unknown>[])[0]!;
  assert.deepEqual(Object.keys(finding), ['ruleId', 'severity', 'category', 'resource', 'fieldPath', 'message', 'remediation', 'location', 'clusters']);
  const waived = (doc.waived as Record<string, unknown>[])[0]!;
  assert.equal(waived.waiver, 'legacy-admin');
  assert.deepEqual((doc.waivers as { id: string; status: string }[]).map((w) => `${w.id}:${w.status}`), ['legacy-admin:used', 'stale:unused', 'old:expired']);
});

test('json: an empty run still has every array', () => {
  const doc = JSON.parse(renderJson(emptyReport())) as Record<string, unknown>;
  assert.deepEqual([doc.clusters, doc.findings, doc.waived, doc.waivers, doc.diagnostics], [[], [], [], [], []]);
});

test('junit: golden; one case per rule × resource; waived cases skipped; XML escaped', () => {
  const xml = renderJunit(sampleReport());
  assert.equal(xml, golden('sample.junit'));
  assert.equal((xml.match(/<testcase /g) ?? []).length, 6);
});

test('renderReport dispatches on the format name', () => {
  const report = sampleReport();
  assert.equal(renderReport(report, 'table'), golden('sample.table'));
  assert.equal(renderReport(report, 'junit'), golden('sample.junit'));
  assert.equal(renderReport(report, 'json'), golden('sample.json'));
  assert.equal(renderReport(report, 'sarif'), golden('sample.sarif'));
});
