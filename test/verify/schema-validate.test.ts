/**
 * Schema validation of single objects: built-in kinds from the 1.26 data,
 * CRD-defined kinds, List kinds and the cluster-version downgrade.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { JsonObject, JsonValue } from '../../src/core/json.js';
import { formatFieldPath } from '../../src/verify/finding.js';
import { newerClusterVersion, SchemaIndex, validateObject, type ValidateOptions } from '../../src/verify/schema/index.js';

const BUILTIN = new SchemaIndex();

/** `severity code path` per problem: what the tests compare. */
function problems(obj: JsonValue, index = BUILTIN, options: ValidateOptions = {}): string[] {
  return validateObject(obj, index, options).map((p) => `${p.severity} ${p.code} ${formatFieldPath(p.path)}`);
}

function deployment(container: JsonObject, spec: JsonObject = {}): JsonObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'web', namespace: 'apps', labels: { app: 'web' } },
    spec: {
      replicas: 2,
      selector: { matchLabels: { app: 'web' } },
      template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'app', image: 'nginx:1.27', ...container }] } },
      ...spec,
    },
  };
}

const CONTAINER = 'spec.template.spec.containers[0]';

test('a well-formed Deployment has no problems', () => {
  const obj = deployment({
    ports: [{ containerPort: 8080, protocol: 'TCP' }],
    resources: { requests: { cpu: '250m', memory: '128Mi' }, limits: { cpu: 1, memory: '1Gi' } },
    livenessProbe: { httpGet: { path: '/healthz', port: 'http' } },
    readinessProbe: { tcpSocket: { port: 8080 } },
    imagePullPolicy: 'IfNotPresent',
  });
  assert.deepEqual(problems(obj), []);
});

test('table: field, type, required and value problems with their paths', () => {
  const cases: [string, JsonObject, string[]][] = [
    ['unknown field in a container', deployment({ imagePullPolice: 'Always' }), [`error unknown-field ${CONTAINER}.imagePullPolice`]],
    ['field with the wrong case', deployment({ Image: 'x' }), [`error unknown-field ${CONTAINER}.Image`]],
    ['replicas as a string', deployment({}, { replicas: '3' }), ['error wrong-type spec.replicas']],
    ['replicas as a fraction', deployment({}, { replicas: 1.5 }), ['error wrong-type spec.replicas']],
    ['containerPort as a string', deployment({ ports: [{ containerPort: '8080' }] }), [`error wrong-type ${CONTAINER}.ports[0].containerPort`]],
    ['probe port: int-or-string takes a name', deployment({ livenessProbe: { httpGet: { port: 'http' } } }), []],
    ['probe port: int-or-string takes a number', deployment({ livenessProbe: { httpGet: { port: 8080 } } }), []],
    ['probe port: int-or-string refuses a boolean', deployment({ livenessProbe: { httpGet: { port: true } } }), [`error wrong-type ${CONTAINER}.livenessProbe.httpGet.port`]],
    ['number for a string: env value', deployment({ env: [{ name: 'PORT', value: 8080 }] }), [`error wrong-type ${CONTAINER}.env[0].value`]],
    ['boolean for a string: label value', { ...deployment({}), metadata: { name: 'web', labels: { enabled: true } } }, ['error wrong-type metadata.labels.enabled']],
    ['number for a string: annotation value', { ...deployment({}), metadata: { name: 'web', annotations: { 'example.com/rev': 3 } } }, ['error wrong-type metadata.annotations["example.com/rev"]']],
    ['missing required containers', { ...deployment({}), spec: { selector: {}, template: { spec: {} } } }, ['error missing-required spec.template.spec.containers']],
    ['missing required container name', deployment({ name: null }), [`error missing-required ${CONTAINER}.name`]],
    ['quantity: number and strings', deployment({ resources: { requests: { cpu: 0.5, memory: '1e9' }, limits: { memory: '2Gi' } } }), []],
    ['quantity: malformed', deployment({ resources: { limits: { memory: '1 GB' } } }), [`error invalid-value ${CONTAINER}.resources.limits.memory`]],
    ['quantity: unknown suffix', deployment({ resources: { limits: { memory: '512mb' } } }), [`error invalid-value ${CONTAINER}.resources.limits.memory`]],
    ['enum value', deployment({ imagePullPolicy: 'always' }), [`error invalid-value ${CONTAINER}.imagePullPolicy`]],
    ['int32 overflow', deployment({}, { replicas: 2 ** 31 }), ['error invalid-value spec.replicas']],
    ['null is accepted anywhere', { ...deployment({}), metadata: { name: 'web', creationTimestamp: null } }, []],
    ['status is decoded but its required fields are not enforced', { ...deployment({}), status: { conditions: [{ reason: 'x' }] } }, []],
    ['list instead of object', deployment({ securityContext: [] }), [`error wrong-type ${CONTAINER}.securityContext`]],
  ];
  for (const [name, obj, expected] of cases) assert.deepEqual(problems(obj), expected, name);
});

test('Secret data must be base64; stringData is plain', () => {
  const secret = (data: JsonObject): JsonObject => ({ apiVersion: 'v1', kind: 'Secret', metadata: { name: 's' }, ...data });
  assert.deepEqual(problems(secret({ data: { a: 'aGVsbG8=', b: 'aGVs\nbG8=' }, stringData: { c: 'not base64!' } })), []);
  assert.deepEqual(problems(secret({ data: { a: 'hello!' } })), ['error invalid-value data.a']);
});

