/**
 * Prints a value exactly as kustomize does: its output path turns every
 * object into JSON and back into YAML with go-yaml v2, so keys are sorted in
 * that library's natural order, numbers follow the JSON round trip, strings
 * are quoted by YAML 1.1 rules, and block collections use a two-space indent
 * with sequences flush under their key.
 */
import type { JsonValue } from '../core/json.js';
import { formatYamlNumber } from './go-number.js';
import { sortKeys } from './natural-order.js';
import { chooseStyle, isPlainWord, Style } from './scalar-style.js';
import { Writer } from './scalar-writer.js';
import { rereadString } from './reread.js';

/** Where a node sits, as the emitter's state machine knows it. */
const enum Place {
  Root,
  SequenceItem,
  MappingValue,
  SimpleKey,
  ComplexKey,
}

const MAX_SIMPLE_KEY_BYTES = 128;

function utf8Length(s: string): number {
  return /^[\x00-\x7f]*$/.test(s) ? s.length : Buffer.byteLength(s, 'utf8');
}

function emitString(w: Writer, text: string, place: Place): void {
  if (isPlainWord(text)) return w.writeWord(text);
  if (place !== Place.SimpleKey && place !== Place.ComplexKey && isUnbreakable(text)) return w.writeWord(unbreakableText(text));
  writeString(w, text, place);
}

function writeString(w: Writer, text: string, place: Place): void {
  const s = rereadString(text);
  const simpleKey = place === Place.SimpleKey;
  const { style } = chooseStyle(s, simpleKey);
  const saved = w.increaseIndent(true, false);
  if (style === Style.Plain) w.writePlain(s, !simpleKey);
  else if (style === Style.Single) w.writeSingleQuoted(s, !simpleKey);
  else if (style === Style.Double) w.writeDoubleQuoted(s, !simpleKey);
  else w.writeLiteral(s);
  w.indent = saved;
}

/**
 * A value without spaces or line breaks prints the same wherever it stands
 * (folding happens only at spaces): its text, quotes and escapes included,
 * is worked out once. Image references, hosts and the like recur in every
 * object of a fleet.
 */
const valueCache = new Map<string, string>();

function isUnbreakable(text: string): boolean {
  return !UNBREAKABLE_STOP.test(text);
}

const UNBREAKABLE_STOP = /[ \n\r\u0085\u2028\u2029]/;

function unbreakableText(text: string): string {
  let out = valueCache.get(text);
  if (out === undefined) {
    const w = new Writer();
    writeString(w, text, Place.MappingValue);
    out = w.out;
    if (valueCache.size >= KEY_CACHE_LIMIT) valueCache.clear();
    valueCache.set(text, out);
  }
  return out;
}

/**
 * Simple keys never fold, so their text (with the ':') depends on nothing
 * but the key; the same few keys recur in every object.
 */
const keyCache = new Map<string, string>();
const KEY_CACHE_LIMIT = 20_000;

function simpleKeyText(key: string): string | undefined {
  const cached = keyCache.get(key);
  if (cached !== undefined) return cached;
  const s = rereadString(key);
  if (utf8Length(s) > MAX_SIMPLE_KEY_BYTES || chooseStyle(s, true).multiline) return undefined;
  const w = new Writer();
  emitString(w, s, Place.SimpleKey);
  w.writeIndicator(':', false, false, false);
  if (keyCache.size >= KEY_CACHE_LIMIT) keyCache.clear();
  keyCache.set(key, w.out);
  return w.out;
}

function emitEmpty(w: Writer, open: string, close: string): void {
  w.writeIndicator(open, true, true, false);
  const saved = w.increaseIndent(true, false);
  w.indent = saved;
  w.writeIndicator(close, false, false, false);
}

function emitSequence(w: Writer, items: JsonValue[], place: Place): void {
  if (items.length === 0) return emitEmpty(w, '[', ']');
  const mappingContext = place === Place.MappingValue || place === Place.SimpleKey || place === Place.ComplexKey;
  const saved = w.increaseIndent(false, mappingContext && !w.indention);
  for (const item of items) {
    w.writeIndent();
    w.writeIndicator('-', true, false, true);
    emitNode(w, item, Place.SequenceItem);
  }
  w.indent = saved;
}

function emitMapping(w: Writer, obj: { [key: string]: JsonValue }): void {
  const keys = Object.keys(obj);
  if (keys.length === 0) return emitEmpty(w, '{', '}');
  sortKeys(keys);
  const saved = w.increaseIndent(false, false);
  for (const key of keys) {
    w.writeIndent();
    const simple = simpleKeyText(key);
    if (simple !== undefined) w.writeRaw(simple);
    else {
      w.writeIndicator('?', true, false, true);
      emitString(w, key, Place.ComplexKey);
      w.writeIndent();
      w.writeIndicator(':', true, false, true);
    }
    emitNode(w, obj[key] as JsonValue, Place.MappingValue);
  }
  w.indent = saved;
}

function emitNode(w: Writer, value: JsonValue, place: Place): void {
  if (value === null) return w.writeWord('null');
  switch (typeof value) {
    case 'string':
      return emitString(w, value, place);
    case 'boolean':
      return w.writeWord(value ? 'true' : 'false');
    case 'number':
    case 'bigint':
      return w.writeWord(formatYamlNumber(value));
    default:
      if (Array.isArray(value)) return emitSequence(w, value, place);
      return emitMapping(w, value);
  }
}

/** One document exactly as kustomize prints it (sorted keys, its quoting), ending in a newline. */
export function stringifyDocument(value: JsonValue): string {
  return stringifyDocuments([value]);
}

/** Documents joined by `---\n`, no leading separator; '' for none. */
export function stringifyDocuments(values: JsonValue[]): string {
  const w = new Writer();
  for (const value of values) {
    w.startDocument('---\n');
    emitNode(w, value, Place.Root);
    w.indent = -1;
    w.writeIndent();
  }
  return w.out;
}
