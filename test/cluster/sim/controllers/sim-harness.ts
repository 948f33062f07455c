/**
 * A store with the simulated controllers on a fast clock, builders for the
 * workloads the tests apply, and waitFor(), which re-checks a condition on
 * every store event (no polling sleeps).
 */
import assert from 'node:assert/strict';
import { SimStore } from '../../../../src/cluster/sim/store.js';
import { startWorkloadControllers, type SimWorkloadControllers } from '../../../../src/cluster/sim/controllers/index.js';
import type { SimWorkloadOptions } from '../../../../src/cluster/sim/controllers/options.js';
import type { KubeObject } from '../../../../src/cluster/types.js';

/** 1 simulated second = 10 ms; pods start in ~10 ms and are ready ~5 ms later. */
export const FAST: Partial<SimWorkloadOptions> = { timeScale: 0.01, podStartMs: 1000, readinessMs: 500, jitter: 0.2, seed: 7 };

export interface Sim {
  store: SimStore;
  controllers: SimWorkloadControllers;
  stop(): void;
}

export function startSim(options: Partial<SimWorkloadOptions> = {}): Sim {
  const store = new SimStore();
  store.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'shop' } });
  const controllers = startWorkloadControllers(store, { ...FAST, ...options });
  return { store, controllers, stop: () => controllers.stop() };
}

/** Runs `body` against a fresh simulation, then checks the controllers reported no errors; always stops it. */
export async function withSim(options: Partial<SimWorkloadOptions>, body: (sim: Sim) => Promise<void>): Promise<void> {
  const sim = startSim(options);
  try {
    await body(sim);
    assert.deepEqual(sim.controllers.errors(), []);
  } finally {
    sim.stop();
  }
}

/** Resolves with the predicate's value once it is truthy (checked now and after every store event); rejects when it throws or after `timeoutMs`. */
export function waitFor<T>(store: SimStore, predicate: () => T | undefined | false, timeoutMs = 3000, what = 'condition'): Promise<T> {
  return new Promise((resolve, reject) => {
    let done = false;
    const finish = (fn: () => void) => {
      if (done) return;
      done = true;
      unsubscribe();
      clearTimeout(timer);
      fn();
    };
    const check = () => {
      try {
        const value = predicate();
        if (value) finish(() => resolve(value));
      } catch (error) {
        finish(() => reject(error));
      }
    };
    const unsubscribe = store.subscribe(check);
    const timer = setTimeout(() => finish(() => reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}`))), timeoutMs);
    check();
  });
}

export function get(store: SimStore, group: string, kind: string, name: string, namespace = 'shop'): KubeObject | undefined {
  return store.get({ group, kind, namespace, name });
}

export function pods(store: SimStore, namespace = 'shop'): KubeObject[] {
  return store.list('', 'Pod', namespace);
}

export function statusOf(object: KubeObject | undefined): Record<string, unknown> {
  return (object?.status ?? {}) as Record<string, unknown>;
}

export function container(image: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { name: 'app', image, resources: { requests: { cpu: '100m', memory: '128Mi' } }, ...extra };
}

export function deployment(name: string, replicas: number, containers: Array<Record<string, unknown>>, spec: Record<string, unknown> = {}): KubeObject {
  const labels = { app: name };
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name, namespace: 'shop', labels },
    spec: { replicas, selector: { matchLabels: labels }, template: { metadata: { labels }, spec: { containers } }, ...spec },
  };
}

/** The Deployment with a new pod template (a rollout). */
export function withImage(object: KubeObject, image: string): KubeObject {
  const spec = object.spec as { template: { spec: { containers: Array<Record<string, unknown>> } } };
  const containers = spec.template.spec.containers.map((c, i) => (i === 0 ? { ...c, image } : c));
  return { ...object, metadata: { ...object.metadata, resourceVersion: undefined }, spec: { ...spec, template: { ...spec.template, spec: { ...spec.template.spec, containers } } } };
}

export function conditionOf(object: KubeObject | undefined, type: string): Record<string, unknown> | undefined {
  const conditions = statusOf(object).conditions;
  return Array.isArray(conditions) ? conditions.find((c: { type?: string }) => c.type === type) : undefined;
}

export function waitingReason(pod: KubeObject): string | undefined {
  const statuses = statusOf(pod).containerStatuses as Array<{ state?: { waiting?: { reason?: string } } }> | undefined;
  return statuses?.[0]?.state?.waiting?.reason;
}
