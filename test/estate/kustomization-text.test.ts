import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { posix } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import type * as Yaml from 'yaml';
import type { JsonObject, JsonValue } from '../../src/core/json.js';
import { composeCluster } from '../../src/estate/compose.js';
import { quickText } from '../../src/estate/kustomization-text.js';
import { loadEstate } from '../../src/estate/load.js';
import { DiskFileSystem } from '../../src/fs/disk.js';
import { FIXTURES } from './helpers.js';

// The quick printer of generated kustomizations must print what the `yaml` package prints, or leave it to it.
const { Document, parse } = createRequire(import.meta.url)('yaml') as typeof Yaml;
const EXAMPLE = fileURLToPath(new URL('../../../examples/acme-estate/', import.meta.url));

function viaLibrary(value: JsonObject): string {
  return new Document(value, { version: '1.1' }).toString({ indentSeq: false, lineWidth: 0 });
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

describe('kustomizationText', () => {
  it('prints every composition of the example estate and the fixtures as the yaml package does', () => {
    let quick = 0;
    for (const dir of [EXAMPLE, posix.join(FIXTURES, 'mini')]) {
      const estate = loadEstate(new DiskFileSystem(), dir);
      for (const cluster of estate.clusters) {
        for (const text of composeCluster(estate, cluster.name).files.values()) {
          const value = parse(text, { version: '1.1' }) as JsonObject;
          assert.equal(viaLibrary(value), text);
          const printed = quickText(value);
          if (printed === undefined) continue;
          quick++;
          assert.equal(printed, text);
        }
      }
    }
    assert.ok(quick > 10);
  });

  it('random values: plain when certain, and then exactly the yaml package text', () => {
    const rnd = random(23);
    const common = ['a', 'Z', '0', '1', '9', '.', '/', '-', '_', 'y', 'N', 'yes', 'Off', 'null', 'e', 'E', 'x', 'o', 'b', '2026-', '..', '../'];
    const rare = [':', ' ', '~', '+', '#', '"', "'", 'é', '<<', '...', '---'];
    const piece = (): string => (rnd(12) === 0 ? rare[rnd(rare.length)]! : common[rnd(common.length)]!);
    const str = (): string => Array.from({ length: 1 + rnd(5) }, piece).join('');
    const scalar = (): JsonValue => (rnd(6) === 0 ? rnd(100) - 50 : rnd(12) === 0 ? rnd(2) === 0 : str());
    const map = (depth: number): JsonObject => {
      const out: JsonObject = {};
      for (let i = 0; i < 1 + rnd(3); i++) {
        const kind = depth > 2 ? 0 : rnd(3);
        out[str()] = kind === 0 ? scalar() : kind === 1 ? map(depth + 1) : Array.from({ length: 1 + rnd(3) }, () => (rnd(2) ? scalar() : map(depth + 1)));
      }
      return out;
    };
    let taken = 0;
    for (let it = 0; it < 3000; it++) {
      const value = map(0);
      const text = quickText(value);
      if (text === undefined) continue;
      taken++;
      assert.equal(text, viaLibrary(value), JSON.stringify(value));
    }
    assert.ok(taken > 200, `only ${taken} taken`);
  });
});
