/**
 * Cross-object lookups for one VerifyContext, built lazily (each part on
 * first use) in one pass over the set and cached on the context, so rules
 * that relate objects (Service → pods, PDB → workloads, HPA → target …)
 * stay linear in the size of the set.
 */
import { parseApiVersion } from '../../core/resource-id.js';
import type { Resource } from '../../core/resource.js';
import type { VerifyContext } from '../rule.js';
import { LabelIndex, mapSelector, parseLabelSelector, SelectorIndex, isEmptySelector } from './selectors.js';
import { dig, groupOf, isKind, namespaceOf, num, str, stringMap } from './values.js';
import { workloadOf, type Workload } from './workloads.js';

/** Namespaces the cluster itself runs in: per-namespace policies are not expected there. */
export const SYSTEM_NAMESPACES: ReadonlySet<string> = new Set(['kube-system', 'kube-public', 'kube-node-lease']);

export class ContextIndex {
  constructor(private readonly resources: readonly Resource[]) {}

  private byId?: Map<string, Resource>;
  private templates?: Map<string, LabelIndex<Workload>>;
  private services?: { byNamespace: Map<string, LabelIndex<Resource>>; all: LabelIndex<Resource> };
  private pdbs?: Map<string, SelectorIndex<Resource>>;
  private hpas?: Map<string, Resource[]>;
  private isolated?: Set<string>;
  private reporters?: Map<string, Resource>;
  private crdScopes?: Map<string, string>;
  private clusterRoleUse?: Map<string, { cluster: boolean; namespaced: boolean }>;

  /** The object of `group`/`kind` named `name` in `namespace` ('' for cluster-scoped kinds). */
  find(group: string, kind: string, namespace: string, name: string): Resource | undefined {
    if (!this.byId) {
      this.byId = new Map();
      for (const r of this.resources) {
        const group = groupOf(r.obj);
        this.byId.set(idKey(group, r.kind, r.namespace, r.name), r);
        // Unset namespace means the default one for namespaced kinds.
        if (r.namespace === '') this.byId.set(idKey(group, r.kind, 'default', r.name), r);
      }
    }
    return this.byId.get(idKey(group, kind, namespace, name));
  }

  /** Pod-carrying objects in `namespace`, searchable by their pod labels. */
  podTemplates(namespace: string): LabelIndex<Workload> {
    if (!this.templates) {
      this.templates = new Map();
      for (const r of this.resources) {
        const w = workloadOf(r);
        if (w && w.groupKind !== '/PodTemplate') bucket(this.templates, namespaceOf(r), () => new LabelIndex<Workload>()).add(w.podLabels, w);
      }
    }
    return this.templates.get(namespace) ?? EMPTY_TEMPLATES;
  }

  /** Services by their own labels (what a ServiceMonitor selects), per namespace or across all. */
  servicesByLabels(namespace?: string): LabelIndex<Resource> {
    if (!this.services) {
      const byNamespace = new Map<string, LabelIndex<Resource>>();
      const all = new LabelIndex<Resource>();
      for (const r of this.resources) {
        if (!isKind(r, '', 'Service')) continue;
        const labels = stringMap(dig(r.obj, 'metadata', 'labels'));
        bucket(byNamespace, namespaceOf(r), () => new LabelIndex<Resource>()).add(labels, r);
        all.add(labels, r);
      }
      this.services = { byNamespace, all };
    }
    if (namespace === undefined) return this.services.all;
    return this.services.byNamespace.get(namespace) ?? EMPTY_RESOURCES;
  }

  /** PodDisruptionBudgets in the workload's namespace that select its pods. */
  budgetsFor(w: Workload): Resource[] {
    if (!this.pdbs) {
      this.pdbs = new Map();
      for (const r of this.resources) {
        if (!isKind(r, 'policy', 'PodDisruptionBudget')) continue;
        const selector = parseLabelSelector(dig(r.obj, 'spec', 'selector'));
        if (selector) bucket(this.pdbs, namespaceOf(r), () => new SelectorIndex<Resource>()).add(selector, r);
      }
    }
    return this.pdbs.get(namespaceOf(w.resource))?.selecting(w.podLabels) ?? [];
  }

  /** HorizontalPodAutoscalers whose scaleTargetRef names this object. */
  autoscalersOf(target: Resource): Resource[] {
    if (!this.hpas) {
      this.hpas = new Map();
      for (const r of this.resources) {
        if (!isKind(r, 'autoscaling', 'HorizontalPodAutoscaler')) continue;
        const ref = dig(r.obj, 'spec', 'scaleTargetRef');
        const { group } = parseApiVersion(str(dig(ref, 'apiVersion')) ?? '');
        const key = idKey(group, str(dig(ref, 'kind')) ?? '', namespaceOf(r), str(dig(ref, 'name')) ?? '');
        bucket(this.hpas, key, () => [] as Resource[]).push(r);
      }
    }
    return this.hpas.get(idKey(groupOf(target.obj), target.kind, namespaceOf(target), target.name)) ?? [];
  }

