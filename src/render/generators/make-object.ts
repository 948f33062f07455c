import type { JsonObject } from '../../core/json.js';
import type { KvPair } from './kv.js';
import type { EffectiveOptions } from './options.js';

/**
 * Builds the generated object. Keys are inserted sorted (output is sorted
 * anyway; this keeps objects stable for tests). A ConfigMap gets `data` and
 * `binaryData` only when it has keys for them; a Secret always has `data`.
 */
export function makeConfigMap(name: string, namespace: string, pairs: KvPair[], opts: EffectiveOptions): JsonObject {
  const obj: JsonObject = { apiVersion: 'v1', kind: 'ConfigMap', metadata: metadata(name, namespace, opts) };
  const data: JsonObject = {};
  const binaryData: JsonObject = {};
  for (const pair of sortedPairs(pairs)) {
    if (pair.text !== undefined) data[pair.key] = pair.text;
    else binaryData[pair.key] = encodeBase64(pair.bytes);
  }
  if (Object.keys(data).length > 0) obj.data = data;
  if (Object.keys(binaryData).length > 0) obj.binaryData = binaryData;
  if (opts.immutable) obj.immutable = true;
  return obj;
}

export function makeSecret(
  name: string,
  namespace: string,
  type: string | undefined,
  pairs: KvPair[],
  opts: EffectiveOptions,
): JsonObject {
  const obj: JsonObject = { apiVersion: 'v1', kind: 'Secret', metadata: metadata(name, namespace, opts) };
  obj.type = type ? type : 'Opaque';
  const data: JsonObject = {};
  for (const pair of sortedPairs(pairs)) data[pair.key] = encodeBase64(pair.bytes);
  obj.data = data;
  if (opts.immutable) obj.immutable = true;
  return obj;
}

function metadata(name: string, namespace: string, opts: EffectiveOptions): JsonObject {
  const meta: JsonObject = { name };
  if (namespace !== '') meta.namespace = namespace;
  if (Object.keys(opts.labels).length > 0) meta.labels = sortedRecord(opts.labels);
  if (Object.keys(opts.annotations).length > 0) meta.annotations = sortedRecord(opts.annotations);
  return meta;
}

function sortedPairs(pairs: KvPair[]): KvPair[] {
  return [...pairs].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

function sortedRecord(record: Record<string, string>): JsonObject {
  const out: JsonObject = {};
  for (const key of Object.keys(record).sort()) out[key] = record[key]!;
  return out;
}

const LINE_LENGTH = 70;

/**
 * Base64 as kyaml writes generated values: text of 70 characters or more is
 * cut into 70-character lines, each ending in a newline (the last one too),
 * which the serialiser then prints as a literal block. The hash sees the
 * newlines as well.
 */
export function encodeBase64(bytes: Uint8Array): string {
  const encoded = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64');
  if (encoded.length < LINE_LENGTH) return encoded;
  let out = '';
  for (let i = 0; i < encoded.length; i += LINE_LENGTH) out += `${encoded.slice(i, i + LINE_LENGTH)}\n`;
  return out;
}
