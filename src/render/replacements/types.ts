import type { SourceRef } from '../../core/resource.js';

/** kustomize's ResId fields as used by replacement selectors (exact matches, not regexes). */
export interface IdSelector {
  group?: string;
  version?: string;
  kind?: string;
  name?: string;
  namespace?: string;
}

export interface TargetSelect extends IdSelector {
  labelSelector?: string;
  annotationSelector?: string;
}

export interface FieldOptions {
  delimiter?: string;
  index?: number;
  create?: boolean;
}

export interface ReplacementSource extends IdSelector {
  fieldPath?: string;
  options?: FieldOptions;
}

export interface ReplacementTarget {
  select: TargetSelect;
  reject: TargetSelect[];
  fieldPaths: string[];
  options?: FieldOptions;
}

/** One decoded replacement with where it is declared. */
export interface Replacement {
  source: ReplacementSource;
  targets: ReplacementTarget[];
  /** Index of the `replacements` entry it came from (a file entry may yield several). */
  entry: number;
  /** The file holding it, when it came from a `path:` entry. */
  file?: string;
  declaredAt: SourceRef;
}

export const DEFAULT_FIELD_PATH = 'metadata.name';