  /**
   * The fewest pods a replicated workload runs: its HPA's minReplicas when
   * autoscaled (the HPA overrides spec.replicas), else spec.replicas.
   */
  minimumReplicas(w: Workload): number | undefined {
    if (w.declaredReplicas === undefined) return undefined;
    const hpas = this.autoscalersOf(w.resource);
    if (hpas.length === 0) return w.declaredReplicas;
    return Math.min(...hpas.map((h) => num(dig(h.obj, 'spec', 'minReplicas')) ?? 1));
  }

  /** Whether some NetworkPolicy selects every pod of the namespace for ingress (pods are isolated). */
  isIsolated(namespace: string): boolean {
    if (!this.isolated) {
      this.isolated = new Set();
      for (const r of this.resources) {
        if (!isKind(r, 'networking.k8s.io', 'NetworkPolicy')) continue;
        const selector = parseLabelSelector(dig(r.obj, 'spec', 'podSelector')) ?? mapSelector(undefined);
        if (isEmptySelector(selector) && coversIngress(r)) this.isolated.add(namespaceOf(r));
      }
    }
    return this.isolated.has(namespace);
  }

  /**
   * The object a per-namespace finding is reported on: the Namespace itself
   * when it is in the set, else the namespace's first pod-carrying object.
   */
  namespaceReporter(namespace: string): Resource | undefined {
    if (!this.reporters) {
      this.reporters = new Map();
      for (const r of this.resources) {
        if (isKind(r, '', 'Namespace') && r.name !== '') this.reporters.set(r.name, r);
      }
      for (const r of this.resources) {
        const ns = namespaceOf(r);
        if (!this.reporters.has(ns) && workloadOf(r)) this.reporters.set(ns, r);
      }
    }
    return this.reporters.get(namespace);
  }

  /** Scope declared by a CustomResourceDefinition in the set for `group/kind`. */
  customScope(group: string, kind: string): string | undefined {
    if (!this.crdScopes) {
      this.crdScopes = new Map();
      for (const r of this.resources) {
        if (!isKind(r, 'apiextensions.k8s.io', 'CustomResourceDefinition')) continue;
        const spec = r.obj.spec;
        const crdKind = str(dig(spec, 'names', 'kind'));
        const scope = str(dig(spec, 'scope'));
        if (crdKind && scope) this.crdScopes.set(`${str(dig(spec, 'group')) ?? ''}/${crdKind}`, scope);
      }
    }
    return this.crdScopes.get(`${group}/${kind}`);
  }

  /** How a ClusterRole is bound in the set: by ClusterRoleBindings (cluster-wide) and/or RoleBindings. */
  clusterRoleBindings(name: string): { cluster: boolean; namespaced: boolean } {
    if (!this.clusterRoleUse) {
      this.clusterRoleUse = new Map();
      for (const r of this.resources) {
        const cluster = isKind(r, 'rbac.authorization.k8s.io', 'ClusterRoleBinding');
        if (!cluster && !isKind(r, 'rbac.authorization.k8s.io', 'RoleBinding')) continue;
        if (str(dig(r.obj, 'roleRef', 'kind')) !== 'ClusterRole') continue;
        const role = str(dig(r.obj, 'roleRef', 'name')) ?? '';
        const use = bucket(this.clusterRoleUse, role, () => ({ cluster: false, namespaced: false }));
        if (cluster) use.cluster = true;
        else use.namespaced = true;
      }
    }
    return this.clusterRoleUse.get(name) ?? { cluster: false, namespaced: false };
  }
}

const EMPTY_TEMPLATES = new LabelIndex<Workload>();
const EMPTY_RESOURCES = new LabelIndex<Resource>();

function idKey(group: string, kind: string, namespace: string, name: string): string {
  return `${group}/${kind}\u0000${namespace}\u0000${name}`;
}

function bucket<K, V>(map: Map<K, V>, key: K, create: () => V): V {
  let value = map.get(key);
  if (value === undefined) {
    value = create();
    map.set(key, value);
  }
  return value;
}

/** policyTypes defaults to Ingress (plus Egress when egress rules exist). */
function coversIngress(policy: Resource): boolean {
  const types = dig(policy.obj, 'spec', 'policyTypes');
  return !Array.isArray(types) || types.includes('Ingress');
}

const indexes = new WeakMap<VerifyContext, ContextIndex>();

/** The index for `context`, built on first use. */
export function indexOf(context: VerifyContext): ContextIndex {
  let index = indexes.get(context);
  if (!index) {
    index = new ContextIndex(context.resources);
    indexes.set(context, index);
  }
  return index;
}
