/**
 * metav1.LabelSelector matching, as the apiserver's namespaceSelector and
 * objectSelector: matchLabels and matchExpressions are ANDed, the empty
 * selector matches everything, `NotIn` and `DoesNotExist` match objects
 * without the label.
 */
import { isObject, type JsonObject } from '../../core/json.js';
import type { LabelSelector } from './types.js';

export function isEmptySelector(selector: LabelSelector): boolean {
  return Object.keys(selector.matchLabels).length === 0 && selector.matchExpressions.length === 0;
}

export function matchesSelector(selector: LabelSelector, labels: Readonly<Record<string, string>>): boolean {
  const has = (key: string) => Object.prototype.hasOwnProperty.call(labels, key);
  for (const [key, value] of Object.entries(selector.matchLabels)) if (!has(key) || labels[key] !== value) return false;
  for (const req of selector.matchExpressions) {
    const present = has(req.key);
    switch (req.operator) {
      case 'In':
        if (!present || !req.values.includes(labels[req.key] as string)) return false;
        break;
      case 'NotIn':
        if (present && req.values.includes(labels[req.key] as string)) return false;
        break;
      case 'Exists':
        if (!present) return false;
        break;
      case 'DoesNotExist':
        if (present) return false;
        break;
    }
  }
  return true;
}

/** String-valued labels of an object (`metadata.labels`). */
export function labelsOf(obj: JsonObject | undefined): Record<string, string> {
  const metadata = obj?.metadata;
  const labels = isObject(metadata) ? metadata.labels : undefined;
  const out: Record<string, string> = {};
  if (isObject(labels)) for (const [k, v] of Object.entries(labels)) if (typeof v === 'string') out[k] = v;
  return out;
}
