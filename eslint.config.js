// Lint rules for Harbormaster. The layering rules make the pipeline
// estate → render → verify → plan → rollout explicit: a stage may import only
// from the stages below it.
import tseslint from 'typescript-eslint';

const layer = (dir, forbidden) => ({
  files: [`src/${dir}/**/*.ts`],
  rules: {
    'no-restricted-imports': [
      'error',
      {
        patterns: forbidden.map((name) => ({
          group: [`**/${name}/*`, `../${name}/*`, `../../${name}/*`],
          message: `src/${dir} must not import from src/${name} (imports flow one way: core ← yaml ← fs ← render ← estate ← cli).`,
        })),
      },
    ],
  },
});

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'examples/**', 'test/conformance/cases/**'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      complexity: ['warn', 15],
      'max-depth': ['warn', 4],
    },
  },
  layer('core', ['yaml', 'fs', 'render', 'estate', 'cli']),
  layer('yaml', ['fs', 'render', 'estate', 'cli']),
  layer('fs', ['yaml', 'render', 'estate', 'cli']),
  layer('render', ['estate', 'cli']),
  layer('estate', ['cli']),
);
