/**
 * Runs cel-spec conformance cases (shipped as @bufbuild/cel-spec test data)
 * against our CEL environment: converts the protobuf-JSON values and
 * variable declarations, evaluates, and compares results by exact CEL type.
 * Cases that need protobuf messages or declared functions are skipped with
 * a reason: the Kubernetes environment has neither.
 */
import { Optional } from '@marcbachmann/cel-js';
import { Duration, UnsignedInt } from '@marcbachmann/cel-js/evaluator';
import { tests as conformance } from '@bufbuild/cel-spec/testdata/conformance.js';
import { CelEnvironment } from '../../src/verify/cel/environment.js';
import { KUBERNETES_CEL_LIBRARIES } from '../../src/verify/cel/libraries.js';
import { stringsV0Library, stringsV2Library, stringsV3Library } from '../../src/verify/cel/lib/strings.js';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonMap = { [key: string]: Json };

interface Case {
  suite: string;
  name: string;
  original: JsonMap;
}

interface SerializedSuite {
  name: string;
  suites?: SerializedSuite[];
  tests?: { original: JsonMap }[];
}

export function casesOf(suiteNames: readonly string[]): Case[] {
  const out: Case[] = [];
  const root = conformance as unknown as SerializedSuite;
  const visit = (suite: SerializedSuite, top: string, path: string) => {
    for (const t of suite.tests ?? []) out.push({ suite: top, name: `${path}/${String(t.original.name)}`, original: t.original });
    for (const s of suite.suites ?? []) visit(s, top, `${path}/${s.name}`);
  };
  for (const s of root.suites ?? []) if (suiteNames.includes(s.name)) visit(s, s.name, s.name);
  return out;
}

class Unsupported extends Error {}

const PRIMITIVES: Record<string, string> = { INT64: 'int', UINT64: 'uint', DOUBLE: 'double', STRING: 'string', BOOL: 'bool', BYTES: 'bytes' };

function celType(type: JsonMap): string {
  if (typeof type.primitive === 'string' && PRIMITIVES[type.primitive]) return PRIMITIVES[type.primitive] as string;
  if (type.listType) return `list<${celType((type.listType as JsonMap).elemType as JsonMap)}>`;
  if (type.mapType) {
    const m = type.mapType as JsonMap;
    return `map<${celType(m.keyType as JsonMap)}, ${celType(m.valueType as JsonMap)}>`;
  }
  if ('null' in type) return 'null';
  if (type.wellKnown === 'DURATION') return 'google.protobuf.Duration';
  if (type.wellKnown === 'TIMESTAMP') return 'google.protobuf.Timestamp';
  if ('dyn' in type) return 'dyn';
  throw new Unsupported('declares a protobuf message or abstract type');
}

function bytesOf(base64: string): Uint8Array {
  return Uint8Array.from(Buffer.from(base64, 'base64'));
}

function doubleOf(value: Json): number {
  if (value === 'NaN') return NaN;
  if (value === 'Infinity') return Infinity;
  if (value === '-Infinity') return -Infinity;
  return Number(value);
}

/** A cel.expr.Value in protobuf JSON as the runtime's value. */
export function runtimeValue(value: JsonMap): unknown {
  if ('int64Value' in value) return BigInt(value.int64Value as string);
  if ('uint64Value' in value) return new UnsignedInt(BigInt(value.uint64Value as string));
  if ('doubleValue' in value) return doubleOf(value.doubleValue);
  if ('stringValue' in value) return value.stringValue;
  if ('boolValue' in value) return value.boolValue;
  if ('nullValue' in value) return null;
  if ('bytesValue' in value) return bytesOf(value.bytesValue as string);
  if ('listValue' in value) return (((value.listValue as JsonMap).values ?? []) as JsonMap[]).map(runtimeValue);
  if ('mapValue' in value) {
    const entries = (((value.mapValue as JsonMap).entries ?? []) as JsonMap[]).map((e) => [runtimeValue(e.key as JsonMap), runtimeValue(e.value as JsonMap)] as const);
    return new Map(entries);
  }
  if ('typeValue' in value) return { typeName: value.typeValue };
  throw new Unsupported('expects a protobuf message or enum value');
}

function entriesOf(value: unknown): [unknown, unknown][] | undefined {
  if (value instanceof Map) return [...value.entries()];
  if (value !== null && typeof value === 'object' && (value.constructor === Object || value.constructor === undefined)) return Object.entries(value);
  return undefined;
}

