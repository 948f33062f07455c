/** Advice: a ServiceMonitor that selects no Service scrapes nothing. */
import { defineRule } from './define.js';
import { indexOf } from './indexes.js';
import { parseLabelSelector } from './selectors.js';
import { dig, isKind, namespaceOf, str } from './values.js';

export const danglingServiceMonitor = defineRule({
  name: 'dangling-service-monitor',
  category: 'hygiene',
  severity: 'info',
  description: 'A ServiceMonitor should select some Service in the namespaces it watches.',
  remediation: 'Fix `spec.selector` (or `spec.namespaceSelector`) to match the labels of the Service to scrape.',
  kinds: ['ServiceMonitor'],
  check(resource, context, report) {
    if (!isKind(resource, 'monitoring.coreos.com', 'ServiceMonitor')) return;
    const selector = parseLabelSelector(dig(resource.obj, 'spec', 'selector'));
    if (!selector) return;
    const index = indexOf(context);
    const namespaces = dig(resource.obj, 'spec', 'namespaceSelector');
    let found: boolean;
    if (dig(namespaces, 'any') === true) {
      found = index.servicesByLabels().some(selector);
    } else {
      const names = dig(namespaces, 'matchNames');
      const list = Array.isArray(names) ? names.map((n) => str(n) ?? '') : [namespaceOf(resource)];
      found = list.some((ns) => index.servicesByLabels(ns).some(selector));
    }
    if (!found) report(['spec', 'selector'], 'no Service matches the ServiceMonitor selector');
  },
});
