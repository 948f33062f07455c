/**
 * Where the schema of an object comes from: the built-in Kubernetes kinds of
 * the committed data, or a CRD in the same rendered set.
 */
import type { JsonObject } from '../../core/json.js';
import { parseApiVersion } from '../../core/resource-id.js';
import { builtinSchemas, type BuiltinSchemas } from './builtin.js';
import { collectCrds, crdVersionSchema, type CrdKind } from './crd.js';
import type { SchemaNode } from './node.js';

export type KindLookup =
  | { status: 'found'; node: SchemaNode; source: 'builtin' | 'crd' }
  /** Neither built in nor defined by a CRD in the set. */
  | { status: 'unknown-kind' }
  /** A CRD in the set defines the kind, but not this version. */
  | { status: 'unknown-version'; crd: string; versions: string[] };

export class SchemaIndex {
  private readonly builtin: BuiltinSchemas;
  private readonly crds: ReadonlyMap<string, CrdKind>;

  constructor(builtin: BuiltinSchemas = builtinSchemas(), crds: ReadonlyMap<string, CrdKind> = new Map()) {
    this.builtin = builtin;
    this.crds = crds;
  }

  /** Built-in kinds plus every CRD among `objects`. */
  static forObjects(objects: Iterable<JsonObject>, builtin: BuiltinSchemas = builtinSchemas()): SchemaIndex {
    return new SchemaIndex(builtin, collectCrds(objects));
  }

  /** Kubernetes minor version of the built-in data, e.g. `1.26`. */
  get dataVersion(): string {
    return this.builtin.version;
  }

  lookup(apiVersion: string, kind: string): KindLookup {
    const node = this.builtin.kind(apiVersion, kind);
    if (node) return { status: 'found', node, source: 'builtin' };
    const { group, version } = parseApiVersion(apiVersion);
    const crd = this.crds.get(`${group} ${kind}`);
    if (!crd) return { status: 'unknown-kind' };
    const served = crd.versions.get(version);
    if (!served) return { status: 'unknown-version', crd: crd.crd, versions: [...crd.versions.keys()] };
    return { status: 'found', node: crdVersionSchema(crd, served, this.objectMeta()), source: 'crd' };
  }

  /** Whether the built-in data has any kind under this apiVersion (a built-in group, not a CRD's). */
  isBuiltinApiVersion(apiVersion: string): boolean {
    return this.builtin.hasApiVersion(apiVersion);
  }

  builtinKinds(apiVersion: string): string[] {
    return this.builtin.kindsOf(apiVersion);
  }

  objectMeta(): SchemaNode {
    return this.builtin.objectMeta();
  }
}
