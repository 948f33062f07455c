/**
 * Custom resources validated against the openAPIV3Schema of a CRD in the same
 * rendered set, and the `hm/schema` rule over a whole set.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { JsonObject, JsonValue } from '../../src/core/json.js';
import { Resource } from '../../src/core/resource.js';
import { formatFieldPath } from '../../src/verify/finding.js';
import { RuleRegistry } from '../../src/verify/rule.js';
import { SchemaIndex, schemaRule, validateObject } from '../../src/verify/schema/index.js';

const WIDGET_SCHEMA: JsonObject = {
  type: 'object',
  properties: {
    spec: {
      type: 'object',
      required: ['size'],
      properties: {
        size: { type: 'integer', format: 'int32' },
        color: { type: 'string', enum: ['red', 'blue'] },
        ratio: { type: 'number', enum: [0.5, 1] },
        port: { 'x-kubernetes-int-or-string': true, anyOf: [{ type: 'integer' }, { type: 'string' }] },
        tags: { type: 'array', items: { type: 'string' } },
        limits: { type: 'object', additionalProperties: { type: 'integer' } },
        values: { type: 'object', 'x-kubernetes-preserve-unknown-fields': true, properties: { replicas: { type: 'integer' } } },
        raw: { 'x-kubernetes-preserve-unknown-fields': true },
        template: { type: 'object', 'x-kubernetes-embedded-resource': true, properties: { spec: { type: 'object', properties: { a: { type: 'string' } } } } },
        closed: { type: 'object' },
      },
    },
    status: { type: 'object', required: ['phase'], properties: { phase: { type: 'string' } } },
  },
};

const CRD: JsonObject = {
  apiVersion: 'apiextensions.k8s.io/v1',
  kind: 'CustomResourceDefinition',
  metadata: { name: 'widgets.example.com' },
  spec: {
    group: 'example.com',
    names: { kind: 'Widget', plural: 'widgets' },
    scope: 'Namespaced',
    versions: [
      { name: 'v1', served: true, storage: true, schema: { openAPIV3Schema: WIDGET_SCHEMA } },
      { name: 'v1alpha1', served: true, storage: false },
    ],
  },
};

const INDEX = SchemaIndex.forObjects([CRD]);

function widget(spec: JsonObject, apiVersion = 'example.com/v1', extra: JsonObject = {}): JsonObject {
  return { apiVersion, kind: 'Widget', metadata: { name: 'w', namespace: 'apps' }, spec, ...extra };
}

function problems(obj: JsonValue, index = INDEX): string[] {
  return validateObject(obj, index).map((p) => `${p.severity} ${p.code} ${formatFieldPath(p.path)}`);
}

test('the CRD itself is a valid built-in object', () => {
  assert.deepEqual(problems(CRD), []);
});

test('table: custom resources against the CRD schema', () => {
  const cases: [string, JsonObject, string[]][] = [
    ['valid', widget({ size: 3, color: 'red', port: 'http', tags: ['a'], limits: { cpu: 2 } }), []],
    ['int-or-string as a number', widget({ size: 3, port: 8080 }), []],
    ['unknown field', widget({ size: 3, colour: 'red' }), ['error unknown-field spec.colour']],
    ['unknown top-level field', widget({ size: 3 }, 'example.com/v1', { extra: 1 }), ['error unknown-field extra']],
    ['wrong type', widget({ size: '3' }), ['error wrong-type spec.size']],
    ['int-or-string refuses a list', widget({ size: 3, port: [] }), ['error wrong-type spec.port']],
    ['missing required', widget({ color: 'blue' }), ['error missing-required spec.size']],
    ['CRD enums are exact', widget({ size: 3, color: 'green' }), ['error invalid-value spec.color']],
    ['int32 range, bigints included', widget({ size: 2n ** 40n }), ['error invalid-value spec.size']],
    ['enums compare numbers, bigints included', widget({ size: 3, ratio: 1, port: 2n ** 70n }), ['error invalid-value spec.port']],
    ['enum mismatch on a bigint', widget({ size: 3, ratio: 2n ** 70n }), ['error invalid-value spec.ratio']],
    ['map values are typed', widget({ size: 3, limits: { cpu: 'two' } }), ['error wrong-type spec.limits.cpu']],
    ['list items are typed', widget({ size: 3, tags: [1] }), ['error wrong-type spec.tags[0]']],
    ['preserve-unknown-fields keeps undeclared fields but checks declared ones', widget({ size: 3, values: { anything: { deep: 1 }, replicas: 'x' } }), ['error wrong-type spec.values.replicas']],
    ['preserve-unknown-fields without a type accepts anything', widget({ size: 3, raw: [1, 'two', { three: 3 }] }), []],
    ['an object without properties prunes everything', widget({ size: 3, closed: { a: 1 } }), ['error unknown-field spec.closed.a']],
    [
      'embedded resources carry apiVersion, kind and ObjectMeta',
      widget({ size: 3, template: { apiVersion: 'v1', kind: 'Pod', metadata: { labels: { a: 1 } }, spec: { a: 'x', b: 1 } } }),
      ['error wrong-type spec.template.metadata.labels.a', 'error unknown-field spec.template.spec.b'],
    ],
    ['metadata is ObjectMeta', widget({ size: 3 }, 'example.com/v1', { metadata: { name: 'w', labelz: {} } }), ['error unknown-field metadata.labelz']],
    ['status required fields are not enforced', widget({ size: 3 }, 'example.com/v1', { status: { reason: 'x' } }), ['error unknown-field status.reason']],
    ['a version without schema accepts any fields', widget({ anything: true }, 'example.com/v1alpha1'), []],
    ['a version the CRD does not define', widget({ size: 3 }, 'example.com/v2'), ['error unknown-version apiVersion']],
  ];
  for (const [name, obj, expected] of cases) assert.deepEqual(problems(obj), expected, name);
});

test('unknown fields of CRD schemas stay errors on newer clusters', () => {
  const found = validateObject(widget({ size: 3, colour: 'red' }), INDEX, { kubernetesVersion: '1.31' });
  assert.deepEqual(found.map((p) => [p.severity, p.code]), [['error', 'unknown-field']]);
});

test('spec.preserveUnknownFields keeps every field; v1beta1 CRDs default to it', () => {
  const preserving = { ...CRD, spec: { ...(CRD.spec as JsonObject), preserveUnknownFields: true } };
  assert.deepEqual(problems(widget({ size: 3, colour: 'red' }), SchemaIndex.forObjects([preserving])), []);
  const legacy: JsonObject = {
    apiVersion: 'apiextensions.k8s.io/v1beta1',
    kind: 'CustomResourceDefinition',
    metadata: { name: 'widgets.example.com' },
    spec: { group: 'example.com', version: 'v1', names: { kind: 'Widget' }, validation: { openAPIV3Schema: WIDGET_SCHEMA } },
  };
  const index = SchemaIndex.forObjects([legacy]);
  assert.deepEqual(problems(widget({ size: 'x', colour: 'red' }), index), ['error wrong-type spec.size']);
});

test('hm/schema rule: CRDs come from the same set; findings carry rule id, path and source', () => {
  const at = (obj: JsonObject, line: number): Resource => new Resource(obj, { file: '/estate/app.yaml', line });
  const resources = [
    at(CRD, 1),
    at(widget({ size: 3, colour: 'red' }), 20),
    at({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c' }, data: { port: 8080 } }, 30),
    at({ apiVersion: 'other.io/v1', kind: 'Gadget', metadata: { name: 'g' } }, 40),
  ];
  const findings = new RuleRegistry().register(schemaRule({ kubernetesVersion: '1.26' })).run(resources);
  assert.deepEqual(
    findings.map((f) => [f.ruleId, f.severity, f.category, `${f.resource.kind}/${f.resource.name}`, f.fieldPath, `${f.source.file}:${f.source.line}`]),
    [
      ['hm/schema/unknown-field', 'error', 'schema', 'Widget/w', 'spec.colour', '/estate/app.yaml:20'],
      ['hm/schema/wrong-type', 'error', 'schema', 'ConfigMap/c', 'data.port', '/estate/app.yaml:30'],
      ['hm/schema/unknown-kind', 'info', 'schema', 'Gadget/g', '', '/estate/app.yaml:40'],
    ],
  );
  assert.deepEqual(findings[0]!.path, ['spec', 'colour']);
});
