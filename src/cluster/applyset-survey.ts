/**
 * When an applySet lists its live members (drift.ts explains why it does).
 * Namespaces and CRDs are listed before anything is applied: one deleted by
 * hand must be back before what lives in it. The rest is listed while the
 * changed objects are sent — or after them when no other member is unchanged,
 * since then only prune needs the listing — so it never delays the objects a
 * rollout waits for. Unchanged members of those kinds wait for the listing.
 */
import type { Member } from './apply-objects.js';
import { groupKindOf, type ApplySetScope } from './applyset-meta.js';
import { surveyMembers } from './drift.js';
import type { ClusterClient, Discovery, KubeObject } from './types.js';

const EARLY_GROUP_KINDS = new Set(['Namespace', 'CustomResourceDefinition.apiextensions.k8s.io']);

export interface Survey {
  /** The live Namespaces and CRDs of the set. */
  early: ReadonlyMap<string, KubeObject>;
  /** Unchanged members whose drift needs the rest of the listing: applied in a second pass. */
  deferred(member: Member): boolean;
  /** Every live member; `early` alone when the cluster went away (nothing more will be sent). */
  complete(reachable: boolean): Promise<ReadonlyMap<string, KubeObject>>;
}

export interface SurveyInput {
  client: ClusterClient;
  discovery: Discovery;
  id: string;
  scope: ApplySetScope;
  members: readonly Member[];
  /** objectKey → hash last applied (empty with --reapply). */
  previous: ReadonlyMap<string, string>;
}

export async function startSurvey(input: SurveyInput): Promise<Survey> {
  const { client, discovery, id, scope } = input;
  const kinds = [...scope.groupKinds];
  const first: ApplySetScope = { groupKinds: new Set(kinds.filter((gk) => EARLY_GROUP_KINDS.has(gk))), namespaces: scope.namespaces };
  const second: ApplySetScope = { groupKinds: new Set(kinds.filter((gk) => !EARLY_GROUP_KINDS.has(gk))), namespaces: scope.namespaces };
  const early = await surveyMembers(client, discovery, { ...first, id });
  const deferred = (m: Member): boolean => input.previous.get(m.key) === m.hash && !first.groupKinds.has(groupKindOf(m.object));
  const listRest = () => surveyMembers(client, discovery, { ...second, id });
  const beside = input.members.some(deferred) ? listRest() : undefined;
  beside?.catch(() => undefined);
  return {
    early,
    deferred,
    async complete(reachable) {
      if (!reachable) return early;
      return new Map([...early, ...(await (beside ?? listRest()))]);
    },
  };
}
