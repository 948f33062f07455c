/**
 * The committed schema data: its decoder, and (when the source OpenAPI
 * document is available) that it is exactly what the derivation produces.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { SCHEMA_DATA } from '../../src/verify/data/schema-k8s-1-26.js';
import { deriveValidationSchema, type OpenApiV2 } from '../../src/verify/schema/derive.js';
import { BuiltinSchemas } from '../../src/verify/schema/builtin.js';
import type { SchemaData } from '../../src/verify/schema/data-format.js';
import type { SchemaNode } from '../../src/verify/schema/node.js';

const SOURCE = '/work/shared/kubernetes/openapi-v2-k8s-1.26.json';

test('the committed data is what the derivation gives for the 1.26 OpenAPI document', { skip: !existsSync(SOURCE) }, () => {
  const api = JSON.parse(readFileSync(SOURCE, 'utf8')) as OpenApiV2;
  assert.deepEqual(deriveValidationSchema(api, '1.26'), SCHEMA_DATA);
});

test('derivation: primitive wrappers become codes, identical definitions merge, recursion resolves', () => {
  const ref = (name: string) => ({ $ref: `#/definitions/${name}` });
  const api: OpenApiV2 = {
    definitions: {
      'io.k8s.apimachinery.pkg.api.resource.Quantity': { type: 'string' },
      'io.k8s.apimachinery.pkg.util.intstr.IntOrString': { type: 'string', format: 'int-or-string' },
      'io.k8s.apimachinery.pkg.apis.meta.v1.Time': { type: 'string', format: 'date-time' },
      'io.k8s.apimachinery.pkg.apis.meta.v1.ListMeta': { type: 'object', properties: { continue: { type: 'string' } } },
      'x.A': { type: 'object', properties: { q: ref('io.k8s.apimachinery.pkg.api.resource.Quantity'), p: ref('io.k8s.apimachinery.pkg.util.intstr.IntOrString') } },
      'x.B': { type: 'object', properties: { q: ref('io.k8s.apimachinery.pkg.api.resource.Quantity'), p: ref('io.k8s.apimachinery.pkg.util.intstr.IntOrString') } },
      'x.Tree': { type: 'object', required: ['name'], properties: { name: { type: 'string' }, children: { type: 'array', items: ref('x.Tree') } } },
      'x.Root': {
        type: 'object',
        'x-kubernetes-group-version-kind': [{ group: 'x.io', version: 'v1', kind: 'Root' }],
        properties: {
          a: ref('x.A'),
          b: ref('x.B'),
          tree: ref('x.Tree'),
          at: ref('io.k8s.apimachinery.pkg.apis.meta.v1.Time'),
          counts: { type: 'object', additionalProperties: { type: 'integer', format: 'int32' } },
          mode: { type: 'string', enum: ['On', 'Off'] },
        },
      },
    },
  };
  const data = deriveValidationSchema(api, '1.99');
  const expected: SchemaData = {
    version: '1.99',
    enums: [['On', 'Off']],
    kinds: { 'x.io/v1': 'Root:0' },
    defs: ['a:1 b:1 tree:2 at:t counts:{I mode:%0', 'q:q p:x', '!name:s children:[2'],
  };
  assert.deepEqual(data, expected);
});

test('decoding: kinds resolve to object nodes, codes to node types, recursion to the same node', () => {
  const data: SchemaData = {
    version: '1.99',
    enums: [['On', 'Off']],
    kinds: { 'x.io/v1': 'Root:0 RootList:2' },
    defs: ['tree:1 mode:%0 any:* free:o raw:R when:t data:{B', '!name:s children:[1 size:q port:x n:I', 'items:[0'],
  };
  const builtin = new BuiltinSchemas(data);
  const root = builtin.kind('x.io/v1', 'Root')!;
  const field = (node: SchemaNode, name: string): SchemaNode => node.properties!.get(name)!;
  const tree = field(root, 'tree');
  assert.deepEqual(tree.required, ['name']);
  assert.equal(field(tree, 'children').items, tree);
  assert.deepEqual([field(tree, 'size').type, field(tree, 'port').type, field(tree, 'n').format], ['quantity', 'int-or-string', 'int32']);
  assert.deepEqual(field(root, 'mode').enum, ['On', 'Off']);
  assert.equal(field(root, 'any').type, undefined);
  assert.equal(field(root, 'free').preserveUnknown, true);
  assert.equal(field(root, 'raw').byKind, true);
  assert.equal(field(root, 'when').format, 'date-time');
  assert.equal(field(root, 'data').additional?.format, 'byte');
  assert.equal(builtin.kind('x.io/v1', 'RootList')!.properties!.get('items')!.items, root);
  assert.equal(builtin.kind('x.io/v1', 'Nope'), undefined);
  assert.deepEqual(builtin.kindsOf('x.io/v1'), ['Root', 'RootList']);
});

test('the 1.26 data knows the everyday kinds and a generic v1 List', () => {
  const builtin = new BuiltinSchemas();
  assert.equal(builtin.version, '1.26');
  for (const [apiVersion, kind] of [['apps/v1', 'Deployment'], ['v1', 'Service'], ['networking.k8s.io/v1', 'Ingress'], ['v1', 'List'], ['apiextensions.k8s.io/v1', 'CustomResourceDefinition']]) {
    assert.ok(builtin.kind(apiVersion!, kind!), `${apiVersion} ${kind}`);
  }
  assert.equal(builtin.kind('v1', 'DeleteOptions'), undefined, 'API machinery kinds are left out');
});
