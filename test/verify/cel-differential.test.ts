/**
 * Differential check against @bufbuild/cel (which passes the CEL spec's
 * conformance suite): expressions of the kind admission policies use, over
 * a manifest, must give the same result (or both fail) on our environment.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isCelError, isCelList, isCelMap, isCelUint, run } from '@bufbuild/cel';
import { strings } from '@bufbuild/cel/ext';
import { celEnvironment, toCel } from '../../src/verify/cel/index.js';
import type { JsonObject, JsonValue } from '../../src/core/json.js';

const MANIFEST: JsonObject = {
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'web', namespace: 'shop', labels: { app: 'web', tier: 'frontend' }, annotations: { 'example.com/owner': 'team-a' } },
  spec: {
    replicas: 3,
    template: {
      spec: {
        containers: [
          { name: 'app', image: 'registry.example.com/web:1.4.2', ports: [{ containerPort: 8080 }, { containerPort: 9090 }], env: [{ name: 'MODE', value: 'prod' }] },
          { name: 'proxy', image: 'docker.io/envoy:latest', securityContext: { runAsNonRoot: true, readOnlyRootFilesystem: false } },
        ],
      },
    },
  },
};

const EXPRESSIONS = [
  'object.spec.replicas >= 2 && object.spec.replicas <= 10',
  "object.metadata.name.startsWith('we') && object.metadata.namespace != 'default'",
  "'app' in object.metadata.labels && object.metadata.labels['tier'] == 'frontend'",
  "has(object.metadata.annotations) && object.metadata.annotations['example.com/owner'].endsWith('-a')",
  "object.spec.template.spec.containers.all(c, c.image.startsWith('registry.example.com/'))",
  "object.spec.template.spec.containers.exists(c, c.image.endsWith(':latest'))",
  "object.spec.template.spec.containers.exists_one(c, has(c.securityContext))",
  'object.spec.template.spec.containers.map(c, c.name)',
  "object.spec.template.spec.containers.filter(c, !has(c.securityContext)).map(c, c.name)",
  'object.spec.template.spec.containers[0].ports.map(p, p.containerPort).exists(p, p > 9000)',
  'size(object.spec.template.spec.containers) == 2',
  "object.spec.template.spec.containers.all(c, !has(c.securityContext) || c.securityContext.runAsNonRoot == true)",
  "object.spec.template.spec.containers.map(c, c.name).join(', ')",
  "object.metadata.name + '/' + object.metadata.namespace",
  "object.spec.template.spec.containers[1].image.split(':')",
  "object.spec.template.spec.containers[0].image.substring(0, 8)",
  "object.spec.template.spec.containers[0].image.indexOf('/')",
  "object.spec.template.spec.containers[0].image.lastIndexOf('.')",
  "object.metadata.labels.app.upperAscii()",
  "object.spec.template.spec.containers[0].image.replace('.', '-')",
  "'  padded '.trim()",
  "object.spec.template.spec.containers[0].image.matches('^[a-z.]+/[a-z]+:[0-9]+\\\\.[0-9]+\\\\.[0-9]+$')",
  "object.spec.template.spec.containers[0].image.matches('^registry')",
  'object.spec.replicas * 2 + 1',
  'object.spec.replicas / 2',
  'object.spec.replicas % 2 == 1',
  'double(object.spec.replicas) / 2.0',
  'string(object.spec.replicas)',
  "int('42') + object.spec.replicas",
  "object.spec.replicas > 1 ? 'many' : 'one'",
  'object.spec.missing',
  "object.spec.replicas == 3 || object.spec.missing == 'x'",
  "object.spec.missing == 'x' || object.spec.replicas == 3",
  '[1, 2, 3].map(x, x * x).filter(x, x > 1)',
  "{'a': 1, 'b': 2}.exists(k, k == 'b')",
  "['b', 'a'].exists(x, x == 'a')",
  'dyn(1) == 1.0',
  'object.spec.replicas / 0',
  "type(object.spec.replicas) == int && type(object.metadata) == map",
  "object.metadata.labels.size() == 2",
  "'%s:%d'.format(['port', 8080])",
  "'Hello'.charAt(1)",
  "'a-b-c'.split('-', 2)",
  "['x', 'y'].join()",
  "'TacoCAT'.lowerAscii()",
];

/**
 * Where the oracle departs from cel-go, which the apiserver runs: the value cel-go documents.
 * split with a limit is Go's strings.SplitN ('hello hello hello'.split(' ', 2) == ['hello', 'hello hello']).
 */
const ORACLE_DEPARTS: Record<string, JsonValue> = {
  "'a-b-c'.split('-', 2)": ['a', 'b-c'],
};

function normalize(value: unknown): JsonValue {
  if (typeof value === 'bigint') return `${value}n`;
  if (isCelUint(value)) return `${(value as { value: bigint }).value}u`;
  if (value instanceof Object && 'value' in value && typeof (value as { value: unknown }).value === 'bigint' && value.constructor.name === 'UnsignedInt') {
    return `${(value as { value: bigint }).value}u`;
  }
  if (Array.isArray(value) || isCelList(value)) return [...(value as Iterable<unknown>)].map(normalize);
  if (value instanceof Map || isCelMap(value)) {
    const entries = value instanceof Map ? [...value.entries()] : [...(value as unknown as Iterable<[unknown, unknown]>)];
    return Object.fromEntries(entries.map(([k, v]) => [String(k), normalize(v)]).sort());
  }
  if (value !== null && typeof value === 'object' && value.constructor === Object) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, normalize(v)]).sort());
  }
  if (typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean' || value === null) return value;
  return String(value);
}

function toBufInput(value: JsonValue): unknown {
  if (typeof value === 'number') return Number.isInteger(value) ? BigInt(value) : value;
  if (Array.isArray(value)) return value.map(toBufInput);
  if (value !== null && typeof value === 'object') return new Map(Object.entries(value).map(([k, v]) => [k, toBufInput(v as JsonValue)]));
  return value;
}

function ours(expression: string): JsonValue {
  const env = celEnvironment({ variables: { object: 'dyn' }, homogeneousAggregateLiterals: false });
  const compiled = env.compile(expression);
  if (!compiled.ok) return 'error';
  try {
    return normalize(compiled.program.evaluate({ object: toCel(MANIFEST) }));
  } catch {
    return 'error';
  }
}

function oracle(expression: string): JsonValue {
  try {
    const result = run(expression, { object: toBufInput(MANIFEST) as never }, { funcs: strings });
    return isCelError(result) ? 'error' : normalize(result);
  } catch {
    return 'error';
  }
}

test('results agree with @bufbuild/cel on policy-style expressions', () => {
  const disagreements: string[] = [];
  for (const expression of EXPRESSIONS) {
    const a = ours(expression);
    const b = ORACLE_DEPARTS[expression] ?? oracle(expression);
    if (JSON.stringify(a) !== JSON.stringify(b)) disagreements.push(`${expression}: ours ${JSON.stringify(a)}, oracle ${JSON.stringify(b)}`);
  }
  assert.deepEqual(disagreements, []);
});
