import { createRequire } from 'node:module';
import type * as Yaml from 'yaml';

let lib: typeof Yaml | undefined;

/**
 * The `yaml` package, loaded on first use. The quick reader handles the
 * YAML most files are made of, so most runs never need the full parser;
 * loading it up front would cost every run several milliseconds.
 *
 * Bundled, `require` is the bundler's lazy loader of the bundled copy;
 * unbundled ES modules have no `require`, and make one.
 */
export function yamlLib(): typeof Yaml {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- the bundler makes this call lazy (see above); an import would not be
  lib ??= (typeof require === 'function' ? require('yaml') : createRequire(import.meta.url)('yaml')) as typeof Yaml;
  return lib;
}
