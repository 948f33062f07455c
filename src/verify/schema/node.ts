/**
 * The schema model the validator walks. Built-in kinds (decoded from the
 * generated data) and custom resources (converted from a CRD's
 * openAPIV3Schema) both end up as SchemaNodes, so one walker serves both.
 */
import type { JsonValue } from '../../core/json.js';

export type NodeType =
  | 'string'
  | 'integer'
  | 'number'
  | 'boolean'
  | 'object'
  | 'array'
  /** An integer or a string (`IntOrString`, `x-kubernetes-int-or-string`). */
  | 'int-or-string'
  /** A resource quantity: a string such as `500m` / `1Gi`, or a plain number. */
  | 'quantity';

export type NodeFormat = 'int32' | 'int64' | 'byte' | 'date-time';

export interface SchemaNode {
  /** Undefined: any value is accepted. */
  type?: NodeType;
  format?: NodeFormat;
  /** Allowed values. */
  enum?: readonly JsonValue[];
  /** Objects: declared fields. */
  properties?: ReadonlyMap<string, SchemaNode>;
  /** Objects: schema of values under keys not in `properties` (a map). */
  additional?: SchemaNode;
  /** Arrays: schema of every element. */
  items?: SchemaNode;
  required?: readonly string[];
  /** Objects: fields that are neither declared nor covered by `additional` are kept, not unknown. */
  preserveUnknown?: boolean;
  /**
   * Objects: a complete Kubernetes object whose schema follows from its own
   * apiVersion and kind (a `List` item, a RawExtension-like field).
   */
  byKind?: boolean;
  /** Where the node comes from; built-in enums may grow in newer Kubernetes, CRD ones are exact. */
  origin: 'builtin' | 'crd';
}

/** Accepts anything (a schema-less field, or a CRD version without schema). */
export const ANY_NODE: SchemaNode = { origin: 'builtin' };
