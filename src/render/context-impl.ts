import type { Diagnostic, SourceLocation } from '../core/diagnostic.js';
import type { SourceRef } from '../core/resource.js';
import type { FileSystem } from '../fs/filesystem.js';
import type { BuildContext, BuildOptions } from './context.js';
import type { FieldSpecConfig } from './field-specs-config.js';
import type { Kustomization } from './kustomization.js';
import type { LoadedKustomization } from './load-kustomization.js';
import type { FileLoader } from './loader.js';

/**
 * The BuildContext of one kustomization: its root and file, file access
 * under the load restrictor, and positions of its fields for provenance.
 */
export class KustomizationContext implements BuildContext {
  readonly fs: FileSystem;
  readonly options: BuildOptions;
  readonly root: string;
  readonly kustomizationFile: string;
  readonly kustomization: Kustomization;

  constructor(
    readonly loader: FileLoader,
    readonly loaded: LoadedKustomization,
    /** This kustomization's directory relative to the top-level one (for origin annotations). */
    readonly originDir: string,
    /** The field specs in force, read when transformers run (bases and components add to them). */
    private readonly currentFieldSpecs: () => FieldSpecConfig,
  ) {
    this.fs = loader.session.fs;
    this.options = loader.session.options;
    this.root = loaded.root;
    this.kustomizationFile = loaded.file;
    this.kustomization = loaded.kustomization;
  }

  get fieldSpecs(): FieldSpecConfig {
    return this.currentFieldSpecs();
  }

  readFile(relativePath: string): { path: string; text: string; bytes: Uint8Array } {
    return this.loader.readFile(relativePath, { file: this.kustomizationFile });
  }

  sourceOf(path: readonly (string | number)[]): SourceRef {
    for (let n = path.length; n > 0; n--) {
      const pos = this.loaded.locate(path.slice(0, n));
      if (pos) return { file: this.kustomizationFile, line: pos.line, column: pos.column };
    }
    return { file: this.kustomizationFile, line: 1 };
  }

  /** A diagnostic location for a field: file, line, column and YAML path. */
  where(path: readonly (string | number)[]): Partial<SourceLocation> {
    const at = this.sourceOf(path);
    const yamlPath = path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${p}`)).join('').replace(/^\./, '');
    return { file: at.file, line: at.line, column: at.column, yamlPath };
  }

  warn(diagnostic: Diagnostic): void {
    this.loader.session.warn(diagnostic);
  }
}
