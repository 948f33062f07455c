import { DiagnosticError, diag, type Diagnostic } from '../../core/diagnostic.js';
import { isArray, isObject, type JsonValue } from '../../core/json.js';
import { parseDocuments } from '../../yaml/parse.js';
import type { BuildContext } from '../context.js';
import { RenderCode } from '../errors.js';
import type { ReplacementEntry } from '../kustomization.js';
import { ReplacementDecoder, formatYamlPath } from './decode.js';
import type { Replacement } from './types.js';

/**
 * Turns the kustomization's `replacements` entries into Replacements: inline
 * entries as they are, `{path: file}` entries from the file (a list of replacements
 * or a single one; only the file's first document counts, as in kustomize).
 * Collects every problem and fails once.
 */
export function loadReplacements(entries: readonly ReplacementEntry[], ctx: BuildContext): Replacement[] {
  const problems: Diagnostic[] = [];
  const out: Replacement[] = [];
  entries.forEach((entry, i) => {
    const declaredAt = ctx.sourceOf(['replacements', i]);
    const here = (path: (string | number)[]) => {
      const ref = ctx.sourceOf(path);
      return { file: ref.file, line: ref.line, ...(ref.column ? { column: ref.column } : {}) };
    };
    const inline = new ReplacementDecoder(true, here);
    const obj = inline.object(entry, ['replacements', i], ['path', 'source', 'targets']);
    if (obj && typeof obj.path === 'string' && obj.path !== '') {
      if (obj.source !== undefined || (isArray(obj.targets) && obj.targets.length > 0)) {
        inline.problem(RenderCode.ReplacementInvalid, 'cannot specify both path and inline replacement', ['replacements', i]);
      } else {
        out.push(...fromFile(obj.path, i, declaredAt, ctx, problems));
      }
    } else if (obj) {
      const r = decodeOne(inline, obj, ['replacements', i]);
      if (r) out.push({ ...r, entry: i, declaredAt });
    }
    problems.push(...inline.problems);
  });
  if (problems.length > 0) throw new DiagnosticError(problems);
  return out;
}

function fromFile(
  relPath: string,
  entry: number,
  declaredAt: Replacement['declaredAt'],
  ctx: BuildContext,
  problems: Diagnostic[],
): Replacement[] {
  const { path, text } = ctx.readFile(relPath);
  const docs = parseDocuments(text, path);
  const first = docs[0]?.value;
  const locate = (yamlPath: (string | number)[]) => {
    const at = docs[0]?.locate(yamlPath.slice(1));
    return { file: path, line: at?.line ?? docs[0]?.line ?? 1, ...(at ? { column: at.column } : {}) };
  };
  const decoder = new ReplacementDecoder(false, locate);
  const items: JsonValue[] = isArray(first) ? first : isObject(first) ? [first] : [];
  if (!isArray(first) && !isObject(first)) {
    const what = first === undefined || first === null ? 'invalid' : typeof first;
    problems.push(diag(RenderCode.ReplacementInvalid, `unsupported replacement type encountered within replacement path: ${what}`, { file: path, line: docs[0]?.line ?? 1 }));
    return [];
  }
  const out: Replacement[] = [];
  items.forEach((item, j) => {
    const yamlPath = isArray(first) ? ['$', j] : ['$'];
    const obj = decoder.object(item, yamlPath, []);
    const r = obj ? decodeOne(decoder, obj, yamlPath) : undefined;
    if (r) out.push({ ...r, entry, file: path, declaredAt });
  });
  problems.push(...decoder.problems);
  return out;
}

function decodeOne(
  decoder: ReplacementDecoder,
  obj: { [key: string]: JsonValue },
  path: (string | number)[],
): Pick<Replacement, 'source' | 'targets'> | undefined {
  const source = decoder.source(obj.source, [...path, 'source']);
  const targets = decoder.targets(obj.targets, [...path, 'targets']);
  const noTargets = !isArray(obj.targets) || obj.targets.length === 0;
  if (!source || noTargets) {
    decoder.problem(RenderCode.ReplacementInvalid, `${formatYamlPath(path)}: replacements must specify a source and at least one target`, path);
    return undefined;
  }
  return targets ? { source, targets } : undefined;
}
