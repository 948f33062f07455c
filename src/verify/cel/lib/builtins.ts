/**
 * cel-go's versions of functions the runtime also ships, with different
 * behaviour: `matches` with RE2 (Go regexp) semantics, and the string
 * functions that count in code points (not UTF-16 units), change ASCII case
 * only and trim Unicode white space as Go's unicode.IsSpace. Calls are
 * routed here by ast.ts; present in every Kubernetes version.
 */
import type { Environment } from '@marcbachmann/cel-js';
import { celError } from '../errors.js';
import type { CelLibrary } from '../library.js';
import { v } from '../library.js';
import { re2 } from '../re2.js';

function regex(pattern: string) {
  try {
    return re2(pattern);
  } catch (error) {
    throw celError(`invalid regular expression ${JSON.stringify(pattern)}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

export function matches(text: string, pattern: string): boolean {
  return regex(pattern).test(text);
}

/** Code points of `s`. */
export function runesOf(s: string): string[] {
  return Array.from(s);
}

function runeCount(s: string): number {
  let n = 0;
  for (const _ of s) n++;
  return n;
}

/** UTF-16 offset → code point index. */
function runeIndex(s: string, offset: number): number {
  return offset < 0 ? offset : runeCount(s.slice(0, offset));
}

/** Code point index → UTF-16 offset (index must be within 0..runeCount). */
function utf16Offset(s: string, index: number): number {
  let offset = 0;
  let i = 0;
  for (const ch of s) {
    if (i === index) return offset;
    offset += ch.length;
    i++;
  }
  return offset;
}

function outOfRange(index: bigint | number): never {
  throw celError(`index out of range: ${index}`);
}

export function indexOf(s: string, sub: string, from?: bigint): bigint {
  if (from === undefined) return sub === '' ? 0n : BigInt(runeIndex(s, s.indexOf(sub)));
  if (sub === '') return from;
  if (from < 0n || from >= BigInt(runeCount(s))) outOfRange(from);
  return BigInt(runeIndex(s, s.indexOf(sub, utf16Offset(s, Number(from)))));
}

export function lastIndexOf(s: string, sub: string, from?: bigint): bigint {
  if (from === undefined) return sub === '' ? BigInt(runeCount(s)) : BigInt(runeIndex(s, s.lastIndexOf(sub)));
  if (sub === '') return from;
  if (from < 0n || from >= BigInt(runeCount(s))) outOfRange(from);
  return BigInt(runeIndex(s, s.lastIndexOf(sub, utf16Offset(s, Number(from)))));
}

export function substring(s: string, start: bigint, end?: bigint): string {
  const runes = runesOf(s);
  const length = BigInt(runes.length);
  if (end !== undefined && start > end) throw celError(`invalid substring range. start: ${start}, end: ${end}`);
  if (start < 0n || start > length) outOfRange(start);
  if (end !== undefined && (end < 0n || end > length)) outOfRange(end);
  return runes.slice(Number(start), end === undefined ? undefined : Number(end)).join('');
}

// Go's unicode.IsSpace: the Latin-1 spaces plus the Unicode White_Space property (no zero-width space, no BOM).
const SPACE = '[\\t\\n\\v\\f\\r \\u0085\\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000]';
const TRIM = new RegExp(`^${SPACE}+|${SPACE}+$`, 'g');

export function trim(s: string): string {
  return s.replace(TRIM, '');
}

export function lowerAscii(s: string): string {
  return s.replace(/[A-Z]+/g, (m) => m.toLowerCase());
}

export function upperAscii(s: string): string {
  return s.replace(/[a-z]+/g, (m) => m.toUpperCase());
}

/** Go's strings.SplitN: n < 0 all parts, n == 0 none, else at most n with the rest in the last. */
export function split(s: string, sep: string, n = -1n): string[] {
  if (n === 0n) return [];
  const parts = sep === '' ? runesOf(s) : s.split(sep);
  if (n < 0n || BigInt(parts.length) <= n) return parts;
  const head = parts.slice(0, Number(n) - 1);
  head.push(parts.slice(Number(n) - 1).join(sep));
  return head;
}


function compareBytes(a: Uint8Array, b: Uint8Array): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) if (a[i] !== b[i]) return (a[i] as number) < (b[i] as number) ? -1 : 1;
  return Math.sign(a.length - b.length);
}

const INT64_MAX = 9223372036854775807n;

/** Standard functions the runtime lacks: `int(uint)`, identity conversions, `int(timestamp)`, ordering of bytes. */
function installMissing(env: Environment): void {
  env
    .registerFunction('int(uint): int', (u: { value: bigint }) => {
      if (u.value > INT64_MAX) throw celError('range error converting uint to int');
      return u.value;
    })
    .registerFunction('int(google.protobuf.Timestamp): int', (t: Date) => BigInt(Math.floor(t.getTime() / 1000)))
    .registerFunction('duration(google.protobuf.Duration): google.protobuf.Duration', (d: unknown) => d)
    .registerFunction('timestamp(google.protobuf.Timestamp): google.protobuf.Timestamp', (t: Date) => t)
    .registerOperator('bytes < bytes', (a: Uint8Array, b: Uint8Array) => compareBytes(a, b) < 0)
    .registerOperator('bytes <= bytes', (a: Uint8Array, b: Uint8Array) => compareBytes(a, b) <= 0)
    .registerOperator('bytes > bytes', (a: Uint8Array, b: Uint8Array) => compareBytes(a, b) > 0)
    .registerOperator('bytes >= bytes', (a: Uint8Array, b: Uint8Array) => compareBytes(a, b) >= 0);
}

function install(env: Environment): void {
  installMissing(env);
  env
    .registerFunction('string.k8s_matches(string): bool', matches)
    .registerFunction('k8s_matches(string, string): bool', matches)
    .registerFunction('string.k8s_indexOf(string): int', (s: string, sub: string) => indexOf(s, sub))
    .registerFunction('string.k8s_indexOf(string, int): int', indexOf)
    .registerFunction('string.k8s_lastIndexOf(string): int', (s: string, sub: string) => lastIndexOf(s, sub))
    .registerFunction('string.k8s_lastIndexOf(string, int): int', lastIndexOf)
    .registerFunction('string.k8s_substring(int): string', (s: string, start: bigint) => substring(s, start))
    .registerFunction('string.k8s_substring(int, int): string', substring)
    .registerFunction('string.k8s_trim(): string', trim)
    .registerFunction('string.k8s_lowerAscii(): string', lowerAscii)
    .registerFunction('string.k8s_upperAscii(): string', upperAscii)
    .registerFunction('string.k8s_split(string): list<string>', (s: string, sep: string) => split(s, sep))
    .registerFunction('string.k8s_split(string, int): list<string>', split);
}

export const builtinsLibrary: CelLibrary = { name: 'cel.builtins', since: v(1, 0), install };
