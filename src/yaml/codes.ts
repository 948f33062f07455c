/**
 * Diagnostic codes raised by the YAML stage. They carry the same strings as
 * the render stage's RenderCode entries so callers can match either.
 */
export const YamlCode = {
  Syntax: 'YAML_SYNTAX',
  DuplicateKey: 'YAML_DUPLICATE_KEY',
  UnsupportedValue: 'YAML_UNSUPPORTED_VALUE',
} as const;
