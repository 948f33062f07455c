import { EstateCode } from './codes.js';
import type { Problem, Shape } from './shape.js';

/**
 * The shape of `spec.rollout` in harbormaster.yaml: how a deploy moves through
 * the fleet. Checks that need the clusters (every active cluster in exactly
 * one wave of each strategy) live in rollout-config.ts.
 */

/** `30s`, `2m`, `1h30m`, `0s`: hours, minutes and seconds, in that order, each at most once. */
export const DURATION = /^(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s)?$/;

const DURATION_HINT = 'write a duration such as "30s", "2m" or "1h30m"';

export function durationProblem(value: string): Problem | undefined {
  if (value !== '' && DURATION.test(value)) return undefined;
  return { code: EstateCode.BadDuration, message: `${JSON.stringify(value)} is not a duration`, hint: DURATION_HINT };
}

/** Wave names appear in output and in `rollout` commands: DNS labels, like every other name (schema.ts imports this file, hence no import back). */
function waveNameProblem(name: string): Problem | undefined {
  if (name.length <= 63 && /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/.test(name)) return undefined;
  return { code: EstateCode.BadName, message: `wave name ${JSON.stringify(name)} is not a DNS label`, hint: 'use lowercase letters, digits and "-", e.g. canary' };
}

const duration: Shape = { type: 'string', code: EstateCode.BadDuration, hint: DURATION_HINT, check: durationProblem };

const RFC3339 = /^\d{4}-\d{2}-\d{2}(?:[Tt ]\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:[Zz]|[+-]\d{2}:\d{2}))?$/;

export function timeProblem(value: string): Problem | undefined {
  if (RFC3339.test(value) && !Number.isNaN(Date.parse(value))) return undefined;
  return { code: EstateCode.BadTime, message: `${JSON.stringify(value)} is not a time`, hint: 'write an RFC 3339 time, e.g. 2026-12-02T00:00:00Z' };
}

const nonEmpty: Shape = {
  type: 'string',
  check: (v) => (v.trim() === '' ? { code: EstateCode.BadValue, message: 'must not be empty' } : undefined),
};

const url: Shape = {
  type: 'string',
  check: (v) =>
    /^https?:\/\/[^\s/]+/.test(v) ? undefined : { code: EstateCode.BadValue, message: `${JSON.stringify(v)} is not an http(s) URL`, hint: 'e.g. http://prometheus.monitoring:9090' },
};

const wave: Shape = {
  type: 'object',
  fields: {
    name: { shape: { type: 'string', code: EstateCode.BadName, check: waveNameProblem }, required: true },
    clusterWaves: { shape: { type: 'list', items: { type: 'integer', code: EstateCode.BadWave, min: 0 } }, required: true },
    parallelism: { shape: { type: 'integer', min: 1 } },
    bake: { shape: duration },
    healthTimeout: { shape: duration },
  },
};

const strategy: Shape = {
  type: 'object',
  fields: { waves: { shape: { type: 'list', items: wave }, required: true } },
};

export const COMPARISONS = ['<', '<=', '>', '>='] as const;

const metricGate: Shape = {
  type: 'object',
  fields: {
    name: { shape: nonEmpty, required: true },
    prometheus: { shape: url, required: true },
    query: { shape: nonEmpty, required: true },
    comparison: { shape: { type: 'enum', code: EstateCode.BadValue, values: COMPARISONS }, required: true },
    // A float, which the integer shape cannot read; rollout-config.ts checks it is a number.
    threshold: { shape: { type: 'any' }, required: true },
  },
};

export const rolloutShape: Shape = {
  type: 'object',
  fields: {
    rollback: { shape: { type: 'enum', code: EstateCode.BadValue, values: ['failed-wave', 'all-waves'] } },
    freeze: {
      shape: {
        type: 'nullable',
        shape: {
          type: 'object',
          fields: {
            reason: { shape: nonEmpty, required: true },
            until: { shape: { type: 'string', code: EstateCode.BadTime, check: timeProblem } },
          },
        },
      },
    },
    strategies: { shape: { type: 'object', fields: { default: { shape: strategy }, config: { shape: strategy } } } },
    gates: { shape: { type: 'object', fields: { metric: { shape: metricGate } } } },
  },
};
