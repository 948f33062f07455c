/**
 * cel-go's strings extension (ext.Strings) at the versions Kubernetes uses:
 * version 0 before 1.29, version 2 from 1.29. `indexOf`, `lastIndexOf`,
 * `lowerAscii`, `upperAscii`, `split`, `substring`, `trim` and `join` exist in
 * every version (see builtins.ts); this adds `charAt`, `replace`, and from
 * version 1 `format` and `strings.quote`. `reverse` is version 3, which no
 * Kubernetes release enables; it is installed only when asked for.
 */
import type { Environment } from '@marcbachmann/cel-js';
import { celError } from '../errors.js';
import { v, type CelLibrary } from '../library.js';
import { formatString, quote } from '../string-format.js';
import { runesOf } from './builtins.js';

export function charAt(s: string, index: bigint): string {
  const runes = runesOf(s);
  if (index < 0n || index > BigInt(runes.length)) throw celError(`index out of range: ${index}`);
  return runes[Number(index)] ?? '';
}

/** Go's strings.Replace: n < 0 replaces all; an empty `old` matches before every code point and at the end. */
export function replace(s: string, old: string, replacement: string, n = -1n): string {
  if (n === 0n || old === replacement) return s;
  let count = 0n;
  const more = () => n < 0n || count < n;
  if (old === '') {
    let out = '';
    const runes = runesOf(s);
    for (let i = 0; i <= runes.length; i++) {
      if (more()) {
        out += replacement;
        count++;
      }
      out += runes[i] ?? '';
    }
    return out;
  }
  let out = '';
  let start = 0;
  while (more()) {
    const at = s.indexOf(old, start);
    if (at < 0) break;
    out += s.slice(start, at) + replacement;
    start = at + old.length;
    count++;
  }
  return out + s.slice(start);
}

export function reverse(s: string): string {
  return runesOf(s).reverse().join('');
}

class StringsNamespace {}

function installVersion(version: number): (env: Environment) => void {
  return (env) => {
    env
      .registerFunction('string.charAt(int): string', charAt)
      .registerFunction('string.replace(string, string): string', (s: string, a: string, b: string) => replace(s, a, b))
      .registerFunction('string.replace(string, string, int): string', replace);
    if (version >= 1) {
      env
        .registerFunction('string.format(list): string', formatString)
        .registerType('StringsNamespace', StringsNamespace)
        .registerConstant('strings', 'StringsNamespace', new StringsNamespace())
        .registerFunction('StringsNamespace.quote(string): string', (_ns: unknown, s: string) => quote(s));
    }
    if (version >= 3) env.registerFunction('string.reverse(): string', reverse);
  };
}

export const stringsV0Library: CelLibrary = { name: 'ext.strings.v0', since: v(1, 0), until: v(1, 29), install: installVersion(0) };
export const stringsV2Library: CelLibrary = { name: 'ext.strings.v2', since: v(1, 29), install: installVersion(2) };
/** Not part of any Kubernetes release's environment; for callers that want the newer functions. */
export const stringsV3Library: CelLibrary = { name: 'ext.strings.v3', since: v(99, 0), install: installVersion(3) };
