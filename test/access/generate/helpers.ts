import { clusterNeeds, generateClusterAccess, type ClusterAccess, type ClusterAccessInput } from '../../../src/access/generate/index.js';
import type { AccessConfig, GeneratedObject } from '../../../src/access/model.js';
import { isObject, type JsonObject } from '../../../src/core/json.js';
import { clusterAccessInput } from '../../../src/estate/compose.js';
import { loadEstate } from '../../../src/estate/load.js';
import { resolveCluster } from '../../../src/estate/resolve.js';
import type { Estate } from '../../../src/estate/types.js';
import { accessEstate, NOW } from './fixture.js';

/** The fixture estate, loaded on the fixed day. */
export function fixtureEstate(overrides: Record<string, string | null> = {}, mode = 'both'): Estate {
  return loadEstate(accessEstate(overrides, mode), '/estate', { now: NOW });
}

/** A cluster's generation input, with what the fixture's render lacks (the web namespace, mailer's account). */
export function inputFor(estate: Estate, cluster: string, config?: Partial<AccessConfig>): ClusterAccessInput {
  const input = clusterAccessInput(estate, resolveCluster(estate, cluster))!;
  const withConfig = config ? { ...input, config: { ...input.config, ...config } } : input;
  const needs = clusterNeeds(withConfig);
  return { ...withConfig, missing: { namespaces: needs.namespaces.filter((n) => n !== 'auth'), serviceAccounts: needs.serviceAccounts.filter((a) => a === 'web/mailer-sa') } };
}

export function generate(estate: Estate, cluster: string, config?: Partial<AccessConfig>): ClusterAccess {
  return generateClusterAccess(inputFor(estate, cluster, config));
}

export function objects(access: ClusterAccess, kind?: string): GeneratedObject[] {
  const all = access.files.flatMap((f) => f.manifests.map((m) => m.object));
  return kind ? all.filter((o) => o.kind === kind) : all;
}

export function nameOf(o: JsonObject): string {
  return isObject(o.metadata) ? String(o.metadata.name) : '';
}

export function named(access: ClusterAccess, kind: string, name: string, namespace?: string): GeneratedObject {
  const found = objects(access, kind).find((o) => nameOf(o) === name && (namespace === undefined || (o.metadata as JsonObject).namespace === namespace));
  if (!found) throw new Error(`no ${kind} ${namespace ?? ''}/${name}`);
  return found;
}
