import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { isDeepStrictEqual } from 'node:util';
import { fastParse } from '../../src/yaml/fast-parse.js';
import { parseDocumentsFully } from '../../src/yaml/parse.js';

// Anchors and aliases in the quick reader: it must give up or agree with the full parser.
const FIXTURES = fileURLToPath(new URL('../../../test/yaml/fixtures/', import.meta.url));

function agrees(text: string): boolean | undefined {
  const quick = fastParse(text);
  if (!quick) return undefined;
  const full = parseDocumentsFully(text, 'x.yaml').map((d) => ({ value: d.value, line: d.line }));
  assert.ok(isDeepStrictEqual(quick, full), `disagreement on ${JSON.stringify(text)}`);
  return true;
}

test('anchored maps, lists and scalars; aliases are independent copies', () => {
  const text = 'metadata:\n  labels: &id001\n    app: web\nspec:\n  selector:\n    matchLabels: *id001\n  ports: &p\n    - 80\n    - 443\n  more: *p\n  name: &n web # c\n  again: *n\nitems:\n- &i {a: 1}\n- *i\n';
  assert.equal(agrees(text), true);
  const [doc] = fastParse(text)!;
  const v = doc!.value as { metadata: { labels: object }; spec: { selector: { matchLabels: object } } };
  assert.notEqual(v.spec.selector.matchLabels, v.metadata.labels);
});

test('what the quick reader leaves to the full parser', () => {
  for (const text of ['a: *nope\n', '&root\na: 1\n', 'a: &x &y 1\n', 'a: &x *y\n', 'a: &x\n- 1\n', 'a: &x 1\nb: <<: *x\n', 'a: &x 1\nb: [*x]\n']) {
    assert.equal(fastParse(text), undefined, text);
  }
});

test('mutated fixtures with anchors and aliases: the quick reader gives up or agrees', () => {
  let s = 7;
  const rnd = (n: number): number => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) % n;
  };
  const corpus = readdirSync(FIXTURES).filter((f) => f.endsWith('.yaml')).map((f) => readFileSync(FIXTURES + f, 'utf8'));
  const pieces = [' ', '- ', ': ', '\n', '\n  ', '&a ', '&b ', '*a', '*b', ' &a', ' *a', '&a\n', '&'];
  let taken = 0;
  for (let it = 0; it < 1500; it++) {
    const lines = corpus[rnd(corpus.length)]!.split('\n');
    const from = rnd(lines.length);
    let text = `${lines.slice(from, from + 4 + rnd(20)).join('\n')}\n`;
    for (let m = 1 + rnd(4); m > 0; m--) {
      const at = rnd(text.length + 1);
      text = text.slice(0, at) + pieces[rnd(pieces.length)]! + text.slice(at);
    }
    if (/[&*][ab]/.test(text) && agrees(text)) taken++;
  }
  assert.ok(taken > 50, `only ${taken} taken`);
});
