/**
 * Wave gates, checked once every cluster of the wave is healthy. `health` is
 * already proven by the steps (recorded as passed); a metric gate asks
 * Prometheus (`/api/v1/query`) for one number and compares it with the
 * threshold. A query that fails or returns no sample fails the gate: a gate
 * that cannot be read must not wave a change through.
 */
import type { GatePlan } from '../plan/types.js';
import { StepFailedError } from './errors.js';
import type { ExecutorDeps } from './types.js';
import type { WaveRun } from './wave.js';

type MetricGate = Extract<GatePlan, { kind: 'metric' }>;

const QUERY_TIMEOUT_MS = 10_000;

export async function checkGates(run: WaveRun): Promise<void> {
  const { ctx, wave } = run;
  for (const gate of wave.gates) {
    if (gate.kind === 'health') {
      ctx.emit({ type: 'gate-checked', wave: wave.index, gate: 'health', value: run.live.length, passed: true });
      continue;
    }
    const { value, error } = await readMetric(gate, ctx.deps, run.signal);
    const passed = Number.isFinite(value) && compare(value, gate.comparison, gate.threshold);
    const condition = `${gate.comparison} ${gate.threshold}`;
    ctx.emit({ type: 'gate-checked', wave: wave.index, gate: gate.name, value, condition, passed });
    if (passed) continue;
    const why = error ? `could not be read: ${error}` : `${value} is not ${condition}`;
    const failure = { wave: wave.index, cluster: '*', code: 'GATE_FAILED' as const, reason: `wave ${wave.name}: gate ${gate.name}: ${why}`, failFast: true };
    for (const c of wave.clusters) ctx.updateStep(wave.index, c.cluster, { state: 'failed', finishedAt: ctx.nowIso(), reason: failure.reason });
    ctx.failures.push(failure);
    throw new StepFailedError(failure);
  }
}

async function readMetric(gate: MetricGate, deps: ExecutorDeps, signal: AbortSignal): Promise<{ value: number; error?: string }> {
  try {
    const query = deps.queryMetric ?? queryPrometheus;
    return { value: await query(gate, AbortSignal.any([signal, AbortSignal.timeout(QUERY_TIMEOUT_MS)])) };
  } catch (error) {
    return { value: Number.NaN, error: error instanceof Error ? error.message : String(error) };
  }
}

export function compare(value: number, comparison: MetricGate['comparison'], threshold: number): boolean {
  switch (comparison) {
    case '<':
      return value < threshold;
    case '<=':
      return value <= threshold;
    case '>':
      return value > threshold;
    case '>=':
      return value >= threshold;
  }
}

/** `GET <prometheus>/api/v1/query?query=…`: the first sample of a vector, or a scalar. */
export async function queryPrometheus(gate: MetricGate, signal: AbortSignal): Promise<number> {
  const url = new URL('api/v1/query', gate.prometheus.endsWith('/') ? gate.prometheus : `${gate.prometheus}/`);
  url.searchParams.set('query', gate.query);
  const response = await fetch(url, { signal, headers: { accept: 'application/json' } });
  const body = (await response.json().catch(() => undefined)) as PrometheusResponse | undefined;
  if (!response.ok || body?.status !== 'success') throw new Error(`${url.origin}: HTTP ${response.status}${body?.error ? `: ${body.error}` : ''}`);
  return sampleOf(body);
}

interface PrometheusResponse {
  status: string;
  error?: string;
  data?: { resultType: string; result: unknown };
}

function sampleOf(body: PrometheusResponse): number {
  const { resultType, result } = body.data ?? { resultType: '', result: undefined };
  if (resultType === 'scalar' && Array.isArray(result)) return Number(result[1]);
  if (resultType === 'vector' && Array.isArray(result)) {
    const first = result[0] as { value?: [number, string] } | undefined;
    if (first?.value) return Number(first.value[1]);
    throw new Error('the query returned no sample');
  }
  throw new Error(`unexpected result type ${resultType || '(none)'}`);
}
