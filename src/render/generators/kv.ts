/**
 * Key/value sources of a generator (kustomize's api/kv): literals, files
 * and env files, parsed byte for byte the way kustomize does.
 */

/** One generated key. `text` is undefined when the bytes are not valid UTF-8. */
export interface KvPair {
  key: string;
  bytes: Uint8Array;
  text: string | undefined;
}

/** A malformed source; the caller turns it into a diagnostic pointing at the entry. */
export class KvSourceError extends Error {}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const encoder = new TextEncoder();

/** Decodes UTF-8 exactly (a BOM is kept as content); undefined if the bytes are not valid UTF-8. */
export function decodeUtf8(bytes: Uint8Array): string | undefined {
  try {
    return strictUtf8.decode(bytes);
  } catch {
    return undefined;
  }
}

export function textPair(key: string, value: string): KvPair {
  return { key, bytes: encoder.encode(value), text: value };
}

export function bytesPair(key: string, bytes: Uint8Array): KvPair {
  return { key, bytes, text: decodeUtf8(bytes) };
}

/** `k=v`; the value may contain `=`; one pair of matching surrounding quotes is removed. */
export function parseLiteral(source: string): KvPair {
  const eq = source.indexOf('=');
  if (eq <= 0) throw new KvSourceError(`invalid literal source ${source}, expected key=value`);
  return textPair(source.slice(0, eq), removeQuotes(source.slice(eq + 1)));
}

function removeQuotes(value: string): string {
  if (value.length < 2 || value[0] !== value[value.length - 1]) return value;
  return value[0] === '"' || value[0] === "'" ? value.slice(1, -1) : value;
}

/** `[key=]path`: the key defaults to the path's last element. */
export function parseFileSource(source: string): { key: string; path: string } {
  const eq = source.indexOf('=');
  if (eq < 0) return { key: goBase(source), path: source };
  if (eq === 0) {
    throw new KvSourceError(`missing key name for file path "${source.slice(1)}" in source "${source}"`);
  }
  const key = source.slice(0, eq);
  const path = source.slice(eq + 1);
  if (path.includes('=')) throw new KvSourceError(`source "${source}" key name or file path contains '='`);
  if (path === '') throw new KvSourceError(`missing file path for key name "${key}" in source "${source}"`);
  return { key, path };
}

/** Go's path.Base: trailing slashes dropped, "" becomes ".", all slashes become "/". */
function goBase(p: string): string {
  if (p === '') return '.';
  const trimmed = p.replace(/\/+$/, '');
  if (trimmed === '') return '/';
  return trimmed.slice(trimmed.lastIndexOf('/') + 1);
}

const BOM = '\uFEFF';

/**
 * Env file lines: split on `\n` (a `\r` before it is dropped, as Go's line
 * scanner does), a BOM trimmed from the first line only, leading white space
 * trimmed, blank and `#` lines skipped, split at the first `=`; a line without
 * `=` gives an empty value. Trailing spaces are kept.
 */
export function parseEnvFile(bytes: Uint8Array): KvPair[] {
  const pairs: KvPair[] = [];
  splitLines(bytes).forEach((lineBytes, index) => {
    let line = decodeUtf8(lineBytes);
    if (line === undefined) throw new KvSourceError(`line ${index + 1} has invalid utf8 bytes`);
    if (index === 0 && line.startsWith(BOM)) line = line.slice(1);
    line = trimLeadingSpace(line);
    if (line === '' || line.startsWith('#')) return;
    const eq = line.indexOf('=');
    pairs.push(eq < 0 ? textPair(line, '') : textPair(line.slice(0, eq), line.slice(eq + 1)));
  });
  return pairs;
}

function splitLines(bytes: Uint8Array): Uint8Array[] {
  const lines: Uint8Array[] = [];
  let start = 0;
  for (let i = 0; i <= bytes.length; i++) {
    if (i < bytes.length && bytes[i] !== 0x0a) continue;
    if (i === bytes.length && start === bytes.length) break;
    let end = i;
    if (end > start && bytes[end - 1] === 0x0d) end--;
    lines.push(bytes.subarray(start, end));
    start = i + 1;
  }
  return lines;
}

/** Go's unicode.IsSpace (JavaScript's \s differs: it includes U+FEFF and lacks U+0085). */
const GO_SPACE = /^[\t\n\v\f\r \u0085\u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000]+/;

function trimLeadingSpace(line: string): string {
  return line.replace(GO_SPACE, '');
}
