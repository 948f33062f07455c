/**
 * `--output junit`: for CI test views. One test suite per rule; in it one
 * test case per object checked (rule × resource). A case fails when the
 * rule (or one of its sub-checks) reported the object, is skipped when every
 * such finding was waived, and passes otherwise. Waiver findings get a suite
 * of their own with one case per waiver. Notes (severity info) never fail.
 */
import { idKey, type ClusterFinding } from '../engine.js';
import { WAIVER_CATEGORY } from '../waivers/apply.js';
import { relativePath, resourceLabel, type VerifyReport } from './model.js';

interface Case {
  name: string;
  failures: ClusterFinding[];
  skipped: string[];
}

export function renderJunit(report: VerifyReport): string {
  const suites = suiteIds(report).map((id) => suite(report, id));
  const totals = suites.reduce((t, s) => ({ tests: t.tests + s.tests, failures: t.failures + s.failures, skipped: t.skipped + s.skipped }), { tests: 0, failures: 0, skipped: 0 });
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="harbormaster verify" tests="${totals.tests}" failures="${totals.failures}" errors="0" skipped="${totals.skipped}">`,
    ...suites.flatMap((s) => s.xml),
    '</testsuites>',
  ];
  return `${lines.join('\n')}\n`;
}

/** Top-level rules that ran, plus any rule id of a finding that no such rule covers. */
function suiteIds(report: VerifyReport): string[] {
  const ids = report.rules.filter((r) => r.category !== WAIVER_CATEGORY).map((r) => r.id);
  const top = ids.filter((id) => !ids.some((other) => other !== id && id.startsWith(`${other}/`)));
  const out = new Set(top);
  for (const f of [...report.findings, ...report.waived]) if (f.category !== WAIVER_CATEGORY && !suiteOf(top, f.ruleId)) out.add(f.ruleId);
  if (report.waivers.length > 0) out.add(WAIVER_CATEGORY);
  return [...out].sort();
}

function suiteOf(top: readonly string[], ruleId: string): string | undefined {
  return top.find((id) => ruleId === id || ruleId.startsWith(`${id}/`));
}

function suite(report: VerifyReport, id: string): { xml: string[]; tests: number; failures: number; skipped: number } {
  const cases = id === WAIVER_CATEGORY ? waiverCases(report) : resourceCases(report, id);
  const failures = cases.filter((c) => c.failures.length > 0).length;
  const skipped = cases.filter((c) => c.failures.length === 0 && c.skipped.length > 0).length;
  const xml = [`  <testsuite name="${attr(id)}" tests="${cases.length}" failures="${failures}" errors="0" skipped="${skipped}">`];
  for (const c of cases) xml.push(...caseXml(report, id, c));
  xml.push('  </testsuite>');
  return { xml, tests: cases.length, failures, skipped };
}

function covers(id: string, ruleId: string): boolean {
  return ruleId === id || ruleId.startsWith(`${id}/`);
}

function resourceCases(report: VerifyReport, id: string): Case[] {
  const cases = new Map<string, Case>();
  for (const r of report.resources) cases.set(idKey(r), { name: resourceLabel(r), failures: [], skipped: [] });
  for (const f of report.findings) if (covers(id, f.ruleId) && f.severity !== 'info') caseFor(cases, f).failures.push(f);
  for (const f of report.waived) if (covers(id, f.ruleId)) caseFor(cases, f).skipped.push(`waived by ${f.waiver.id}: ${f.waiver.reason}`);
  return [...cases.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

function caseFor(cases: Map<string, Case>, f: ClusterFinding): Case {
  const key = idKey(f.resource);
  let c = cases.get(key);
  if (!c) cases.set(key, (c = { name: resourceLabel(f.resource), failures: [], skipped: [] }));
  return c;
}

function waiverCases(report: VerifyReport): Case[] {
  return report.waivers.map((s) => {
    const failures = report.findings.filter((f) => f.category === WAIVER_CATEGORY && f.resource.name === s.waiver.id && f.severity === 'error');
    return { name: `waiver ${s.waiver.id}`, failures, skipped: [] };
  });
}

function caseXml(report: VerifyReport, suiteId: string, c: Case): string[] {
  const open = `    <testcase classname="${attr(suiteId)}" name="${attr(c.name)}"`;
  if (c.failures.length > 0) {
    const first = c.failures[0]!;
    const body = c.failures.map((f) => {
      const at = `${relativePath(report.root, f.source.file)}:${f.source.line}`;
      const clusters = f.clusters.length > 0 ? ` [${f.clusters.join(', ')}]` : '';
      return `${at}: ${f.ruleId} ${f.fieldPath}: ${f.message}${clusters}\nfix: ${f.remediation}`;
    });
    return [`${open}>`, `      <failure type="${attr(first.severity)}" message="${attr(first.message)}">${text(body.join('\n'))}</failure>`, '    </testcase>'];
  }
  if (c.skipped.length > 0) return [`${open}>`, `      <skipped message="${attr(c.skipped[0]!)}"/>`, '    </testcase>'];
  return [`${open}/>`];
}

function text(value: string): string {
  // XML 1.0 cannot carry most control characters, even escaped.
  return value.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function attr(value: string): string {
  return text(value).replace(/"/g, '&quot;').replace(/\n/g, '&#10;');
}
