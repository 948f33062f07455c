/** What schema validation reports: a stable code, a severity and the field's path. */
import type { Severity } from '../../core/diagnostic.js';
import type { FieldPath } from '../finding.js';

export const SchemaCode = {
  UnknownField: 'unknown-field',
  WrongType: 'wrong-type',
  InvalidValue: 'invalid-value',
  MissingRequired: 'missing-required',
  UnknownKind: 'unknown-kind',
  UnknownVersion: 'unknown-version',
} as const;
export type SchemaCodeValue = (typeof SchemaCode)[keyof typeof SchemaCode];

export interface SchemaProblem {
  code: SchemaCodeValue;
  severity: Severity;
  path: FieldPath;
  message: string;
  /** What to change. */
  hint: string;
  /** For an unknown field or kind: the known name it most likely meant. */
  suggestion?: string;
}
