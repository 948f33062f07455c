/**
 * Shape of the generated validation schema (scripts/derive-validation-schema.ts).
 * The data is large, so every definition is one short string and types are
 * one-character codes; schema/builtin.ts decodes definitions lazily.
 *
 * Type codes:
 * - `s` string, `B` base64 bytes, `t` RFC 3339 date-time string,
 *   `i` integer (int64), `I` int32, `n` number, `b` boolean,
 *   `q` resource quantity (string or number), `x` int-or-string,
 *   `*` any value, `o` any object (free-form, unknown fields kept),
 *   `R` an embedded Kubernetes object, validated by its own apiVersion/kind;
 * - `%N` a string from enum N;
 * - `[C` a list of C, `{C` a map of string to C;
 * - `N` (digits) an object of definition N.
 *
 * A definition is its fields separated by spaces, each `name:code`, with `!`
 * before the name when the field is required: `!name:s value:s`.
 */
export interface SchemaData {
  /** Kubernetes minor version the data comes from, e.g. `1.26`. */
  version: string;
  /** String enums, referenced by `%N`. */
  enums: string[][];
  /** Object definitions, referenced by index. */
  defs: string[];
  /** apiVersion → space-separated `Kind:N` (N = definition of the kind's top-level object). */
  kinds: Record<string, string>;
}