/** Equality that also requires the same CEL type (1 and 1u differ here, unlike CEL's ==). */
export function sameValue(actual: unknown, expected: unknown): boolean {
  if (typeof expected === 'number') return typeof actual === 'number' && (Object.is(actual, expected) || actual === expected || (Number.isNaN(actual) && Number.isNaN(expected)));
  if (expected instanceof UnsignedInt) return actual instanceof UnsignedInt && actual.value === expected.value;
  if (expected instanceof Uint8Array) return actual instanceof Uint8Array && actual.length === expected.length && actual.every((b, i) => b === expected[i]);
  if (Array.isArray(expected)) return Array.isArray(actual) && actual.length === expected.length && actual.every((a, i) => sameValue(a, expected[i]));
  if (expected instanceof Map) {
    const got = entriesOf(actual);
    if (!got || got.length !== expected.size) return false;
    return [...expected.entries()].every(([k, v]) => got.some(([k2, v2]) => sameValue(k2, k) && sameValue(v2, v)));
  }
  if (expected !== null && typeof expected === 'object' && 'typeName' in expected) {
    const name = (actual as { name?: unknown } | null)?.name;
    return typeof name === 'string' && name === (expected as { typeName: string }).typeName;
  }
  return actual === expected;
}

function usesProtobuf(original: JsonMap): boolean {
  const expr = String(original.expr);
  return Boolean(original.container) || /TestAllTypes|NestedTestAllTypes|google\.protobuf|\.proto[23]?\b|proto[23]\./.test(expr);
}

export type Outcome = { status: 'pass' } | { status: 'fail'; detail: string } | { status: 'skip'; reason: string };

/** The environment the spec assumes: every library, mixed literals allowed. */
export function conformanceEnvironment(variables: Record<string, string>): CelEnvironment {
  const libraries = [...KUBERNETES_CEL_LIBRARIES.filter((l) => l !== stringsV0Library && l !== stringsV2Library), stringsV3Library];
  return new CelEnvironment({ variables, homogeneousAggregateLiterals: false, libraries });
}

const shared = conformanceEnvironment({});

export function runCase(c: Case): Outcome {
  const o = c.original;
  if (o.checkOnly) return { status: 'skip', reason: 'type-checker only (compares inferred types)' };
  if (o.disableCheck) return { status: 'skip', reason: 'evaluates unchecked; the apiserver always type-checks' };
  if (usesProtobuf(o)) return { status: 'skip', reason: 'protobuf messages' };
  let variables: Record<string, string> = {};
  let bindings: Record<string, unknown> = {};
  let expected: unknown;
  try {
    const declared = (o.typeEnv ?? []) as JsonMap[];
    if (declared.some((d) => d.function)) return { status: 'skip', reason: 'declares functions' };
    bindings = Object.fromEntries(Object.entries((o.bindings ?? {}) as JsonMap).map(([k, b]) => [k, runtimeValue((b as JsonMap).value as JsonMap)]));
    // Undeclared bindings are typed dyn, as the spec's environments declare them.
    variables = Object.fromEntries(Object.keys(bindings).map((k) => [k, 'dyn']));
    for (const d of declared) variables[d.name as string] = celType((d.ident as JsonMap).type as JsonMap);
    expected = o.value ? runtimeValue(o.value as JsonMap) : o.evalError ? 'error' : true;
  } catch (error) {
    if (error instanceof Unsupported) return { status: 'skip', reason: 'protobuf messages' };
    throw error;
  }
  const env = Object.keys(variables).length > 0 ? conformanceEnvironment(variables) : shared;
  const compiled = env.compile(String(o.expr));
  if (!compiled.ok) return expected === 'error' ? { status: 'pass' } : { status: 'fail', detail: `compile: ${compiled.message}` };
  let actual: unknown;
  try {
    actual = compiled.program.evaluate(bindings);
  } catch (error) {
    return expected === 'error' ? { status: 'pass' } : { status: 'fail', detail: `eval: ${(error as Error).message.split('\n')[0]}` };
  }
  if (expected === 'error') return { status: 'fail', detail: `expected an error, got ${describe(actual)}` };
  return sameValue(actual, expected) ? { status: 'pass' } : { status: 'fail', detail: `got ${describe(actual)}, want ${describe(expected)}` };
}

function describe(value: unknown): string {
  if (value instanceof Optional || value instanceof Duration || value instanceof Date) return String(value);
  try {
    return JSON.stringify(value, (_k, x) => (typeof x === 'bigint' ? `${x}n` : x instanceof UnsignedInt ? `${x.value}u` : x instanceof Map ? Object.fromEntries(x) : x)) ?? String(value);
  } catch {
    return String(value);
  }
}
