import type { GeneratedManifest, Generator } from './input.js';
import { meta } from './meta.js';

const NAME = 'namespaces';

/**
 * A Namespace for each team namespace the rest of the render does not create
 * (found by rendering it; see ClusterAccessInput.missing). Labelled with the
 * team when one team owns every service in it.
 */
export const namespaces: Generator = {
  name: NAME,
  generate(ctx) {
    const out: GeneratedManifest[] = [];
    const needed = [...new Set(ctx.teams.flatMap((t) => t.namespaces))].sort();
    for (const ns of needed.filter((n) => ctx.missingNamespaces.has(n))) {
      const owners = ctx.teams.filter((t) => t.namespaces.includes(ns));
      const team = owners.length === 1 ? owners[0]!.team : undefined;
      const metadata = meta(ns, team ? { generator: NAME, team: team.name } : { generator: NAME });
      out.push({ at: team?.at ?? ctx.input.config.at, object: { apiVersion: 'v1', kind: 'Namespace', metadata } });
    }
    return out;
  },
};

