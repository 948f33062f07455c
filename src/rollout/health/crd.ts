/**
 * CustomResourceDefinition, as kstatus: NamesAccepted=False fails (another CRD
 * holds the names), Established=True is Current, Established=False other than
 * while Installing fails. Both failures fail fast: they need a manifest change.
 */
import { conditionOf } from './fields.js';
import type { HealthRule } from './types.js';
import { current, failedFast, inProgress } from './verdicts.js';

export const crdRule: HealthRule = {
  kinds: ['apiextensions.k8s.io/CustomResourceDefinition'],
  assess({ object }) {
    const name = object.metadata.name;
    const names = conditionOf(object, 'NamesAccepted');
    if (names?.status === 'False') return failedFast('NamesNotAccepted', `CRD ${name}: ${names.message ?? names.reason ?? 'names not accepted'}`);
    const established = conditionOf(object, 'Established');
    if (established?.status === 'True') return current('Established', `CRD ${name} is established`);
    if (established?.status === 'False' && established.reason !== 'Installing') {
      return failedFast('NotEstablished', `CRD ${name}: ${established.message ?? established.reason ?? 'not established'}`);
    }
    return inProgress('NotEstablished', `CRD ${name} is not established yet`);
  },
};
