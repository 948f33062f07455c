import { fail } from '../../core/diagnostic.js';
import { isArray, isObject } from '../../core/json.js';
import { idString } from '../../core/resource-id.js';
import type { Resource } from '../../core/resource.js';
import { RenderCode } from '../errors.js';
import { isClusterScoped } from '../schema.js';
import { sameNamespace } from './ids.js';

/**
 * The objects `referrer` could possibly point at (kustomize's
 * SubsetThatCouldBeReferencedByResource), by current ids: a cluster-scoped
 * referrer sees everything; a namespaced one sees cluster-scoped objects,
 * objects in its own namespace and, for a RoleBinding, objects in the
 * namespaces of its ServiceAccount subjects.
 */
export function couldBeReferencedBy(all: readonly Resource[], referrer: Resource): Resource[] {
  const referrerId = referrer.id;
  if (isClusterScoped(referrerId)) return [...all];
  const subjectNamespaces = serviceAccountNamespaces(referrer);
  return all.filter((target) => {
    const id = target.id;
    return isClusterScoped(id) || sameNamespace(id, referrerId) || subjectNamespaces.has(target.namespace);
  });
}

/** Namespaces of a RoleBinding's ServiceAccount subjects (raw values, as kustomize compares them). */
function serviceAccountNamespaces(referrer: Resource): Set<string> {
  const namespaces = new Set<string>();
  if (referrer.kind !== 'RoleBinding') return namespaces;
  const subjects = referrer.obj.subjects;
  if (!isArray(subjects)) return namespaces;
  for (const subject of subjects) {
    if (!isObject(subject) || !('namespace' in subject) || subject.kind !== 'ServiceAccount') continue;
    const ns = subject.namespace;
    if (typeof ns !== 'string') {
      fail(RenderCode.NameRefInvalid, `Invalid Input: namespace is blank for resource "${idString(referrer.id)}"`, {
        file: referrer.origin.file,
        line: referrer.origin.line,
        yamlPath: 'subjects',
      });
    }
    namespaces.add(ns);
  }
  return namespaces;
}
