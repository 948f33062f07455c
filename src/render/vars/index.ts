import { DiagnosticError, diag, type Diagnostic } from '../../core/diagnostic.js';
import type { SourceRef } from '../../core/resource.js';
import type { Resource } from '../../core/resource.js';
import { RenderCode } from '../errors.js';
import type { VarArgs } from '../kustomization.js';
import type { ResMap } from '../resmap.js';
import { bindVar, findBoundResource, matchVarTarget, varLabel } from './binding.js';
import { substituteVars } from './substitute.js';
import { readVarValue } from './value.js';
import type { VarFieldSpec } from './var-reference.js';
import type { VarValue } from './expand.js';

/** A declared var and where it was declared. */
export interface VarDecl {
  spec: VarArgs;
  source: SourceRef;
  /** Set by mergeVars when it was given the kustomization's resources and bound the var then. */
  bound?: boolean;
}

/**
 * Adds a kustomization's vars to those collected so far (kustomize's MergeVars).
 * Pass the kustomization's resources, after its transformers ran: each var is then
 * bound to the one resource whose current or previous id its objref names, as
 * kustomize does at that point (later renames and merges cannot make it ambiguous).
 * Several matches → KUST_VAR_AMBIGUOUS; a name seen before → KUST_VAR_DUPLICATE.
 */
export function mergeVars(existing: VarDecl[], added: VarDecl[], resources?: ResMap): VarDecl[] {
  const problems: Diagnostic[] = [];
  const merged = [...existing];
  for (const decl of added) {
    const next: VarDecl = { ...decl };
    if (resources) {
      const matches = matchVarTarget(resources, decl.spec);
      if (matches.length > 1) {
        problems.push(varDiag(RenderCode.VarAmbiguous, `found ${matches.length} resId matches for var ${varLabel(decl.spec)} (unable to disambiguate)`, decl));
      } else if (matches.length === 1) {
        bindVar(matches[0] as Resource, decl.spec.name);
      }
      next.bound = true;
    }
    if (merged.some((v) => v.spec.name === decl.spec.name)) {
      problems.push(varDiag(RenderCode.VarDuplicate, `var '${decl.spec.name}' already encountered`, decl));
      continue;
    }
    merged.push(next);
  }
  if (problems.length > 0) throw new DiagnosticError(problems);
  return merged;
}

/**
 * Top level only: reads every var's value from the resource it is bound to, then
 * expands `$(VAR)` in the var-reference fields (kustomize's defaults plus `extraSpecs`
 * from `configurations`). With no vars at all nothing is touched, so `$$` stays `$$`.
 * Unused vars are fine; references to undeclared vars stay as written.
 */
export function resolveVars(resources: ResMap, vars: VarDecl[], extraSpecs: readonly VarFieldSpec[] = []): void {
  if (vars.length === 0) return;
  const values = new Map<string, VarValue | undefined>();
  const problems: Diagnostic[] = [];
  for (const decl of [...vars].sort((a, b) => compare(a.spec.name, b.spec.name))) {
    const resource = decl.bound ? findBoundResource(resources, decl.spec.name) : lateMatch(resources, decl, problems);
    if (!resource) {
      if (decl.bound) problems.push(varDiag(RenderCode.VarNotFound, `var ${varLabel(decl.spec)} cannot be mapped to a field in the set of known resources`, decl));
      continue;
    }
    const value = readVarValue(resource.obj, decl.spec.fieldref?.fieldpath || 'metadata.name');
    if (value === 'missing') {
      problems.push(varDiag(RenderCode.VarNotFound, `field specified in var ${varLabel(decl.spec)} not found in corresponding resource`, decl));
      continue;
    }
    values.set(decl.spec.name, value);
  }
  if (problems.length > 0) throw new DiagnosticError(problems);
  substituteVars(resources, values, extraSpecs);
}

/** For vars merged without resources: bind at the top level instead. */
function lateMatch(resources: ResMap, decl: VarDecl, problems: Diagnostic[]): Resource | undefined {
  const bound = findBoundResource(resources, decl.spec.name);
  if (bound) return bound;
  const matches = matchVarTarget(resources, decl.spec);
  if (matches.length > 1) {
    problems.push(varDiag(RenderCode.VarAmbiguous, `found ${matches.length} resId matches for var ${varLabel(decl.spec)} (unable to disambiguate)`, decl));
  } else if (matches.length === 0) {
    problems.push(varDiag(RenderCode.VarNotFound, `var ${varLabel(decl.spec)} cannot be mapped to a field in the set of known resources`, decl));
  }
  return matches.length === 1 ? matches[0] : undefined;
}

function varDiag(code: string, message: string, decl: VarDecl): Diagnostic {
  const where = { file: decl.source.file, line: decl.source.line, ...(decl.source.column ? { column: decl.source.column } : {}) };
  return diag(code, message, where);
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
