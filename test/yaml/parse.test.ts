import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseDocuments } from '../../src/yaml/parse.js';
import { DiagnosticError } from '../../src/core/diagnostic.js';
import type { JsonValue } from '../../src/core/json.js';

function valueOf(scalar: string): JsonValue {
  const [doc] = parseDocuments(`v: ${scalar}\n`, 't.yaml');
  return (doc!.value as { v: JsonValue }).v;
}

// Each expectation was checked with `kubectl kustomize` (what it prints for the scalar).
const SCALARS: [string, JsonValue][] = [
  ['true', true], ['True', true], ['TRUE', true], ['false', false], ['False', false], ['FALSE', false],
  ['yes', 'yes'], ['on', 'on'], ['y', 'y'], ['n', 'n'], ['off', 'off'], ['tRue', 'tRue'],
  ['~', null], ['null', null], ['Null', null], ['NULL', null], ['', null], ['nULL', 'nULL'],
  ['010', 8], ['0o17', 15], ['0x10', 16], ['-0x10', -16], ['1_000', 1000], ['0b101', 5], ['+12', 12],
  ['08', 8], ['0', 0], ['-0', 0], ['0x', '0x'], ['0o', '0o'], ['0b', '0b'],
  ['1.0', 1], ['.5', 0.5], ['5.', 5], ['+.5e+3', 500], ['1e-400', 0], ['1e400', '1e400'], ['0.1', 0.1],
  ['9007199254740993', 9007199254740993n], ['12345678901234567890', 12345678901234567890n],
  ['-9223372036854775808', -9223372036854775808n], ['18446744073709551616', 18446744073709551616],
  ['1:20', '1:20'], ['<<', '<<'], ['"12"', '12'], ["'true'", 'true'], ['!!str 12', '12'], ['!!int "12"', 12],
  ['!!int 0x1F', 31], ['!!float 3', 3], ['! 12', 12], ['!foo bar', 'bar'], ['!!binary aGVsbG8=', 'hello'],
  ['2024-01-01', '2024-01-01T00:00:00Z'], ['2001-12-14t21:59:43.10-05:00', '2001-12-14T21:59:43.1-05:00'],
  ['2001-12-14T21:59:43', '2001-12-14T21:59:43'], ['2001-12-14 21:59:43.123456789123', '2001-12-14T21:59:43.123456789Z'],
  ['2001-1-2', '2001-01-02T00:00:00Z'], ['2001-02-30', '2001-02-30'], ['2001-12-14T21:59:43+00:00', '2001-12-14T21:59:43Z'],
  ['2001-12-14T21:59:43,5Z', '2001-12-14T21:59:43.5Z'], ['2001-12-14  21:59:43', '2001-12-14T21:59:43Z'],
  ['"2001-12-14"', '2001-12-14'], ['!!timestamp 2001-12-14', '2001-12-14T00:00:00Z'], ['0012-01-01', '0012-01-01T00:00:00Z'],
  ['2001-12-14T24:00:00Z', '2001-12-14T24:00:00Z'], ['2001-12-14T21:59:43.000Z', '2001-12-14T21:59:43Z'],
  ['2001-12-14 21:59:43.10 -5', '2001-12-14 21:59:43.10 -5'],
];

test('scalars resolve like kustomize reads them', () => {
  for (const [text, expected] of SCALARS) assert.deepEqual(valueOf(text), expected, text);
});

test('aliases and merge keys expand; explicit keys win; earlier merge sources win', () => {
  const [doc] = parseDocuments('b: &b {x: 1, y: [1, 2]}\no: {y: 3, <<: *b}\nm:\n  <<: [*b, {z: 9, x: 2}]\nr: *b\n', 't.yaml');
  assert.deepEqual(doc!.value, {
    b: { x: 1, y: [1, 2] }, o: { y: 3, x: 1 }, m: { x: 1, y: [1, 2], z: 9 }, r: { x: 1, y: [1, 2] },
  });
  const v = doc!.value as Record<string, Record<string, JsonValue>>;
  assert.notEqual(v.r, v.b, 'alias uses are independent copies');
});

