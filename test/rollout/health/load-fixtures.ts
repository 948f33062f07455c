/**
 * Reads health fixtures: `fixtures/<kind>/<state>.yaml` holds the live object
 * first, then the ReplicaSets, ControllerRevisions and pods a LIST would
 * return beside it, then one document `{expect: {status, reason, failFast}, now}`.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseAllDocuments } from 'yaml';
import type { KubeObject } from '../../../src/cluster/types.js';
import type { HealthStatus } from '../../../src/rollout/health/types.js';

export const FIXTURES = fileURLToPath(new URL('../../../../test/rollout/health/fixtures/', import.meta.url));

export interface HealthFixture {
  /** `<kind>/<state>` */
  name: string;
  object: KubeObject;
  revisions: KubeObject[];
  pods: KubeObject[];
  now: Date;
  expect: { status: HealthStatus; reason: string; failFast: boolean };
}

export function loadFixtures(): HealthFixture[] {
  const fixtures: HealthFixture[] = [];
  for (const kind of readdirSync(FIXTURES).sort()) {
    for (const file of readdirSync(join(FIXTURES, kind)).filter((f) => f.endsWith('.yaml')).sort()) {
      fixtures.push(loadFixture(`${kind}/${file.replace(/\.yaml$/, '')}`));
    }
  }
  return fixtures;
}

export function loadFixture(name: string): HealthFixture {
  const docs = parseAllDocuments(readFileSync(join(FIXTURES, `${name}.yaml`), 'utf8')).map((d) => d.toJS() as Record<string, unknown>);
  const expectDoc = docs.find((d) => 'expect' in d);
  const objects = docs.filter((d) => d !== expectDoc) as KubeObject[];
  const [object, ...related] = objects;
  if (!object || !expectDoc) throw new Error(`${name}: needs an object and an expect document`);
  return {
    name,
    object,
    revisions: related.filter((o) => o.kind === 'ReplicaSet' || o.kind === 'ControllerRevision'),
    pods: related.filter((o) => o.kind === 'Pod'),
    now: new Date(String(expectDoc.now)),
    expect: expectDoc.expect as HealthFixture['expect'],
  };
}
