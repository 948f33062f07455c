/** Binding rights to anonymous or unauthenticated users hands them to anyone who can reach the apiserver. */
import { defineRule } from './define.js';
import { BINDING_KINDS, isBinding } from './rbac.js';
import { dig, items, str } from './values.js';

const ANONYMOUS = new Set(['system:anonymous', 'system:unauthenticated']);

export const rbacAnonymousBinding = defineRule({
  name: 'rbac-anonymous-binding',
  category: 'rbac',
  severity: 'error',
  description: 'Bindings must not grant rights to system:anonymous or system:unauthenticated.',
  remediation: 'Remove the subject; grant rights to authenticated identities only.',
  kinds: BINDING_KINDS,
  check(resource, _context, report) {
    if (!isBinding(resource)) return;
    items(resource.obj.subjects).forEach((subject, i) => {
      const name = str(dig(subject, 'name')) ?? '';
      if (ANONYMOUS.has(name)) report(['subjects', i, 'name'], `${resource.kind} grants rights to ${name}`);
    });
  },
});
