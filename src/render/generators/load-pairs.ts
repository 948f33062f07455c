import { fail } from '../../core/diagnostic.js';
import type { BuildContext } from '../context.js';
import { RenderCode } from '../errors.js';
import type { GeneratorArgs } from '../kustomization.js';
import { bytesPair, KvSourceError, parseEnvFile, parseFileSource, parseLiteral, type KvPair } from './kv.js';

type Path = (string | number)[];

/**
 * All pairs of one generator stanza: env files, then literals, then files
 * (kustomize's order). Files go through ctx.readFile, so the load restrictor
 * applies. Keys are not otherwise validated: kustomize v5.5 accepts any key.
 */
export function loadPairs(field: string, args: GeneratorArgs, index: number, ctx: BuildContext): KvPair[] {
  const at = (...rest: Path): Path => [field, index, ...rest];
  const pairs: KvPair[] = [];
  (args.envs ?? []).forEach((path, j) => pairs.push(...envPairs(path, at('envs', j), ctx)));
  if (args.env) pairs.push(...envPairs(args.env, at('env'), ctx));
  (args.literals ?? []).forEach((literal, j) => pairs.push(located(() => parseLiteral(literal), at('literals', j), ctx)));
  (args.files ?? []).forEach((source, j) => pairs.push(filePair(source, at('files', j), ctx)));
  rejectDuplicates(pairs, args.name ?? '', ctx.sourceOf([field, index]));
  return pairs;
}

function envPairs(path: string, where: Path, ctx: BuildContext): KvPair[] {
  const { bytes } = ctx.readFile(path);
  return located(() => parseEnvFile(bytes), where, ctx);
}

function filePair(source: string, where: Path, ctx: BuildContext): KvPair {
  const { key, path } = located(() => parseFileSource(source), where, ctx);
  return bytesPair(key, ctx.readFile(path).bytes);
}

/** Runs a parser and turns its complaint into a diagnostic at the offending entry. */
function located<T>(parse: () => T, where: Path, ctx: BuildContext): T {
  try {
    return parse();
  } catch (error) {
    if (!(error instanceof KvSourceError)) throw error;
    return fail(RenderCode.GeneratorInvalid, error.message, ctx.sourceOf(where));
  }
}

function rejectDuplicates(pairs: KvPair[], name: string, where: { file: string; line: number }): void {
  const seen = new Set<string>();
  for (const { key } of pairs) {
    if (seen.has(key)) fail(RenderCode.GeneratorDuplicateKey, `configmap ${name} illegally repeats the key \`${key}\``, where);
    seen.add(key);
  }
}
