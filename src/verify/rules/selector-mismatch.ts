/** A controller whose selector does not match its own template labels is refused (or never sees its pods). */
import { isObject } from '../../core/json.js';
import { defineRule } from './define.js';
import { mapSelector, parseLabelSelector, selectorMatches } from './selectors.js';
import { dig } from './values.js';
import { POD_KINDS, workloadOf } from './workloads.js';

/** Kinds whose `spec.selector` is a LabelSelector that must select the template. */
const LABEL_SELECTOR_KINDS = new Set(['apps/Deployment', 'apps/StatefulSet', 'apps/DaemonSet', 'apps/ReplicaSet']);

export const selectorMismatch = defineRule({
  name: 'selector-mismatch',
  category: 'reliability',
  severity: 'error',
  description: 'A controller\'s selector must match the labels of its pod template.',
  remediation: 'Make `spec.selector` a subset of `spec.template.metadata.labels` (selectors are immutable: renaming needs a new object).',
  kinds: POD_KINDS,
  check(resource, _context, report) {
    const w = workloadOf(resource);
    if (!w) return;
    const raw = dig(resource.obj, 'spec', 'selector');
    if (LABEL_SELECTOR_KINDS.has(w.groupKind)) {
      const selector = parseLabelSelector(raw);
      if (!selector) {
        report(['spec', 'selector'], `${resource.kind} has no spec.selector`);
        return;
      }
      for (const key of Object.keys(selector.matchLabels)) {
        if (w.podLabels[key] !== selector.matchLabels[key]) {
          report(['spec', 'selector', 'matchLabels', key], `selector ${key}=${selector.matchLabels[key]} does not match the template label ${key}=${w.podLabels[key] ?? '(unset)'}`);
        }
      }
      selector.expressions.forEach((expression, i) => {
        if (!selectorMatches({ matchLabels: {}, expressions: [expression] }, w.podLabels)) {
          report(['spec', 'selector', 'matchExpressions', i], `selector expression on "${expression.key}" does not match the template labels`);
        }
      });
    } else if (w.groupKind === '/ReplicationController' && isObject(raw)) {
      const selector = mapSelector(raw);
      for (const key of Object.keys(selector.matchLabels)) {
        if (w.podLabels[key] !== selector.matchLabels[key]) {
          report(['spec', 'selector', key], `selector ${key}=${selector.matchLabels[key]} does not match the template label ${key}=${w.podLabels[key] ?? '(unset)'}`);
        }
      }
    }
  },
});
