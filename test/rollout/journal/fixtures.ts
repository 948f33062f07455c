import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RolloutPlan } from '../../../src/rollout/plan/types.js';

/** A small plan: wave 0 canary with the first cluster, wave 1 with the rest. */
export function samplePlan(id: string, clusters: string[] = ['prod-a', 'prod-b', 'prod-c'], commitTime?: string): RolloutPlan {
  const step = (cluster: string) => ({
    cluster,
    region: cluster.replace(/^prod-/, 'region-'),
    connection: { kind: 'sim' as const },
    digest: 'd'.repeat(64),
    objects: 3,
    changes: { create: 0, update: 1, unchanged: 2, prune: 0 },
  });
  const wave = (index: number, name: string, members: string[]) => ({
    index,
    name,
    parallelism: 2,
    bakeSeconds: 0,
    healthTimeoutSeconds: 60,
    gates: [{ kind: 'health' as const }],
    clusters: members.map(step),
  });
  const waves = [wave(0, 'canary', clusters.slice(0, 1)), wave(1, 'fleet', clusters.slice(1))].filter((w) => w.clusters.length > 0);
  return {
    id,
    estate: 'acme',
    createdAt: '2026-11-30T12:00:00Z',
    change: { digest: 'a'.repeat(64), summary: `change ${id}`, ...(commitTime ? { commit: 'c'.repeat(40), commitTime } : {}) },
    strategy: 'default',
    strategyReason: 'test',
    rollbackPolicy: 'failed-wave',
    waves,
  };
}

/** A fresh temporary directory, removed by the returned cleanup. */
export function tempDir(): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'hm-journal-'));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}
