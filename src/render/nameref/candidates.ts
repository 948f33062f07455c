import { fail } from '../../core/diagnostic.js';
import { isArray, isObject } from '../../core/json.js';
import { idString } from '../../core/resource-id.js';
import type { Resource } from '../../core/resource.js';
import { RenderCode } from '../errors.js';
import { isClusterScoped } from '../schema.js';
import { effectiveNamespace, NOT_A_NAMESPACE } from './ids.js';

/**
 * The objects one referrer could possibly point at (kustomize's
 * SubsetThatCouldBeReferencedByResource, by current ids), indexed for the
 * lookups name-reference resolution makes.
 */
export class CandidatePool {
  private readonly byPreviousName = new Map<string, Resource[]>();
  private readonly originalNamespaces = new Set<string>();

  constructor(
    readonly members: readonly Resource[],
    facts: (r: Resource) => MemberFacts = factsOf,
  ) {
    for (const r of members) {
      const { previousNames, originalNamespace } = facts(r);
      for (const name of previousNames) {
        const list = this.byPreviousName.get(name);
        if (list) list.push(r);
        else this.byPreviousName.set(name, [r]);
      }
      if (originalNamespace !== NOT_A_NAMESPACE) this.originalNamespaces.add(originalNamespace);
    }
  }

  /** Members once called `name` (only renamed objects qualify), in accumulation order. */
  previouslyNamed(name: string): readonly Resource[] {
    return this.byPreviousName.get(name) ?? [];
  }

  /** Whether any member, renamed or not, started out in namespace `ns`. */
  hasOriginalNamespace(ns: string): boolean {
    return this.originalNamespaces.has(ns);
  }
}

/** What a pool needs of each member; the same in every pool, so worked out once per object. */
interface MemberFacts {
  /** Names it had before renames, each once. */
  previousNames: string[];
  originalNamespace: string;
}

function factsOf(r: Resource): MemberFacts {
  return { previousNames: [...new Set(r.previousIds.map((id) => id.name))], originalNamespace: effectiveNamespace(r.originalId) };
}

/**
 * Builds the pool for each referrer: a cluster-scoped referrer sees
 * everything; a namespaced one sees cluster-scoped objects, objects in its
 * own namespace and, for a RoleBinding, objects in the namespaces of its
 * ServiceAccount subjects. Pools are shared between referrers that see the
 * same subset, which keeps large builds from going quadratic.
 */
export class CandidateIndex {
  private readonly pools = new Map<string, CandidatePool>();
  private readonly scope = new Map<Resource, { clusterScoped: boolean; namespace: string }>();
  private readonly facts = new Map<Resource, MemberFacts>();

  constructor(private readonly all: readonly Resource[]) {
    for (const r of all) {
      const id = r.id;
      this.scope.set(r, { clusterScoped: isClusterScoped(id), namespace: effectiveNamespace(id) });
    }
  }

  private factsOf = (r: Resource): MemberFacts => {
    let facts = this.facts.get(r);
    if (!facts) this.facts.set(r, (facts = factsOf(r)));
    return facts;
  };

  poolFor(referrer: Resource): CandidatePool {
    const own = this.scopeOf(referrer);
    const subjectNamespaces = [...serviceAccountNamespaces(referrer)].sort();
    const key = own.clusterScoped ? '*' : JSON.stringify([own.namespace, subjectNamespaces]);
    let pool = this.pools.get(key);
    if (!pool) {
      pool = new CandidatePool(own.clusterScoped ? this.all : this.subset(own.namespace, new Set(subjectNamespaces)), this.factsOf);
      this.pools.set(key, pool);
    }
    return pool;
  }

  private subset(namespace: string, subjectNamespaces: Set<string>): Resource[] {
    return this.all.filter((target) => {
      const scope = this.scopeOf(target);
      return scope.clusterScoped || scope.namespace === namespace || subjectNamespaces.has(target.namespace);
    });
  }

  private scopeOf(r: Resource): { clusterScoped: boolean; namespace: string } {
    return this.scope.get(r) ?? { clusterScoped: isClusterScoped(r.id), namespace: effectiveNamespace(r.id) };
  }
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
