import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { sha256Hex } from '../../src/render/generators/sha256.js';

test('sha256Hex: FIPS 180-4 vectors and agreement with node:crypto across block boundaries and UTF-8', () => {
  assert.equal(sha256Hex(''), 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
  assert.equal(sha256Hex('abc'), 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  assert.equal(sha256Hex('abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq'), '248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1');
  for (let n = 0; n < 200; n++) {
    const text = Array.from({ length: n }, (_, i) => (i % 13 === 0 ? 'é' : i % 31 === 0 ? '😀' : String.fromCharCode(33 + ((i * 7 + n) % 90)))).join('');
    assert.equal(sha256Hex(text), createHash('sha256').update(text, 'utf8').digest('hex'), `length ${n}`);
  }
});