test('documents: index, first content line, empty ones are null', () => {
  const docs = parseDocuments('# head\na: 1\n---\n# only a comment\n---\n\n\nb: [1]\n', 'f.yaml');
  assert.deepEqual(docs.map((d) => [d.index, d.line, d.value]), [[0, 2, { a: 1 }], [1, 3, null], [2, 8, { b: [1] }]]);
});

test('locate finds keys and list items lazily', () => {
  const [doc] = parseDocuments('a:\n  b:\n  - x\n  -   y: 1\n', 'f.yaml');
  assert.deepEqual(doc!.locate(['a', 'b']), { line: 2, column: 3 });
  assert.deepEqual(doc!.locate(['a', 'b', 1]), { line: 4, column: 7 });
  assert.deepEqual(doc!.locate(['a', 'b', 1, 'y']), { line: 4, column: 7 });
  assert.equal(doc!.locate(['a', 'zz']), undefined);
  assert.equal(doc!.locate(['a', 'b', 5]), undefined);
});

function codesOf(text: string): [string, number | undefined, number | undefined][] {
  try {
    parseDocuments(text, 'bad.yaml');
  } catch (e) {
    assert.ok(e instanceof DiagnosticError);
    for (const d of e.diagnostics) assert.equal(d.file, 'bad.yaml');
    return e.diagnostics.map((d) => [d.code, d.line, d.column]);
  }
  assert.fail('expected a DiagnosticError');
}

test('errors carry codes and positions; all of a file at once', () => {
  assert.deepEqual(codesOf('a: 1\nb:\n  c: 1\n  c: 2\n---\nx: 1\nx: 2\n'), [
    ['YAML_DUPLICATE_KEY', 4, 3], ['YAML_DUPLICATE_KEY', 7, 1],
  ]);
  assert.deepEqual(codesOf('a:\n  1: x\n  "1": y\n'), [['YAML_UNSUPPORTED_VALUE', 2, 3], ['YAML_DUPLICATE_KEY', 3, 3]]);
  assert.deepEqual(codesOf('a: .inf\nb: [-.Inf, .nan]\n').map((c) => c[0]), Array(3).fill('YAML_UNSUPPORTED_VALUE'));
  assert.deepEqual(codesOf('a: !!bool yes\n')[0], ['YAML_UNSUPPORTED_VALUE', 1, 11]);
  const syntax = codesOf('a: [1, 2\n---\nb: "x\n');
  assert.ok(syntax.length >= 2 && syntax.every((c) => c[0] === 'YAML_SYNTAX' && c[1]! > 0 && c[2]! > 0));
  assert.equal(codesOf('o:\n  <<: {a: 1}\n  <<: {b: 1}\n')[0]![0], 'YAML_SYNTAX');
  // kubectl refuses directives, even %YAML 1.1, and control characters anywhere.
  assert.equal(codesOf('%YAML 1.1\n---\na: 1\n')[0]![0], 'YAML_SYNTAX');
  assert.equal(codesOf('%TAG !e! tag:example.com,2000:\n---\na: 1\n')[0]![0], 'YAML_SYNTAX');
  assert.deepEqual(codesOf('a: 1\nb: "x\u0007"\n'), [['YAML_SYNTAX', 2, 6]]);
});

test('top-level keys may be any scalar (read as their text); nested ones must be strings', () => {
  assert.deepEqual(parseDocuments('1: v\ntrue: w\n', 't.yaml')[0]!.value, { '1': 'v', true: 'w' });
  assert.deepEqual(codesOf('k:\n  true: b\n')[0]![0], 'YAML_UNSUPPORTED_VALUE');
});

test('a __proto__ key is an ordinary own key', () => {
  const v = parseDocuments('__proto__: {a: 1}\n', 't.yaml')[0]!.value as Record<string, JsonValue>;
  assert.deepEqual(Object.keys(v), ['__proto__']);
  assert.equal(Object.getPrototypeOf(v), Object.prototype);
});

test('alias bombs are refused instead of expanded', () => {
  const lines = ['a: &a [x, x, x, x, x, x, x, x, x, x]'];
  for (let i = 1; i < 9; i++) lines.push(`${'abcdefghi'[i]}: &${'abcdefghi'[i]} [${Array(10).fill(`*${'abcdefghi'[i - 1]}`).join(', ')}]`);
  assert.equal(codesOf(lines.join('\n') + '\n')[0]![0], 'YAML_SYNTAX');
});
