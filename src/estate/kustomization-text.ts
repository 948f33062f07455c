import type { JsonObject, JsonValue } from '../core/json.js';
import { yamlLib } from '../yaml/yaml-lib.js';

/**
 * The text of a generated kustomization: YAML 1.1 quoting, so values like
 * `yes` or `1.30` stay strings for every kustomize reader. Generated files
 * hold names, paths, versions and counts; those print here directly, and
 * anything else (a value that might need quotes) goes to the `yaml` package,
 * which decides quoting. Both print the same text for what this one takes.
 * Objects used twice are written out twice, never as anchor and alias: the
 * files are read back by the quick reader, which leaves aliases to the slow one.
 */
export function kustomizationText(value: JsonObject): string {
  return quickText(value) ?? new (yamlLib().Document)(value, { version: '1.1', aliasDuplicateObjects: false }).toString({ indentSeq: false, lineWidth: 0 });
}

/** The text, or undefined when some value is not certain to print plain. */
export function quickText(value: JsonObject): string | undefined {
  const out: string[] = [];
  return writeMap(value, '', out) ? out.join('') : undefined;
}

function writeMap(map: JsonObject, pad: string, out: string[]): boolean {
  const keys = Object.keys(map);
  if (keys.length === 0) return false;
  for (const key of keys) {
    if (!isPlainSafe(key)) return false;
    const value = map[key]!;
    const scalar = scalarText(value);
    if (scalar !== undefined) out.push(`${pad}${key}: ${scalar}\n`);
    else if (Array.isArray(value)) {
      out.push(`${pad}${key}:\n`);
      if (!writeList(value, pad, out)) return false;
    } else if (isMap(value)) {
      out.push(`${pad}${key}:\n`);
      if (!writeMap(value, `${pad}  `, out)) return false;
    } else return false;
  }
  return true;
}

/** Items at their key's indentation (`indentSeq: false`); a map item starts on the dash's line. */
function writeList(list: JsonValue[], pad: string, out: string[]): boolean {
  if (list.length === 0) return false;
  for (const item of list) {
    const scalar = scalarText(item);
    if (scalar !== undefined) out.push(`${pad}- ${scalar}\n`);
    else if (isMap(item)) {
      const first = out.length;
      if (!writeMap(item, `${pad}  `, out)) return false;
      out[first] = `${pad}- ${out[first]!.slice(pad.length + 2)}`;
    } else return false;
  }
  return true;
}

function isMap(value: JsonValue): value is JsonObject {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** A scalar's text when it certainly prints plain; undefined for collections and doubtful values. */
function scalarText(value: JsonValue): string | undefined {
  if (typeof value === 'string') return isPlainSafe(value) ? value : undefined;
  if (typeof value === 'number') return Number.isSafeInteger(value) ? String(value) : undefined;
  if (typeof value === 'boolean') return String(value);
  return undefined;
}

// Letters, digits and `._/-`, starting with neither a dash nor a dot (bar `./` and `../`): names, paths, hosts and versions.
const SIMPLE = /^(?:[A-Za-z0-9_/]|\.\.?\/)[A-Za-z0-9._/-]*$/;
// What YAML 1.1 could read as something else: booleans and nulls (any case), numbers of any base, floats, timestamps.
const WORD = /^(?:y|n|yes|no|true|false|on|off|null)$/i;
const NUMBER_LIKE = /^(?:[0-9][0-9_]*|0[xob].*|[0-9_]*\.[0-9_]*|[0-9._]*e[-+]?[0-9]+|[0-9]{4}-.*)$/i;

function isPlainSafe(text: string): boolean {
  return SIMPLE.test(text) && !WORD.test(text) && !NUMBER_LIKE.test(text);
}
