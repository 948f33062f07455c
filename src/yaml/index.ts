/**
 * Public face of the YAML stage: parse with positions (yaml.v3 value
 * semantics, as kustomize reads) and serialise exactly as kustomize writes.
 */
export { parseDocuments, type ParsedDocument } from './parse.js';
export { stringifyDocument, stringifyDocuments } from './serialize.js';
export { goJsonStringify } from './gojson.js';
export { YamlCode } from './codes.js';
