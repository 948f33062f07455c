import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isDeepStrictEqual } from 'node:util';
import { quickKustomization } from '../../src/render/loader-yaml-quick.js';
import { parseKustomizationYamlFully, type PlainNode } from '../../src/render/loader-yaml.js';

// The quick kustomization reader must give up or agree with the full parser: values, kinds and positions.
const CASES = fileURLToPath(new URL('../../../test/conformance/cases/', import.meta.url));

function kustomizationFiles(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) kustomizationFiles(path, out);
    else if (/^(kustomization\.ya?ml|Kustomization)$/.test(name)) out.push(path);
  }
  return out;
}

function fully(text: string): PlainNode | undefined | 'error' {
  try {
    return parseKustomizationYamlFully(text, 'kustomization.yaml');
  } catch {
    return 'error';
  }
}

/** Counts texts the quick reader took; fails on any disagreement. */
function check(texts: string[]): number {
  let taken = 0;
  for (const text of texts) {
    const quick = quickKustomization(text);
    if (!quick) continue;
    taken++;
    assert.ok(isDeepStrictEqual(quick.node, fully(text)), `disagreement on ${JSON.stringify(text)}`);
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

const corpus = kustomizationFiles(CASES).map((f) => readFileSync(f, 'utf8'));

test('conformance kustomizations: the quick reader takes nearly all and agrees', () => {
  assert.ok(check(corpus) >= corpus.length - 5);
});

test('go-yaml v2 scalars and keys: YAML 1.1 booleans, octal, empty values and items', () => {
  const texts = [
    'namePrefix: yes\nreplicas:\n- name: a\n  count: 0x10\n', 'labels:\n- pairs:\n    on: off\n', 'a: [y, n, 010]\n', 'resources:\n-\n- b\n',
    'commonAnnotations:\n  "1": x\n', 'k:\nl: |\n  t\n', 'resources: [a, b]\npatches: [{path: p.yaml}]\n', '# only\n', '---\n---\na: 1\n',
  ];
  check(texts);
  assert.deepEqual(quickKustomization('labels:\n- pairs:\n    on: off\n'), undefined, 'a key reading as a boolean goes to the full parser');
  assert.equal(quickKustomization('a: [y, n, 010]\n')?.node?.kind, 'map');
});

const PIECES = [' ', '  ', '-', '- ', ':', ': ', '#', ' #', '|', '"', "'", '[', ']', '{', '}', ',', '\n', '\n  ', '\n- ', 'a', 'yes', '~', '1', '0x1', '---\n'];

test('mutated kustomizations: the quick reader gives up or agrees', () => {
  const rnd = random(17);
  const texts: string[] = [];
  for (let it = 0; it < 1500; it++) {
    let s = corpus[rnd(corpus.length)]!;
    for (let m = 1 + rnd(3); m > 0; m--) {
      const at = rnd(s.length + 1);
      s = rnd(2) ? s.slice(0, at) + PIECES[rnd(PIECES.length)]! + s.slice(at) : s.slice(0, at) + s.slice(at + 1 + rnd(4));
    }
    texts.push(s);
  }
  assert.ok(check(texts) > 300);
});
