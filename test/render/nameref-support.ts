/**
 * Test support for name-reference scenarios: loads resources and replays,
 * in kustomize's order, what the namespace / namePrefix / nameSuffix
 * transformers do to ids, so fixNameReferences can be checked against
 * `kubectl kustomize` output of the same kustomizations.
 */
import { posix } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { DiagnosticError } from '../../src/core/diagnostic.js';
import type { JsonObject } from '../../src/core/json.js';
import { Resource } from '../../src/core/resource.js';
import { MemoryFileSystem } from '../../src/fs/memory.js';
import type { BuildContext } from '../../src/render/context.js';
import { runGenerators } from '../../src/render/generators/index.js';
import type { Kustomization } from '../../src/render/kustomization.js';
import { addNamePrefix, addNameSuffix } from '../../src/render/nameref/index.js';
import type { ResMap } from '../../src/render/resmap.js';
import { isClusterScoped } from '../../src/render/schema.js';
import { parseDocuments } from '../../src/yaml/parse.js';

export function load(resources: ResMap, text: string, file = '/app/r.yaml'): ResMap {
  for (const doc of parseDocuments(text, file)) {
    resources.add(new Resource(doc.value as JsonObject, { file, line: doc.line }));
  }
  return resources;
}

/** Runs the generators of a kustomization given as text (files are not needed by these scenarios). */
export function generate(resources: ResMap, root: string, text: string): ResMap {
  const file = posix.join(root, 'kustomization.yaml');
  const [doc] = parseDocuments(text, file);
  const ctx: BuildContext = {
    fs: new MemoryFileSystem(),
    options: { loadRestrictor: 'rootOnly' },
    root,
    kustomizationFile: file,
    kustomization: doc!.value as Kustomization,
    readFile: () => {
      throw new Error('no files in this scenario');
    },
    sourceOf: (path) => ({ file, line: doc!.locate(path)?.line ?? 0 }),
    warn: () => undefined,
  };
  runGenerators(resources, ctx);
  return resources;
}

function metadata(r: Resource): JsonObject {
  return r.obj.metadata as JsonObject;
}

/** `namespace:` — every object's id is remembered; namespaced ones move. */
export function setNamespace(resources: ResMap, namespace: string): void {
  for (const r of resources) {
    r.rememberId();
    if (!isClusterScoped(r.id)) metadata(r).namespace = namespace;
  }
}

/** kustomize never prefixes/suffixes these (APIService only in its own group). */
function notRenamed(r: Resource): boolean {
  const { kind, group } = r.id;
  return kind === 'CustomResourceDefinition' || kind === 'Namespace' || (kind === 'APIService' && group === 'apiregistration.k8s.io');
}

/** `namePrefix:` — recorded on every object it handles, renaming when non-empty. */
export function prefixNames(resources: ResMap, prefix: string): void {
  for (const r of resources) {
    if (notRenamed(r)) continue;
    addNamePrefix(r, prefix);
    if (prefix === '') continue;
    r.rememberId();
    metadata(r).name = prefix + r.name;
  }
}

export function suffixNames(resources: ResMap, suffix: string): void {
  for (const r of resources) {
    if (notRenamed(r)) continue;
    addNameSuffix(r, suffix);
    if (suffix === '') continue;
    r.rememberId();
    metadata(r).name = r.name + suffix;
  }
}

export function objects(resources: ResMap): JsonObject[] {
  return resources.all().map((r) => r.obj);
}

/** kubectl output parsed with the `yaml` package. */
export function golden(text: string): JsonObject[] {
  return parseAllDocuments(text).map((d) => d.toJS() as JsonObject);
}

export function codeOf(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    if (error instanceof DiagnosticError) return error.code;
    throw error;
  }
  return 'no error';
}
