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
          message: `src/${dir} must not import from src/${name} (imports flow one way: core ← yaml ← fs ← render ← access ← estate ← verify ← cluster ← rollout ← cli).`,
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
  layer('core', ['yaml', 'fs', 'render', 'access', 'estate', 'verify', 'cluster', 'rollout', 'cli']),
  layer('yaml', ['fs', 'render', 'access', 'estate', 'verify', 'cluster', 'rollout', 'cli']),
  layer('fs', ['yaml', 'render', 'access', 'estate', 'verify', 'cluster', 'rollout', 'cli']),
  layer('render', ['access', 'estate', 'verify', 'cluster', 'rollout', 'cli']),
  // access turns teams into manifests and evaluates RBAC over plain objects;
  // the estate calls it while composing a cluster, so it must not look back.
  layer('access', ['estate', 'verify', 'cluster', 'rollout', 'cli']),
  layer('estate', ['verify', 'cluster', 'rollout', 'cli']),
  layer('verify', ['cluster', 'rollout', 'cli']),
  // The cluster client speaks to API servers and knows nothing of estates.
  layer('cluster', ['fs', 'render', 'access', 'estate', 'verify', 'rollout', 'cli']),
  layer('rollout', ['cli']),
);
