import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { JsonObject } from '../../src/core/json.js';
import { Resource } from '../../src/core/resource.js';
import { applyHashSuffixes, contentHash, hashInput } from '../../src/render/generators/hash.js';
import { goJsonStringify } from '../../src/render/generators/gojson.js';
import { ResMap } from '../../src/render/resmap.js';

/** Every expected suffix below is the one `kubectl kustomize` (kustomize v5.5.0) gave the same data. */
describe('hash suffix', () => {
  const configMap = (data: JsonObject, extra: JsonObject = {}): JsonObject => ({
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: { name: 'cfg', namespace: 'ignored', labels: { ignored: 'yes' } },
    data,
    ...extra,
  });
  const secret = (type: string, data: JsonObject): JsonObject => ({ apiVersion: 'v1', kind: 'Secret', metadata: { name: 's' }, type, data });

  it('hashes the documented projection: name always "", Go encoding/json text', () => {
    assert.equal(hashInput(configMap({ a: 'b' })), '{"data":{"a":"b"},"kind":"ConfigMap","name":""}');
    assert.equal(hashInput(configMap({ a: '<&>' })), '{"data":{"a":"\\u003c\\u0026\\u003e"},"kind":"ConfigMap","name":""}');
    assert.equal(hashInput({ kind: 'ConfigMap', metadata: { name: 'e' } }), '{"data":"","kind":"ConfigMap","name":""}');
    assert.equal(hashInput(secret('Opaque', { k: 'dg==' })), '{"data":{"k":"dg=="},"kind":"Secret","name":"","type":"Opaque"}');
  });

  const cases: [string, JsonObject, string][] = [
    ['literal a=b', configMap({ a: 'b' }), '4h2mbtbbt6'],
    ['HTML characters', configMap({ a: '<&>' }), 'm9gb99d79d'],
    ['control characters and U+2028', configMap({ a: 'x\by\fz\u2028\t\n"\\' }), 't8bh79b5hc'],
    ['keys in UTF-8 byte order', configMap({ é: '1', z: '2', '😀': '3', '\uFFFD': '4', B: '5' }), 'bb26fhd2hb'],
    ['binaryData', { kind: 'ConfigMap', metadata: { name: 'bin' }, binaryData: { 'bin.dat': 'AAH/' } }, '78kbcb5498'],
    ['empty ConfigMap', { kind: 'ConfigMap', metadata: { name: 'empty' } }, '6ct58987ht'],
    ['Secret k=v', secret('Opaque', { k: 'dg==' }), 'ftgtgc4t9f'],
    ['tls Secret', secret('kubernetes.io/tls', { 'tls.crt': 'Q0VSVA==', 'tls.key': 'S0VZ' }), '4b255hm948'],
    ['empty Secret', secret('Opaque', {}), '46f8b28mk5'],
    [
      'wrapped Secret value (newlines count)',
      secret('Opaque', { 'long.txt': 'eHh4eHh4eHh4eHh4eHh4eHh4eHh4eHh4eHh4eHh4eHh4eHh4eHh4eHh4eHh4eHh4eHh4eH\nh4eHh4eHh4\n' }),
      '2k46t86dhc',
    ],
    [
      'patched non-string data decoded as float64',
      configMap({ a: 'b', big: 1e21, f: 1.5e-7, n: 12345678901234567890n, t: true, neg: -0 }),
      't656t268dg',
    ],
  ];
  for (const [title, obj, expected] of cases) {
    it(`${title} → ${expected}`, () => assert.equal(contentHash(obj), expected));
  }

  it('renames only objects that want a suffix, remembering the old id first', () => {
    const resources = new ResMap();
    const wanted = new Resource(configMap({ a: 'b' }), { file: '/k.yaml', line: 2 });
    wanted.generator = { hashSuffix: true, behavior: 'create' };
    const disabled = new Resource({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'off' } }, { file: '/k.yaml', line: 5 });
    disabled.generator = { hashSuffix: false, behavior: 'create' };
    const plain = new Resource({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'plain' } }, { file: '/r.yaml', line: 1 });
    resources.add(wanted);
    resources.add(disabled);
    resources.add(plain);
    applyHashSuffixes(resources);
    assert.deepEqual(resources.all().map((r) => r.name), ['cfg-4h2mbtbbt6', 'off', 'plain']);
    assert.deepEqual(wanted.previousIds, [{ group: '', version: 'v1', kind: 'ConfigMap', name: 'cfg', namespace: 'ignored' }]);
    assert.deepEqual(disabled.previousIds, []);
  });

  it('goJsonStringify sorts keys by UTF-8 bytes, not UTF-16 units', () => {
    assert.equal(goJsonStringify({ '\uFFFD': 1, '😀': 2, a: [true, null, 'x'] }), '{"a":[true,null,"x"],"\uFFFD":1,"😀":2}');
  });
});
