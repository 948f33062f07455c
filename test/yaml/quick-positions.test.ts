import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { JsonValue } from '../../src/core/json.js';
import { fastParse } from '../../src/yaml/fast-parse.js';
import { parseDocuments, parseDocumentsFully } from '../../src/yaml/parse.js';

// Positions found by the quick reader must be the full parser's.
const FIXTURES = fileURLToPath(new URL('../../../test/yaml/fixtures/', import.meta.url));

type Path = (string | number)[];

/** Every key and item path of a value, plus one missing key and index per container. */
function pathsOf(value: JsonValue, prefix: Path = [], out: Path[] = []): Path[] {
  out.push(prefix);
  if (Array.isArray(value)) {
    value.forEach((v, i) => pathsOf(v, [...prefix, i], out));
    out.push([...prefix, value.length], [...prefix, 'x']);
  } else if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) pathsOf(v, [...prefix, k], out);
    out.push([...prefix, 'no-such-key'], [...prefix, 0]);
  } else out.push([...prefix, 'below-a-scalar']);
  return out;
}

/** Counts texts the quick reader took; fails on the first position that differs. */
function check(texts: string[]): number {
  let taken = 0;
  for (const text of texts) {
    if (!fastParse(text)) continue;
    let full;
    try {
      full = parseDocumentsFully(text, 'x.yaml');
    } catch {
      continue;
    }
    taken++;
    const quick = parseDocuments(text, 'x.yaml');
    quick.forEach((doc, d) => {
      for (const path of pathsOf(doc.value)) {
        assert.deepEqual(doc.locate(path), full[d]!.locate(path), `${JSON.stringify(text)} at ${JSON.stringify(path)}`);
      }
    });
  }
  return taken;
}

function random(seed: number): (n: number) => number {
  let s = seed >>> 0 || 1;
  return (n) => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) % n;
  };
}

const corpus = readdirSync(FIXTURES).filter((f) => f.endsWith('.yaml')).map((f) => readFileSync(FIXTURES + f, 'utf8'));

test('fixtures: positions agree with the full parser', () => {
  assert.ok(check(corpus) >= 4);
  assert.ok(check(corpus.map((t) => t.replace(/\n/g, '\r\n'))) >= 4);
});

test('hand-picked shapes: empty values and items, compact and indentless lists, flow collections', () => {
  const texts = [
    'a:\nb: |\n  x\nc: "q"\n', 'a:\n  - x\n  -\n  - y\n', 'a: [x, {k: v}]\nb: {c: [d, e]}\n', '- a\n- b: c\n  d: e\n- - f\n  - g\n',
    'a:   # c\n  b: 1\n', 'a:\n\n  b: 1\n', 'a:\n- x\n- y: 1\nb: 2\n', '-\n  a: 1\n- # c\n  b: 2\n-\n', 'k: "multi\n  line"\nn: plain\n  more\n',
    '---\na: 1\n---\n- 2\n', 'a: {}\nb: []\n',
  ];
  assert.equal(check(texts), texts.length);
});

const PIECES = [' ', '  ', '-', '- ', ':', ': ', '#', ' #', '|', '|-', '"', "'", '[', ']', '{', '}', ',', '\n', '\n  ', '\n- ', 'a', 'key: ', '~', '1', '---\n'];

test('mutated fixtures: positions agree wherever the quick reader reads', () => {
  const rnd = random(13);
  const texts: string[] = [];
  for (let it = 0; it < 800; it++) {
    const lines = corpus[rnd(corpus.length)]!.split('\n');
    const from = rnd(lines.length);
    let s = `${lines.slice(from, from + 4 + rnd(20)).join('\n')}\n`;
    for (let m = 1 + rnd(3); m > 0; m--) {
      const at = rnd(s.length + 1);
      s = rnd(2) ? s.slice(0, at) + PIECES[rnd(PIECES.length)]! + s.slice(at) : s.slice(0, at) + s.slice(at + 1 + rnd(4));
    }
    texts.push(s);
  }
  assert.ok(check(texts) > 100);
});
