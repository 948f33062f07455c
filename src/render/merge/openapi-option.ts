import { DiagnosticError, fail } from '../../core/diagnostic.js';
import type { JsonValue } from '../../core/json.js';
import { parseDocuments } from '../../yaml/parse.js';
import type { BuildContext } from '../context.js';
import { RenderCode } from '../errors.js';
import { customMergeSchema, type MergeSchema } from '../schema.js';
import type { OpenApiDocument } from '../schema-derive.js';
import { locationOf } from './patch-load.js';

/** The only built-in schema version kustomize 5.5 embeds. */
const BUILTIN_VERSION = 'v1.21.2';

const parsed = new Map<string, MergeSchema>();

/**
 * The merge keys a kustomization's `openapi:` field asks for: `version`
 * names the built-in schema, `path` a schema file (JSON, or YAML) that
 * replaces it. Undefined means the built-in schema.
 *
 * kustomize takes this field from the top-level kustomization for the whole
 * build; here it applies to the patches of the kustomization that declares it.
 */
export function mergeSchemaOf(ctx: BuildContext): MergeSchema | undefined {
  const openapi = ctx.kustomization.openapi;
  if (!openapi) return undefined;
  const where = locationOf(ctx.sourceOf(['openapi']));
  const { path, version } = openapi as { path?: unknown; version?: unknown };
  if (path !== undefined && version !== undefined) {
    fail(RenderCode.PatchInvalid, 'builtin version and custom schema provided, cannot use both', where);
  }
  if (version !== undefined) {
    if (version !== BUILTIN_VERSION) fail(RenderCode.PatchInvalid, `the specified OpenAPI version is not built in: ${String(version)}`, where, `use ${BUILTIN_VERSION}`);
    return undefined;
  }
  if (typeof path !== 'string' || path === '') return undefined;
  const file = ctx.readFile(path);
  const key = `${file.path}\n${file.text}`;
  let schema = parsed.get(key);
  if (!schema) {
    schema = customMergeSchema(readSchemaDocument(file.text, file.path));
    parsed.set(key, schema);
  }
  return schema;
}

function readSchemaDocument(text: string, file: string): OpenApiDocument {
  let value: JsonValue;
  try {
    value = text.startsWith('{') ? (JSON.parse(text) as JsonValue) : (parseDocuments(text, file)[0]?.value ?? null);
  } catch (error) {
    if (error instanceof SyntaxError || error instanceof DiagnosticError) {
      return fail(RenderCode.PatchInvalid, `invalid schema file: ${error.message.split('\n')[0]}`, { file });
    }
    throw error;
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return fail(RenderCode.PatchInvalid, 'invalid schema file: expected an OpenAPI document', { file });
  }
  return value as unknown as OpenApiDocument;
}
