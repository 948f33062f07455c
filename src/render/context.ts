import type { Diagnostic } from '../core/diagnostic.js';
import type { SourceRef } from '../core/resource.js';
import type { FileSystem } from '../fs/filesystem.js';
import type { ParsedDocument } from '../yaml/parse.js';
import type { FieldSpecConfig } from './field-specs-config.js';
import type { Kustomization } from './kustomization.js';

export interface BuildOptions {
  /** `rootOnly` (kustomize's default): every file must be in or below its kustomization's directory. */
  loadRestrictor: 'rootOnly' | 'none';
  /**
   * Optional parse cache shared by several builds over the same, unchanging
   * files (an estate's clusters share bases and addons): absolute path → the
   * file's parsed YAML documents. When given, the engine parses each path at
   * most once, storing the result here and reusing it later. Cached documents
   * are shared between builds: never mutate them (clone values before use).
   */
  fileCache?: Map<string, readonly ParsedDocument[]>;
}

/**
 * What a transformer or generator sees of the kustomization it belongs to.
 * Built by the engine once per kustomization directory.
 */
export interface BuildContext {
  readonly fs: FileSystem;
  readonly options: BuildOptions;
  /** Absolute directory of the kustomization. */
  readonly root: string;
  /** Absolute path of kustomization.yaml (or .yml / Kustomization). */
  readonly kustomizationFile: string;
  readonly kustomization: Kustomization;
  /** Reads a file named relative to `root`, enforcing the load restrictor; throws a DiagnosticError naming the file. */
  readFile(relativePath: string): { path: string; text: string; bytes: Uint8Array };
  /** Where a field of the kustomization file is, e.g. `['patches', 2]`, for provenance and diagnostics. */
  sourceOf(path: readonly (string | number)[]): SourceRef;
  /**
   * Field specs in force for the built-in transformers: kustomize's defaults plus
   * `configurations:`/`crds:` of this kustomization, its bases and components.
   * Absent in hand-made contexts (tests); transformers then use the defaults.
   */
  readonly fieldSpecs?: FieldSpecConfig;
  /** Collects a non-fatal diagnostic (printed on stderr, e.g. deprecations). */
  warn(diagnostic: Diagnostic): void;
}
