/**
 * A rollout in its own process, for the kill-and-resume test: reads the plan
 * and desired manifests from a JSON file, reaches the test's simulated fleet
 * through HARBORMASTER_SIM_KUBECONFIG, journals to the given SQLite file, and
 * prints every event as one JSON line on stdout (the test kills it mid-wave).
 *
 * node child-rollout.js <journal.db> <input.json>
 */
import { readFileSync } from 'node:fs';
import { connectCluster } from '../../../src/cluster/connect.js';
import type { KubeObject } from '../../../src/cluster/types.js';
import { executeRollout } from '../../../src/rollout/executor/index.js';
import { openJournal } from '../../../src/rollout/journal/sqlite.js';
import type { RolloutPlan } from '../../../src/rollout/plan/types.js';
import { FAST_RETRY } from './fleet-harness.js';

interface ChildInput {
  plan: RolloutPlan;
  desired: Record<string, KubeObject[]>;
}

async function main(): Promise<void> {
  const [journalFile, inputFile] = process.argv.slice(2);
  const input = JSON.parse(readFileSync(inputFile!, 'utf8')) as ChildInput;
  const journal = openJournal(journalFile!);
  const outcome = await executeRollout(input.plan, {
    journal,
    connect: async (step) => connectCluster({ name: step.cluster, connection: step.connection }, { retry: FAST_RETRY }),
    desired: (cluster) => input.desired[cluster] ?? [],
    emit: (event) => process.stdout.write(`${JSON.stringify({ type: event.type, ...('cluster' in event ? { cluster: event.cluster } : {}), ...('wave' in event ? { wave: event.wave } : {}) })}\n`),
    options: { controlPollMs: 20 },
  });
  journal.close();
  process.stdout.write(`${JSON.stringify({ type: 'outcome', state: outcome.state })}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
