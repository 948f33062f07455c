// Bundles the CLI into one file. Loading one module instead of ~200 saves most
// of Harbormaster's start-up time, which matters for `kustomize` in loops.
import { build } from 'esbuild';

await build({
  entryPoints: ['src/cli/main.ts'],
  outfile: 'dist/harbormaster.mjs',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  minifyWhitespace: true,
  legalComments: 'none',
  logLevel: 'warning',
  // The `yaml` package resolves to its CommonJS build under node; give it a require().
  banner: {
    js: "import { createRequire as __hmCreateRequire } from 'node:module'; const require = __hmCreateRequire(import.meta.url);",
  },
});
