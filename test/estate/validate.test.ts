import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DiagnosticError } from '../../src/core/diagnostic.js';
import { EstateCode } from '../../src/estate/codes.js';
import { loadEstate } from '../../src/estate/load.js';
import { resolveCluster } from '../../src/estate/resolve.js';
import { codes, edit, ESTATE_YAML, lineOf, loadProblems, memoryEstate, SERVICE_YAML } from './helpers.js';

const FILE = '/estate/harbormaster.yaml';

/** Loads an estate whose harbormaster.yaml is `text`; returns its problems. */
function problemsOf(text: string, files: Record<string, string | null> = {}) {
  return loadProblems(memoryEstate({ 'harbormaster.yaml': text, ...files }));
}

function only(text: string, files: Record<string, string | null> = {}) {
  const problems = problemsOf(text, files);
  assert.equal(problems.length, 1, JSON.stringify(problems, null, 1));
  return problems[0]!;
}

describe('loadEstate: harbormaster.yaml problems', () => {
  it('ESTATE_NO_FILE when harbormaster.yaml is missing', () => {
    assert.deepEqual(codes(loadProblems(memoryEstate({ 'harbormaster.yaml': null }))), [EstateCode.NoEstateFile]);
  });

  it('ESTATE_BAD_DOCUMENT for more than one document and for an empty file', () => {
    const two = only(`${ESTATE_YAML}---\nkind: Estate\n`);
    const lines = ESTATE_YAML.split('\n').length - 1;
    assert.deepEqual([two.code, two.line], [EstateCode.BadDocument, lines + 2]);
    assert.equal(only('# nothing\n').code, EstateCode.BadDocument);
  });

  it('YAML syntax errors keep the parser code and position', () => {
    const p = only(edit(ESTATE_YAML, '  name: acme\n', '  name: [acme\n'));
    assert.equal(p.file, FILE);
    assert.match(p.code, /^YAML_/);
  });

  it('ESTATE_BAD_API_VERSION and ESTATE_BAD_KIND, with the spec still checked', () => {
    const text = edit(edit(edit(ESTATE_YAML, 'v1alpha1', 'v1'), 'kind: Estate', 'kind: Estat'), 'wave: 0', 'wave: -1');
    const problems = problemsOf(text);
    assert.deepEqual(codes(problems), [EstateCode.BadApiVersion, EstateCode.BadKind, EstateCode.BadWave]);
    assert.deepEqual(problems.map((p) => p.line), [1, 2, lineOf(text, 'wave: -1')]);
    assert.equal(problems[1]!.hint, 'did you mean Estate?');
  });

  it('ESTATE_UNKNOWN_FIELD with a suggestion, at the key', () => {
    const text = edit(ESTATE_YAML, '      wave: 1\n', '      wave: 1\n      enviroment: prod\n');
    const p = only(text);
    assert.deepEqual(
      { code: p.code, line: p.line, column: p.column, yamlPath: p.yamlPath, hint: p.hint },
      { code: EstateCode.UnknownField, line: lineOf(text, 'enviroment'), column: 7, yamlPath: 'spec.clusters[0].enviroment', hint: 'did you mean environment?' },
    );
  });

  it('ESTATE_BAD_TYPE: a label value that is not a string, with a hint to quote it', () => {
    const text = edit(ESTATE_YAML, '    production: {}\n', '    production:\n      settings:\n        labels:\n          acme.io/critical: true\n');
    const p = only(text);
    assert.deepEqual([p.code, p.line, p.yamlPath], [EstateCode.BadType, lineOf(text, 'acme.io/critical'), 'spec.environments.production.settings.labels["acme.io/critical"]']);
    assert.equal(p.hint, 'quote the value to make it a string, e.g. "true"');
  });

  it('ESTATE_MISSING_FIELD at the parent mapping, once per missing field', () => {
    const text = edit(edit(ESTATE_YAML, '      region: eu-west-1\n      environment: production\n', ''), '        context: staging\n', '        context: staging\n  extra: 1\n');
    const problems = problemsOf(text);
    assert.deepEqual(codes(problems), [EstateCode.MissingField, EstateCode.MissingField, EstateCode.UnknownField]);
    assert.deepEqual(problems.map((p) => p.yamlPath), ['spec.clusters[0].region', 'spec.clusters[0].environment', 'spec.extra']);
    assert.deepEqual(problems.slice(0, 2).map((p) => p.line), [lineOf(text, 'name: prod-eu-west-1'), lineOf(text, 'name: prod-eu-west-1')]);
  });

  it('ESTATE_MISSING_FIELD for a kubernetesVersion set neither on the cluster nor in defaults', () => {
    const text = edit(edit(ESTATE_YAML, '    kubernetesVersion: "1.30"\n', ''), '      wave: 0\n', '      wave: 0\n      kubernetesVersion: "1.31"\n');
    const p = only(text);
    assert.deepEqual([p.code, p.line, p.yamlPath], [EstateCode.MissingField, lineOf(text, 'name: prod-eu-west-1'), 'spec.clusters[0].kubernetesVersion']);
  });

  it('ESTATE_BAD_NAME for names that are not DNS labels', () => {
    const text = edit(edit(ESTATE_YAML, 'name: prod-eu-west-1', 'name: Prod-EU-West-1'), 'name: acme', 'name: acme_corp');
    const problems = problemsOf(text);
    assert.deepEqual(codes(problems), [EstateCode.BadName, EstateCode.BadName]);
    assert.deepEqual(problems.map((p) => p.line), [lineOf(text, 'acme_corp'), lineOf(text, 'Prod-EU')]);
    assert.equal(problems[1]!.hint, 'did you mean prod-eu-west-1?');
  });

  it('ESTATE_BAD_KUBERNETES_VERSION for an unquoted or malformed version', () => {
    const text = edit(edit(ESTATE_YAML, 'kubernetesVersion: "1.30"', 'kubernetesVersion: 1.30'), '      wave: 0\n', '      wave: 0\n      kubernetesVersion: "v1.31.2"\n');
    const problems = problemsOf(text);
    assert.deepEqual(codes(problems), [EstateCode.BadVersion, EstateCode.BadVersion]);
    assert.deepEqual(problems.map((p) => p.line), [lineOf(text, 'kubernetesVersion: 1.30'), lineOf(text, 'v1.31.2')]);
  });

  it('ESTATE_DUPLICATE_CLUSTER points at the second definition and names the first', () => {
    const text = edit(ESTATE_YAML, 'name: staging-eu-west-1', 'name: prod-eu-west-1');
    const p = only(text);
    const first = lineOf(text, 'name: prod-eu-west-1');
    assert.deepEqual([p.code, p.line, p.hint], [EstateCode.DuplicateCluster, lineOf(text, 'name: prod-eu-west-1', 'wave: 1'), `first defined at line ${first}`]);
  });

  it('ESTATE_UNKNOWN_ENVIRONMENT with a suggestion', () => {
    const text = edit(ESTATE_YAML, 'environment: production', 'environment: prodution');
    const p = only(text);
    assert.deepEqual([p.code, p.line, p.hint], [EstateCode.UnknownEnvironment, lineOf(text, 'prodution'), 'did you mean production?']);
  });

  it('any environment is accepted when spec.environments is absent', () => {
    const text = edit(ESTATE_YAML, '  environments:\n    production: {}\n    staging: {}\n', '');
    assert.deepEqual(problemsOf(text), []);
  });

  it('ESTATE_REGION_WITHOUT_LAYER is only a warning, for a region close to a known one', () => {
    const text = edit(ESTATE_YAML, 'region: eu-west-1\n      environment: staging', 'region: eu-wset-1\n      environment: staging');
    const estate = loadEstate(memoryEstate({ 'harbormaster.yaml': text }), '/estate');
    assert.deepEqual(estate.warnings.map((w) => [w.code, w.severity, w.line, w.hint]), [
      [EstateCode.RegionWithoutLayer, 'warning', lineOf(text, 'eu-wset-1'), 'did you mean eu-west-1?'],
    ]);
  });

  it('ESTATE_BAD_WAVE for a negative, fractional or quoted wave', () => {
    for (const wave of ['-1', '1.5', '"1"']) {
      assert.equal(only(edit(ESTATE_YAML, 'wave: 1', `wave: ${wave}`)).code, EstateCode.BadWave, wave);
    }
  });

  it('ESTATE_BAD_STATUS with a suggestion', () => {
    const p = only(edit(ESTATE_YAML, '      wave: 1\n', '      wave: 1\n      status: planed\n'));
    assert.deepEqual([p.code, p.hint], [EstateCode.BadStatus, 'did you mean planned?']);
  });

  it('ESTATE_BAD_CONNECTION for none, both, or a malformed one', () => {
    const both = edit(ESTATE_YAML, '        sim: {}\n', '        sim: {}\n        context: prod\n');
    const none = edit(ESTATE_YAML, '        sim: {}\n', '        {}\n').replace('      connection:\n        {}\n', '      connection: {}\n');
    const scalar = edit(ESTATE_YAML, '      connection:\n        sim: {}\n', '      connection: sim\n');
    const empty = edit(ESTATE_YAML, 'context: staging', 'context: ""');
    for (const text of [both, none, scalar, empty]) assert.equal(only(text).code, EstateCode.BadConnection);
  });

  it('ESTATE_BAD_VALUE for a malformed replicas key or a negative count', () => {
    const text = edit(ESTATE_YAML, '    production: {}\n', '    production:\n      settings:\n        replicas:\n          a/b/c: 1\n          auth-api/auth-api: -2\n');
    const problems = problemsOf(text);
    assert.deepEqual(codes(problems), [EstateCode.BadValue, EstateCode.BadValue]);
    assert.deepEqual(problems.map((p) => p.line), [lineOf(text, 'a/b/c'), lineOf(text, '-2')]);
  });

  it('reports many problems of one file together, in line order', () => {
    const text = edit(
      edit(edit(ESTATE_YAML, 'wave: 1', 'wave: one'), 'environment: staging', 'environment: stagin'),
      '    addons:\n',
      '    addon: {}\n    addons:\n',
    );
    const problems = problemsOf(text);
    assert.deepEqual(codes(problems), [EstateCode.UnknownField, EstateCode.BadWave, EstateCode.UnknownEnvironment]);
    assert.deepEqual(problems.map((p) => p.line), [lineOf(text, 'addon: {}'), lineOf(text, 'wave: one'), lineOf(text, 'environment: stagin')]);
    assert.ok(problems.every((p) => p.file === FILE));
  });
});

