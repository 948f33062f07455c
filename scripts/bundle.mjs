// Bundles the CLI. Loading a few modules instead of ~300 saves most of
// Harbormaster's start-up time, which is most of a single render's time.
// Code splitting keeps each command's code in its own chunk, loaded only when
// that command runs (see COMMANDS in src/cli/main.ts).
import { rmSync } from 'node:fs';
import { build } from 'esbuild';

rmSync('dist/cli', { recursive: true, force: true });
await build({
  entryPoints: ['src/cli/main.ts'],
  outdir: 'dist/cli',
  entryNames: 'harbormaster',
  chunkNames: 'chunks/[name]-[hash]',
  outExtension: { '.js': '.mjs' },
  bundle: true,
  splitting: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  minifyWhitespace: true,
  legalComments: 'none',
  logLevel: 'warning',
  // A native addon and a large client with optional dynamic requires: loaded
  // from node_modules at run time, and only by the commands that talk to clusters.
  external: ['better-sqlite3', '@kubernetes/client-node'],
  // The `yaml` package resolves to its CommonJS build under node; give it a require().
  banner: {
    js: "import { createRequire as __hmCreateRequire } from 'node:module'; const require = __hmCreateRequire(import.meta.url);",
  },
});
