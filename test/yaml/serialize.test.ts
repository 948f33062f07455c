import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { parseDocuments } from '../../src/yaml/parse.js';
import { stringifyDocument, stringifyDocuments } from '../../src/yaml/serialize.js';
import { goJsonStringify } from '../../src/yaml/gojson.js';
import { formatYamlNumber } from '../../src/yaml/go-number.js';
import { keyLess } from '../../src/yaml/natural-order.js';
import { DiagnosticError } from '../../src/core/diagnostic.js';
import type { JsonValue } from '../../src/core/json.js';

// Golden outputs come from `kubectl kustomize` (see fixtures/regen.sh).
const FIXTURES = fileURLToPath(new URL('../../../test/yaml/fixtures/', import.meta.url));
const read = (name: string): string => readFileSync(FIXTURES + name, 'utf8');

function render(text: string, file: string): string {
  const values = parseDocuments(text, file).map((d) => d.value).filter((v) => v !== null);
  return stringifyDocuments(values);
}

/** Reports the first differing line, which reads better than a 400-line diff. */
function assertSameText(actual: string, expected: string, label: string): void {
  if (actual === expected) return;
  const a = actual.split('\n');
  const e = expected.split('\n');
  const i = a.findIndex((line, n) => line !== e[n]);
  assert.fail(`${label}: line ${i + 1}\n  got:  ${JSON.stringify(a[i])}\n  want: ${JSON.stringify(e[i])}`);
}

for (const name of ['strings', 'structure', 'nesting', 'breaks']) {
  test(`golden: ${name} prints byte for byte like kubectl`, () => {
    assertSameText(render(read(`${name}.in.yaml`), `${name}.in.yaml`), read(`${name}.out.yaml`), name);
  });
}

// `breaks` is left out on purpose: raw U+2028/U+2029 are line breaks to
// kustomize's reader but ordinary characters to ours (YAML 1.2).
for (const name of ['strings', 'structure', 'nesting']) {
  test(`round trip: printing the parsed ${name} output gives it back`, () => {
    const out = read(`${name}.out.yaml`);
    assertSameText(render(out, `${name}.out.yaml`), out, name);
  });
}

test('numbers print as after the JSON round trip', () => {
  const cases: [number | bigint, string][] = [
    [1, '1'], [-0, '0'], [0.5, '0.5'], [1e-7, '1e-07'], [1.5e-7, '1.5e-07'], [0.0001, '0.0001'], [1e-5, '1e-05'],
    [123456.5, '123456.5'], [1234567.5, '1.2345675e+06'], [1e20, '1e+20'], [1e21, '1e+21'], [1e19, '10000000000000000000'],
    [-9223372036854775808, '-9.223372036854776e+18'], [-9223372036854774784, '-9223372036854775000'],
    [18446744073709551616, '1.8446744073709552e+19'], [12345678901234567890n, '12345678901234567890'],
    [-9223372036854775808n, '-9223372036854775808'], [2n ** 64n, '1.8446744073709552e+19'], [5e-324, '5e-324'],
    [1.7976931348623157e308, '1.7976931348623157e+308'], [3.141592653589793, '3.141592653589793'],
  ];
  for (const [n, text] of cases) assert.equal(formatYamlNumber(n), text, String(n));
});

test('key order: natural, non-letters before letters', () => {
  const ordered = ['-', '.', '_', '1', '01', '2', '10', 'A', 'a', 'a-b', 'a.b', 'a/b', 'a_b', 'a1', 'a01', 'a2', 'a10', 'aB', 'ab', 'b', 'é'];
  for (let i = 0; i + 1 < ordered.length; i++) {
    assert.ok(keyLess(ordered[i]!, ordered[i + 1]!), `${ordered[i]} < ${ordered[i + 1]}`);
    assert.ok(!keyLess(ordered[i + 1]!, ordered[i]!), `not ${ordered[i + 1]} < ${ordered[i]}`);
  }
});

test('empty documents, scalars and collections at the root', () => {
  assert.equal(stringifyDocuments([]), '');
  assert.equal(stringifyDocument({}), '{}\n');
  assert.equal(stringifyDocument([]), '[]\n');
  assert.equal(stringifyDocument(['a', { b: [] }]), '- a\n- b: []\n');
  assert.equal(stringifyDocuments([{ a: 1 }, { b: null }]), 'a: 1\n---\nb: null\n');
});

function codeOf(value: JsonValue): string {
  try {
    stringifyDocument(value);
  } catch (e) {
    return e instanceof DiagnosticError ? e.code : `not a diagnostic: ${String(e)}`;
  }
  return 'no error';
}

test('values kustomize cannot print are errors', () => {
  assert.equal(codeOf({ a: '\u007f' }), 'YAML_UNSUPPORTED_VALUE');
  assert.equal(codeOf({ a: 'x\u0090' }), 'YAML_UNSUPPORTED_VALUE');
  assert.equal(codeOf({ '\ufffe': 'x' }), 'YAML_UNSUPPORTED_VALUE');
  assert.equal(codeOf({ a: Number.NaN }), 'YAML_UNSUPPORTED_VALUE');
  assert.equal(codeOf({ a: [Number.NEGATIVE_INFINITY] }), 'YAML_UNSUPPORTED_VALUE');
});

function hashSuffix(json: string): string {
  const hex = createHash('sha256').update(json, 'utf8').digest('hex').slice(0, 10);
  const swap: Record<string, string> = { '0': 'g', '1': 'h', '3': 'k', a: 'm', e: 't' };
  return [...hex].map((c) => swap[c] ?? c).join('');
}

test('goJsonStringify matches Go encoding/json (checked through generator hash suffixes)', () => {
  const simple = { kind: 'ConfigMap', name: '', data: { a: 'b' } };
  assert.equal(goJsonStringify(simple), '{"data":{"a":"b"},"kind":"ConfigMap","name":""}');
  assert.equal(hashSuffix(goJsonStringify(simple)), '4h2mbtbbt6');
  const tricky = { kind: 'ConfigMap', name: '', data: { b: '1.5', a: 'x\by\fz<>&\u2028é\u{1F600}\t\u0001' } };
  assert.equal(goJsonStringify(tricky), '{"data":{"a":"x\\by\\fz\\u003c\\u003e\\u0026\\u2028é\u{1F600}\\t\\u0001","b":"1.5"},"kind":"ConfigMap","name":""}');
  assert.equal(hashSuffix(goJsonStringify(tricky)), '86d76db5mt');
  assert.equal(goJsonStringify([1, 0.5, 1e21, 1e-7, -0, 12345678901234567890n, null, true]), '[1,0.5,1e+21,1e-7,-0,12345678901234567890,null,true]');
  assert.equal(goJsonStringify({ '\u{1F600}': 1, '\uffff': 2, b: 3, B: 4 }), '{"B":4,"b":3,"\uffff":2,"\u{1F600}":1}');
});
