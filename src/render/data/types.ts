/**
 * Shape of the generated schema tables (see scripts/derive-openapi-tables.ts).
 * Field descriptors are kept terse because the table is large.
 */
export interface FieldDesc {
  /** The field's value is an object of this definition. */
  r?: string;
  /** The field is a list; its elements are described here. */
  a?: FieldDesc;
  /** The field is a map; its values are described here. */
  m?: FieldDesc;
  /** `x-kubernetes-patch-strategy`, e.g. `merge` or `merge,retainKeys`. */
  s?: string;
  /** Merge keys: `x-kubernetes-list-map-keys` when present, else the patch merge key. */
  k?: string[];
  /** `x-kubernetes-list-type` when not `atomic`. */
  t?: string;
}

export interface OpenApiTables {
  /** `apiVersion kind` of every cluster-scoped type. */
  clusterScoped: string[];
  /** `apiVersion kind` → definition of the type's top-level object. */
  roots: Record<string, string>;
  /** Definition → its fields that matter to strategic merge. */
  defs: Record<string, Record<string, FieldDesc>>;
}
