/** What a Service selects: its selector and the pod templates in its namespace that match it. */
import type { Resource } from '../../core/resource.js';
import type { VerifyContext } from '../rule.js';
import { indexOf } from './indexes.js';
import { isEmptySelector, mapSelector, type Selector } from './selectors.js';
import { dig, isKind, namespaceOf } from './values.js';
import type { Workload } from './workloads.js';

export interface SelectingService {
  selector: Selector;
  pods: Workload[];
}

/** For a Service that manages its endpoints from a selector; undefined for other objects. */
export function selectingService(resource: Resource, context: VerifyContext): SelectingService | undefined {
  if (!isKind(resource, '', 'Service') || dig(resource.obj, 'spec', 'type') === 'ExternalName') return undefined;
  const selector = mapSelector(dig(resource.obj, 'spec', 'selector'));
  // No selector: endpoints are managed by hand or by another controller.
  if (isEmptySelector(selector)) return undefined;
  return { selector, pods: indexOf(context).podTemplates(namespaceOf(resource)).select(selector) };
}
