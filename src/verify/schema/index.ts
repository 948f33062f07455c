/** Schema validation of rendered objects: built-in Kubernetes kinds and CRDs in the same set. */
export { BuiltinSchemas, builtinSchemas } from './builtin.js';
export type { SchemaData } from './data-format.js';
export { ANY_NODE, type NodeFormat, type NodeType, type SchemaNode } from './node.js';
export { SCHEMA_CATEGORY, SCHEMA_RULE_ID, schemaRule, type SchemaRuleOptions } from './rule.js';
export { SchemaIndex, type KindLookup } from './schema-index.js';
export { newerClusterVersion, SchemaCode, validateObject, type SchemaCodeValue, type SchemaProblem, type ValidateOptions } from './validate.js';
