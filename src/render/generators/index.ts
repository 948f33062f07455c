import { fail } from '../../core/diagnostic.js';
import { Resource, type SourceRef } from '../../core/resource.js';
import type { BuildContext } from '../context.js';
import { RenderCode } from '../errors.js';
import type { GeneratorArgs } from '../kustomization.js';
import type { ResMap } from '../resmap.js';
import { absorbGenerated } from './absorb.js';
import { loadPairs } from './load-pairs.js';
import { makeConfigMap, makeSecret } from './make-object.js';
import { behaviorOf, effectiveOptions } from './options.js';

export { applyHashSuffixes, contentHash } from './hash.js';

type GeneratorField = 'configMapGenerator' | 'secretGenerator';

/**
 * Runs configMapGenerator then secretGenerator of one kustomization. Each
 * stanza is built and absorbed in turn (create, merge or replace), so a
 * later stanza may merge into an earlier one.
 */
export function runGenerators(resources: ResMap, ctx: BuildContext): void {
  for (const field of ['configMapGenerator', 'secretGenerator'] as const) {
    (ctx.kustomization[field] ?? []).forEach((args, index) => {
      const where = ctx.sourceOf([field, index]);
      absorbGenerated(resources, { resource: generate(field, args, index, where, ctx), field, where });
    });
  }
}

function generate(field: GeneratorField, args: GeneratorArgs, index: number, where: SourceRef, ctx: BuildContext): Resource {
  // kustomize says "configmap" for Secrets too; the code is what matters.
  if (!args.name) fail(RenderCode.GeneratorInvalid, 'a configmap must have a name', where);
  const pairs = loadPairs(field, args, index, ctx);
  const opts = effectiveOptions(args.options, ctx.kustomization.generatorOptions);
  const namespace = args.namespace ?? '';
  const obj =
    field === 'configMapGenerator'
      ? makeConfigMap(args.name, namespace, pairs, opts)
      : makeSecret(args.name, namespace, args.type, pairs, opts);
  const resource = new Resource(obj, where);
  resource.generator = { hashSuffix: !opts.disableNameSuffixHash, behavior: behaviorOf(args) };
  return resource;
}
