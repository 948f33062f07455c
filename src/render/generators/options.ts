import type { GeneratorInfo } from '../../core/resource.js';
import type { GeneratorArgs, GeneratorOptions } from '../kustomization.js';

/** Options after folding the kustomization's `generatorOptions` into one generator's own. */
export interface EffectiveOptions {
  labels: Record<string, string>;
  annotations: Record<string, string>;
  disableNameSuffixHash: boolean;
  immutable: boolean;
}

/**
 * The generator's own labels/annotations win over the global ones; the
 * booleans are OR'd, so a global `disableNameSuffixHash: true` cannot be
 * switched off per generator.
 */
export function effectiveOptions(local: GeneratorOptions | undefined, global: GeneratorOptions | undefined): EffectiveOptions {
  return {
    labels: { ...(global?.labels ?? {}), ...(local?.labels ?? {}) },
    annotations: { ...(global?.annotations ?? {}), ...(local?.annotations ?? {}) },
    disableNameSuffixHash: Boolean(local?.disableNameSuffixHash) || Boolean(global?.disableNameSuffixHash),
    immutable: Boolean(local?.immutable) || Boolean(global?.immutable),
  };
}

/** Unknown or empty behaviours count as `create`, as in kustomize. */
export function behaviorOf(args: GeneratorArgs): GeneratorInfo['behavior'] {
  const b: string = args.behavior ?? '';
  return b === 'merge' || b === 'replace' ? b : 'create';
}
