/** ConfigMaps are readable by anyone who can read config; credentials belong in Secrets. */
import { isObject } from '../../core/json.js';
import { defineRule } from './define.js';
import { looksLikeReference, looksLikeSecretName } from './secret-names.js';
import { isKind } from './values.js';

export const secretInConfigMap = defineRule({
  name: 'secret-in-configmap',
  category: 'security',
  severity: 'warning',
  description: 'ConfigMaps must not hold credentials.',
  remediation: 'Move the value into a Secret (or an external secret store) and reference it from there.',
  kinds: ['ConfigMap'],
  check(resource, _context, report) {
    if (!isKind(resource, '', 'ConfigMap') || !isObject(resource.obj.data)) return;
    const data = resource.obj.data;
    for (const key of Object.keys(data)) {
      const value = data[key];
      if (typeof value === 'string' && value !== '' && looksLikeSecretName(key) && !looksLikeReference(value)) {
        report(['data', key], `key "${key}" looks like a credential`);
      }
    }
  },
});