describe('loadEstate: addons', () => {
  it('ESTATE_ADDON_NOT_FOUND for a missing version, at every pin, with the versions available', () => {
    const text = edit(ESTATE_YAML, '    production: {}\n', '    production:\n      addons:\n        cert-manager: v1.15.4\n').replace(
      '      connection:\n        context: staging\n',
      '      connection:\n        context: staging\n      addons:\n        cert-manager: v1.15.4\n',
    );
    const problems = problemsOf(text);
    assert.deepEqual(codes(problems), [EstateCode.AddonNotFound, EstateCode.AddonNotFound]);
    assert.deepEqual(problems.map((p) => p.yamlPath), ['spec.environments.production.addons.cert-manager', 'spec.clusters[1].addons.cert-manager']);
    assert.equal(problems[0]!.hint, 'did you mean v1.15.3?');
  });

  it('ESTATE_ADDON_NOT_FOUND for an unknown addon; an empty or null pin needs no directory', () => {
    const text = edit(ESTATE_YAML, '      cert-manager: v1.15.3\n', '      cert-manager: v1.15.3\n      cert-manger: v1\n      gone: ""\n      removed: null\n');
    const p = only(text);
    assert.deepEqual([p.code, p.line, p.hint], [EstateCode.AddonNotFound, lineOf(text, 'cert-manger'), 'did you mean cert-manager?']);
  });

  it('ESTATE_ADDON_INVALID for a version directory without a kustomization or with a wrong kind', () => {
    const noFile = problemsOf(ESTATE_YAML, { 'addons/cert-manager/v1.15.3/kustomization.yaml': null, 'addons/cert-manager/v1.15.3/README.md': 'x' });
    assert.deepEqual(codes(noFile), [EstateCode.AddonInvalid]);
    const badKind = problemsOf(ESTATE_YAML, { 'addons/cert-manager/v1.15.3/kustomization.yaml': 'resources: []\nkind: Deployment\n' });
    assert.deepEqual(badKind.map((p) => [p.code, p.line]), [[EstateCode.AddonInvalid, 2]]);
  });
});

