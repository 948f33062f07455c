import { ACCESS_LEVELS, aggregateLabel, baseRoleName, rulesRoleName } from '../model.js';
import { levelsUpTo } from '../teams/levels.js';
import type { GeneratedManifest, Generator } from './input.js';
import { meta, RBAC_API_VERSION } from './meta.js';
import { rulesAddedBy } from './rules.js';

const NAME = 'cluster-roles';

/**
 * One aggregated ClusterRole per level, `hm:team-base:<level>`, whose rules
 * the aggregation controller gathers from every ClusterRole labelled for that
 * level or a lower one; and the rules Harbormaster ships for each level,
 * `hm:team-rules:<level>`. An estate extends a level (say, for its own CRDs)
 * with a ClusterRole carrying the level's label.
 */
export const clusterRoles: Generator = {
  name: NAME,
  generate(ctx) {
    const at = ctx.input.config.at;
    const out: GeneratedManifest[] = [];
    for (const level of ACCESS_LEVELS) {
      out.push({
        at,
        object: {
          apiVersion: RBAC_API_VERSION,
          kind: 'ClusterRole',
          metadata: meta(baseRoleName(level), { generator: NAME }),
          aggregationRule: { clusterRoleSelectors: levelsUpTo(level).map((l) => ({ matchLabels: { [aggregateLabel(l)]: 'true' } })) },
          rules: [],
        },
      });
      out.push({
        at,
        object: {
          apiVersion: RBAC_API_VERSION,
          kind: 'ClusterRole',
          metadata: meta(rulesRoleName(level), { generator: NAME, labels: { [aggregateLabel(level)]: 'true' } }),
          rules: rulesAddedBy(level),
        },
      });
    }
    return out;
  },
};
