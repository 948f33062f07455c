/**
 * An in-memory kustomize test harness, after kustomize's own kusttest:
 * write kustomizations and files with writeK/writeF, render a directory,
 * and compare the output byte for byte with expectYaml.
 *
 *   const h = new KustHarness();
 *   h.writeK('base', 'resources: [cm.yaml]');
 *   h.writeF('base/cm.yaml', CM);
 *   expectYaml(h.render('base'), `
 *   apiVersion: v1
 *   …`);
 */
import assert from 'node:assert/strict';
import { posix } from 'node:path';
import { DiagnosticError, type Diagnostic } from '../../src/core/diagnostic.js';
import { MemoryFileSystem } from '../../src/fs/memory.js';
import { renderKustomization, type RenderOptions, type RenderResult } from '../../src/render/index.js';

export class KustHarness {
  readonly fs = new MemoryFileSystem();

  /** Every path is taken relative to `root` (absolute in the in-memory file system). */
  constructor(readonly root = '/app') {
    this.fs.mkdirp(root);
  }

  path(relative: string): string {
    return posix.resolve(this.root, relative);
  }

  /** Writes `<dir>/kustomization.yaml`. */
  writeK(dir: string, kustomization: string): this {
    return this.writeF(posix.join(dir, 'kustomization.yaml'), kustomization);
  }

  writeF(path: string, text: string): this {
    this.fs.write(this.path(path), trimLeadingNewline(text));
    return this;
  }

  render(dir: string, options: RenderOptions = {}): RenderResult {
    return renderKustomization(this.fs, this.path(dir), options);
  }

  /** Renders `dir`, which must fail; returns the diagnostics. */
  renderError(dir: string, options: RenderOptions = {}): Diagnostic[] {
    try {
      this.render(dir, options);
    } catch (err) {
      if (err instanceof DiagnosticError) return err.diagnostics;
      throw err;
    }
    assert.fail(`expected rendering ${dir} to fail`);
  }

  /** The codes of the diagnostics of a failing render. */
  errorCodes(dir: string, options: RenderOptions = {}): string[] {
    return this.renderError(dir, options).map((d) => d.code);
  }
}

/** Compares output with an expected document, byte for byte; a leading newline of `expected` is ignored. */
export function expectYaml(actual: RenderResult | string, expected: string): void {
  assert.equal(typeof actual === 'string' ? actual : actual.yaml, trimLeadingNewline(expected));
}

/** Template literals read best starting on their own line; that first newline is not content. */
export function trimLeadingNewline(text: string): string {
  return text.startsWith('\n') ? text.slice(1) : text;
}

/** Convenience functions over one fresh harness, for tests that build a single tree. */
export function harness(root?: string): KustHarness {
  return new KustHarness(root);
}
