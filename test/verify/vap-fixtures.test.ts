/**
 * ValidatingAdmissionPolicy fixtures: each directory under
 * fixtures/vap has policies.yaml, resources.yaml and expected.yaml (one
 * document per evaluation: the cluster version and the findings; the first
 * also lists the load diagnostics by code, YAML path and line).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { isObject, type JsonObject, type JsonValue } from '../../src/core/json.js';
import { shortId } from '../../src/core/resource-id.js';
import { Resource } from '../../src/core/resource.js';
import { parseDocuments, type ParsedDocument } from '../../src/yaml/parse.js';
import type { Finding } from '../../src/verify/finding.js';
import { evaluatePolicies, loadPolicies } from '../../src/verify/vap/index.js';

const FIXTURES = fileURLToPath(new URL('../../../test/verify/fixtures/vap/', import.meta.url));

interface Loaded {
  resources: Resource[];
  documents: Map<Resource, ParsedDocument>;
}

function load(dir: string, file: string): Loaded {
  const documents = new Map<Resource, ParsedDocument>();
  const resources: Resource[] = [];
  for (const doc of parseDocuments(readFileSync(`${FIXTURES}${dir}/${file}`, 'utf8'), file)) {
    if (!isObject(doc.value)) continue;
    const resource = new Resource(doc.value, { file, line: doc.line });
    documents.set(resource, doc);
    resources.push(resource);
  }
  return { resources, documents };
}

function expectations(dir: string): JsonObject[] {
  return parseDocuments(readFileSync(`${FIXTURES}${dir}/expected.yaml`, 'utf8'), 'expected.yaml').map((d) => d.value as JsonObject);
}

/** A finding in the shape of an expectation: only the keys the expectation states. */
function project(finding: Finding, expected: JsonObject): JsonObject {
  const out: JsonObject = {
    rule: finding.ruleId,
    severity: finding.severity,
    resource: shortId(finding.resource),
    source: `${finding.source.file}:${finding.source.line}`,
  };
  if ('message' in expected) out.message = finding.message;
  if ('path' in expected) out.path = finding.fieldPath;
  if ('kind' in expected) out.kind = expected.kind as JsonValue;
  return out;
}

for (const dir of readdirSync(FIXTURES).sort()) {
  test(`vap fixture ${dir}`, () => {
    const policies = load(dir, 'policies.yaml');
    const { resources } = load(dir, 'resources.yaml');
    const set = loadPolicies(policies.resources, { locate: (r, path) => policies.documents.get(r)?.locate(path) });
    const runs = expectations(dir);
    const wantDiagnostics = (runs[0]?.diagnostics ?? []) as JsonObject[];
    assert.deepEqual(
      set.diagnostics.map((d) => ({ code: d.code, yamlPath: d.yamlPath ?? '', line: d.line ?? 0 })),
      wantDiagnostics.map((d) => ({ code: d.code, yamlPath: d.yamlPath ?? '', line: d.line })),
      'diagnostics',
    );
    for (const run of runs) {
      const context = typeof run.kubernetesVersion === 'string' ? { kubernetesVersion: run.kubernetesVersion } : {};
      const findings = evaluatePolicies(set, resources, context);
      const want = (run.findings ?? []) as JsonObject[];
      assert.deepEqual(findings.map((f, i) => project(f, want[i] ?? {})), want, `findings (Kubernetes ${String(run.kubernetesVersion ?? 'latest')})`);
    }
  });
}