test('Service ports: targetPort is int-or-string, port is an integer', () => {
  const service = (port: JsonObject): JsonObject => ({ apiVersion: 'v1', kind: 'Service', metadata: { name: 's' }, spec: { ports: [port] } });
  assert.deepEqual(problems(service({ port: 80, targetPort: 'http' })), []);
  assert.deepEqual(problems(service({ port: 80, targetPort: 8080 })), []);
  assert.deepEqual(problems(service({ port: 'http' })), ['error wrong-type spec.ports[0].port']);
  assert.deepEqual(problems(service({ targetPort: 80 })), ['error missing-required spec.ports[0].port']);
});

test('unknown kinds are info; a typo of a built-in kind is a warning; objects without identity are errors', () => {
  assert.deepEqual(problems({ apiVersion: 'example.com/v1', kind: 'Widget', metadata: { name: 'w' }, spec: { anything: 1 } }), ['info unknown-kind ']);
  assert.deepEqual(problems({ apiVersion: 'apps/v1', kind: 'Deploymnet', metadata: { name: 'w' } }), ['warning unknown-kind kind']);
  assert.deepEqual(problems({ apiVersion: 'policy/v1beta1', kind: 'PodSecurityPolicy', metadata: { name: 'p' } }), ['info unknown-kind ']);
  // Without a schema, metadata is still ObjectMeta.
  assert.deepEqual(problems({ apiVersion: 'example.com/v1', kind: 'Widget', metadata: { name: 'w', labels: { a: 1 } } }), [
    'info unknown-kind ',
    'error wrong-type metadata.labels.a',
  ]);
  assert.deepEqual(problems({ apiVersion: 'constructor', kind: 'toString', metadata: { name: 'x' } }), ['info unknown-kind ']);
  assert.deepEqual(problems({ metadata: { name: 'x' } }), ['error missing-required apiVersion', 'error missing-required kind']);
  assert.deepEqual(problems('just a string'), ['error wrong-type ']);
});

test('List kinds: typed lists and the generic v1 List validate every item', () => {
  const typed = { apiVersion: 'v1', kind: 'ConfigMapList', items: [{ metadata: { name: 'a' }, data: { k: 1 } }] };
  assert.deepEqual(problems(typed), ['error wrong-type items[0].data.k']);
  const generic: JsonObject = {
    apiVersion: 'v1',
    kind: 'List',
    metadata: { resourceVersion: '' },
    items: [
      { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'a' }, data: { k: 'v' } },
      { apiVersion: 'v1', kind: 'Service', metadata: { name: 's' }, spec: { ports: [{ port: '80' }] } },
      { apiVersion: 'example.com/v1', kind: 'Widget', metadata: { name: 'w' } },
      { kind: 'ConfigMap' },
    ],
  };
  assert.deepEqual(problems(generic), [
    'error wrong-type items[1].spec.ports[0].port',
    'info unknown-kind items[2]',
    'error missing-required items[3].apiVersion',
  ]);
});

test('newer clusters: unknown fields become info, likely typos warnings, case slips stay errors', () => {
  const newer = { kubernetesVersion: 'v1.31.2' };
  assert.deepEqual(problems(deployment({ restartPolicy: 'Always' }), BUILTIN, newer), [`info unknown-field ${CONTAINER}.restartPolicy`]);
  assert.deepEqual(problems(deployment({ imagePullPolice: 'Always' }), BUILTIN, newer), [`warning unknown-field ${CONTAINER}.imagePullPolice`]);
  assert.deepEqual(problems(deployment({ Image: 'x' }), BUILTIN, newer), [`error unknown-field ${CONTAINER}.Image`]);
  assert.deepEqual(problems(deployment({ imagePullPolicy: 'Sometimes' }), BUILTIN, newer), [`info invalid-value ${CONTAINER}.imagePullPolicy`]);
  // Types of known fields do not change between versions.
  assert.deepEqual(problems(deployment({}, { replicas: '3' }), BUILTIN, newer), ['error wrong-type spec.replicas']);
  // The same or an older cluster: errors.
  assert.deepEqual(problems(deployment({ restartPolicy: 'Always' }), BUILTIN, { kubernetesVersion: '1.26' }), [`error unknown-field ${CONTAINER}.restartPolicy`]);
});

test('newerClusterVersion compares minor versions', () => {
  assert.equal(newerClusterVersion('1.30', '1.26'), '1.30');
  assert.equal(newerClusterVersion('v1.27.3-eks', '1.26'), '1.27');
  assert.equal(newerClusterVersion('1.26', '1.26'), undefined);
  assert.equal(newerClusterVersion('1.9', '1.26'), undefined);
  assert.equal(newerClusterVersion(undefined, '1.26'), undefined);
});

test('unknown fields and kinds carry the name they most likely meant', () => {
  const suggestions = (obj: JsonValue): (string | undefined)[] => validateObject(obj, BUILTIN).map((p) => p.suggestion);
  assert.deepEqual(suggestions(deployment({ imagePullPolice: 'Always', Image: 'x', zzz: 1 })), ['imagePullPolicy', 'image', undefined]);
  assert.deepEqual(suggestions({ apiVersion: 'apps/v1', kind: 'StatefullSet', metadata: { name: 'w' } }), ['StatefulSet']);
});
