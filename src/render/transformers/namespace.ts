import { diag, DiagnosticError } from '../../core/diagnostic.js';
import { isArray, isObject, type JsonObject } from '../../core/json.js';
import { idString, type Gvk } from '../../core/resource-id.js';
import type { Resource } from '../../core/resource.js';
import { findIdConflict } from '../accumulate-ids.js';
import { RenderCode } from '../errors.js';
import { setScalars } from '../field-specs-apply.js';
import { defaultFieldSpecConfig } from '../field-specs-config.js';
import type { FieldSpec } from '../field-specs.js';
import { isClusterScoped } from '../schema.js';
import type { TransformerStep } from './step.js';

const META_NAMESPACE: FieldSpec = { path: 'metadata/namespace', create: true };
const META_NAME: FieldSpec = { path: 'metadata/name', create: true };

/**
 * `namespace:` — kustomize's NamespaceTransformer (DefaultSubjectsOnly mode).
 * Sets metadata.namespace on every kind not known to be cluster-scoped,
 * renames v1 Namespace objects, sets the namespace of (Cluster)RoleBinding
 * subjects named `default`, and the other namespace field specs (APIService
 * service, CRD conversion webhook, custom `configurations:`).
 */
export const namespaceStep: TransformerStep = {
  field: 'namespace',
  run(resources, ctx) {
    const namespace = ctx.kustomization.namespace ?? '';
    const source = ctx.sourceOf(['namespace']);
    const specs = otherSpecs((ctx.fieldSpecs ?? defaultFieldSpecConfig()).namespace);
    for (const r of resources) {
      if (Object.keys(r.obj).length > 0 && setNamespace(r, namespace, specs)) {
        r.record({ transformer: 'namespace', source, detail: `namespace → ${namespace}` });
      }
    }
    const conflict = findIdConflict(resources);
    if (conflict) {
      throw new DiagnosticError([
        diag(RenderCode.DuplicateId, `namespace transformation produces ID conflict: ${conflict.map((r) => idString(r.id)).join(', ')}`, {
          file: source.file,
          line: source.line,
        }),
      ]);
    }
  },
};

/** The namespace specs besides metadata/namespace, for bindings (whose subjects are special) and for the rest. */
interface OtherSpecs {
  forBindings: FieldSpec[];
  forOthers: FieldSpec[];
}

function otherSpecs(specs: readonly FieldSpec[]): OtherSpecs {
  const others = specs.filter((s) => s.path !== META_NAMESPACE.path);
  return { forBindings: others.filter((s) => s.path !== 'subjects'), forOthers: others };
}

/** Applies the namespace to one object; true when anything changed. */
function setNamespace(r: Resource, namespace: string, specs: OtherSpecs): boolean {
  const id = r.id;
  const isNamespaceObject = id.kind === 'Namespace' && id.group === '' && id.version === 'v1';
  const scoped = !isClusterScoped(id);
  if ((scoped && r.namespace !== namespace) || (isNamespaceObject && r.name !== namespace)) r.rememberId();
  const code = RenderCode.InvalidResource;
  let changed = false;
  if (scoped) changed = setScalars(r, [META_NAMESPACE], () => namespace, code);
  if (isNamespaceObject) changed = setScalars(r, [META_NAME], () => namespace, code) || changed;
  if (isRoleBinding(id)) changed = setDefaultSubjects(r, namespace) || changed;
  const others = isRoleBinding(id) ? specs.forBindings : specs.forOthers;
  return setScalars(r, others, () => namespace, code) || changed;
}

function isRoleBinding(gvk: Gvk): boolean {
  return gvk.kind === 'RoleBinding' || gvk.kind === 'ClusterRoleBinding';
}

/** Only subjects named `default` get the namespace (the default service account, in kustomize's words). */
function setDefaultSubjects(r: Resource, namespace: string): boolean {
  const subjects = r.obj.subjects;
  if (!isArray(subjects)) return false;
  let changed = false;
  for (const subject of subjects) {
    if (!isObject(subject) || !('name' in subject)) continue;
    const name = subject.name;
    if (isObject(name) || isArray(name)) {
      throw new DiagnosticError([
        diag(RenderCode.InvalidResource, `setting namespace on (cluster)role binding subjects: subject name must be a scalar`, {
          file: r.origin.file,
          line: r.origin.line,
        }),
      ]);
    }
    if (name !== 'default') continue;
    if ((subject as JsonObject).namespace !== namespace) {
      subject.namespace = namespace;
      changed = true;
    }
  }
  return changed;
}
