import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { isDeepStrictEqual } from 'node:util';
import { fastParse } from '../../src/yaml/fast-parse.js';
import { parseDocuments, parseDocumentsFully } from '../../src/yaml/parse.js';

// The quick reader must either give up or agree exactly with the full parser.
const FIXTURES = fileURLToPath(new URL('../../../test/yaml/fixtures/', import.meta.url));

function fullResult(text: string): { value: unknown; line: number }[] | 'error' {
  try {
    return parseDocumentsFully(text, 'x.yaml').map((d) => ({ value: d.value, line: d.line }));
  } catch {
    return 'error';
  }
}

/** Counts inputs the quick reader took; fails on any disagreement. */
function check(texts: string[]): number {
  let taken = 0;
  for (const text of texts) {
    const quick = fastParse(text);
    if (!quick) continue;
    taken++;
    const full = fullResult(text);
    assert.notEqual(full, 'error', `quick reader accepted invalid YAML: ${JSON.stringify(text)}`);
    assert.ok(isDeepStrictEqual(quick, full), `disagreement on ${JSON.stringify(text)}`);
  }
  return taken;
}

/** xorshift64: small, deterministic. */
function random(seed: number): (n: number) => number {
  let s = BigInt(seed) * 0x9e3779b97f4a7c15n + 1n;
  const mask = (1n << 64n) - 1n;
  return (n) => {
    s ^= (s << 13n) & mask;
    s ^= s >> 7n;
    s ^= (s << 17n) & mask;
    return Number(s % BigInt(n));
  };
}

test('fixtures: the quick reader agrees with the full parser (and takes the common files)', () => {
  const files = readdirSync(FIXTURES).filter((f) => f.endsWith('.yaml'));
  const texts = files.map((f) => readFileSync(FIXTURES + f, 'utf8'));
  assert.ok(check(texts) >= 4);
  assert.ok(check(texts.map((t) => t.replace(/\n/g, '\r\n'))) >= 4, 'CRLF files read the same');
});

const PIECES = [' ', '  ', '-', '- ', ':', ': ', '#', ' #', '|', '|-', '|+', '|2', '>', '"', "'", '[', ']', '{', '}', ',',
  '\n', '\n  ', '\n- ', 'a', 'key: ', '\\', '"\\n"', '~', 'null', '1', '0x1', '&a ', '*a', '!!str ', '<<: ', '---\n',
  '...\n', '? ', 'é', '\u00a0', '2024-01-01', '\t', '\r\n'];

test('mutated fixtures: quick reader gives up or agrees', () => {
  const rnd = random(7);
  const corpus = readdirSync(FIXTURES).filter((f) => f.endsWith('.yaml')).map((f) => readFileSync(FIXTURES + f, 'utf8'));
  const texts: string[] = [];
  for (let it = 0; it < 1500; it++) {
    const lines = corpus[rnd(corpus.length)]!.split('\n');
    const from = rnd(lines.length);
    let s = `${lines.slice(from, from + 4 + rnd(20)).join('\n')}${rnd(4) ? '\n' : ''}`;
    for (let m = 1 + rnd(3); m > 0; m--) {
      const at = rnd(s.length + 1);
      s = rnd(2) ? s.slice(0, at) + PIECES[rnd(PIECES.length)]! + s.slice(at) : s.slice(0, at) + s.slice(at + 1 + rnd(4));
    }
    texts.push(s);
  }
  assert.ok(check(texts) > 100);
});

test('generated block YAML: quick reader gives up or agrees', () => {
  const rnd = random(11);
  const pick = <T>(items: T[]): T => items[rnd(items.length)]!;
  const scalar = (indent: number): string => {
    const pad = ' '.repeat(indent + 2);
    switch (rnd(7)) {
      case 0: return JSON.stringify(pick(['a', 'yes', '1', 'é b', 'a: b', ' x ', '']));
      case 1: return `'${pick(['a', "it''s", 'x # y', ''])}'`;
      case 2: return `|${pick(['', '-', '+', '2'])}\n${pad}line\n${pick(['', `${pad}  more\n`, '\n'])}${pad}end${pick(['', '\n'])}`;
      case 3: return `first\n${pad}second${pick(['', `\n\n${pad}third`])}`;
      case 4: return `"one ${pick(['', '\\t', '\\ '])}\n${pad}${pick(['two', '\\ two'])}\n${pad}three"`;
      case 5: return pick(['[a, 1, "q"]', '{k: v, n: 1}', '[]', '{}', '[[x], {k: [1]}]', '[-1, .5]']);
      default: return pick(['plain', 'a b', '1.5', '~', 'true', '2024-01-01', 'x#y', 'http://h:1/p', 'v # comment']);
    }
  };
  const block = (indent: number, depth: number): string => {
    const pad = ' '.repeat(indent);
    const lines: string[] = [];
    for (const key of ['a', '"b c"', "'d'", 'e'].slice(0, 1 + rnd(4))) {
      const kind = depth > 2 ? 0 : rnd(4);
      if (kind === 0) lines.push(`${pad}${key}: ${scalar(indent)}`);
      else if (kind === 1) lines.push(`${pad}${key}:${pick(['', ' # c'])}\n${block(indent + 2, depth + 1)}`);
      else {
        const seqPad = pick([pad, `${pad}  `]);
        const item = rnd(2) ? `- ${scalar(seqPad.length)}` : `- ${block(seqPad.length + 2, depth + 1).trimStart()}`;
        lines.push(`${pad}${key}:\n${seqPad}${item}\n${seqPad}- x`);
      }
      if (rnd(6) === 0) lines.push(pick(['', `${pad}# note`, '   ']));
    }
    return lines.join('\n');
  };
  const texts: string[] = [];
  for (let it = 0; it < 600; it++) {
    const docs = Array.from({ length: 1 + rnd(3) }, () => (rnd(8) ? block(0, 0) : '# only a comment'));
    texts.push(`${rnd(3) ? '' : '---\n'}${docs.join(pick(['\n---\n', '\n--- # c\n']))}${pick(['\n', '\n\n', ''])}`);
  }
  assert.ok(check(texts) > 200);
});

test('folded quoted scalars read as kubectl reads them', () => {
  // Checked with kubectl: an escaped line break followed by a blank line keeps a newline.
  const [doc] = parseDocuments('k1: "one \\\n\n  three"\nk2: "one \\\n  two"\nk3: "a\n\n\n  b  \n  c"\nk4: \'x\n\n  y \'\n', 't.yaml');
  assert.deepEqual(doc!.value, { k1: 'one \nthree', k2: 'one two', k3: 'a\n\nb c', k4: 'x\ny ' });
});

test('a plain scalar continued on a line that starts with an indicator (as kustomize folds long strings) is taken', () => {
  const starts = ['>', '|', '!', '&', '*', '%', '@', '`', "'", '"', '[', ']', '{', '}', ','];
  const texts = starts.map((c) => `spec:\n  expr: sum(queue_depth{name="push"})\n    ${c} 5000\n  for: 3m\n`);
  assert.equal(check(texts), texts.length, 'every one taken, and each agrees with the full parser');
  assert.deepEqual(fastParse(texts[0]!)![0]!.value, { spec: { expr: 'sum(queue_depth{name="push"}) > 5000', for: '3m' } });
  // A line starting `- `, `? ` or `: ` is left to the full parser; a comment line ends the scalar.
  for (const c of ['- x', '? x', ': x']) assert.equal(fastParse(`a:\n  k: foo\n    ${c}\n`), undefined);
  assert.equal(check(['a:\n  k: foo\n    # note\n  j: 1\n']), 1);
});