describe('loadEstate: services', () => {
  it('ESTATE_SERVICE_NO_FILE and ESTATE_SERVICE_NO_BASE', () => {
    const problems = problemsOf(ESTATE_YAML, {
      'services/web/base/kustomization.yaml': 'resources: []\n',
      'services/auth-api/base/kustomization.yaml': null,
    });
    assert.deepEqual(problems.map((p) => [p.code, p.file]), [
      [EstateCode.ServiceNoBase, '/estate/services/auth-api/base'],
      [EstateCode.ServiceNoFile, '/estate/services/web'],
    ]);
  });

  it('ESTATE_SERVICE_NAME_MISMATCH at metadata.name', () => {
    const text = edit(SERVICE_YAML, 'name: auth-api', 'name: auth');
    const p = only(ESTATE_YAML, { 'services/auth-api/service.yaml': text });
    assert.deepEqual([p.code, p.file, p.line], [EstateCode.ServiceNameMismatch, '/estate/services/auth-api/service.yaml', lineOf(text, 'name: auth')]);
  });

  it('service.yaml problems are collected with the estate file problems', () => {
    const service = edit(edit(SERVICE_YAML, 'tier: critical', 'tier: critcal'), '  namespace: auth\n', '  owner_team: x\n');
    const problems = problemsOf(edit(ESTATE_YAML, 'wave: 1', 'wave: x'), { 'services/auth-api/service.yaml': service });
    // Sorted by file, then line: the missing namespace is reported at its parent, spec.
    assert.deepEqual(codes(problems), [EstateCode.BadWave, EstateCode.MissingField, EstateCode.BadValue, EstateCode.UnknownField]);
    assert.deepEqual(problems.slice(1).map((p) => p.line), [lineOf(service, 'spec:'), lineOf(service, 'critcal'), lineOf(service, 'owner_team')]);
    assert.equal(problems[2]!.hint, 'did you mean critical?');
  });

  it('ESTATE_UNKNOWN_SERVICE and ESTATE_DUPLICATE_SERVICE in a cluster list and in replicas keys', () => {
    const text = edit(ESTATE_YAML, '        context: staging\n', '        context: staging\n      services: [auth-api, auth-apj, auth-api]\n      settings:\n        replicas:\n          billing/api: 2\n          api: 1\n');
    const problems = problemsOf(text);
    assert.deepEqual(problems.map((p) => [p.code, p.yamlPath]), [
      [EstateCode.UnknownService, 'spec.clusters[1].services[1]'],
      [EstateCode.DuplicateService, 'spec.clusters[1].services[2]'],
      [EstateCode.UnknownService, 'spec.clusters[1].settings.replicas["billing/api"]'],
    ]);
    assert.equal(problems[0]!.hint, 'did you mean auth-api?');
    assert.equal(problems[0]!.line, problems[1]!.line);
    assert.ok(problems[1]!.column! > problems[0]!.column!);
  });

  it('YAML errors in reserved directories fail the load', () => {
    const problems = problemsOf(ESTATE_YAML, { 'policies/a.yaml': 'a: [1\n', 'decisions/README.md': '[not yaml' });
    assert.equal(problems.length, 1);
    assert.equal(problems[0]!.file, '/estate/policies/a.yaml');
  });
});

describe('resolveCluster: unknown names', () => {
  it('ESTATE_UNKNOWN_CLUSTER with a suggestion', () => {
    const estate = loadEstate(memoryEstate(), '/estate');
    assert.throws(
      () => resolveCluster(estate, 'prod-eu-west1'),
      (err: unknown) => err instanceof DiagnosticError && err.code === EstateCode.UnknownCluster && err.diagnostics[0]!.hint === 'did you mean prod-eu-west-1?',
    );
  });
});
