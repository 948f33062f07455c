import type { SourceRef } from '../../core/resource.js';
import type { VarArgs } from '../kustomization.js';
import type { ResMap } from '../resmap.js';

/** A declared var and where it was declared. */
export interface VarDecl {
  spec: VarArgs;
  source: SourceRef;
}

/** Adds a kustomization's vars to those collected so far; a repeated name is an error. */
export function mergeVars(existing: VarDecl[], added: VarDecl[]): VarDecl[] {
  return [...existing, ...added];
}

/** Top level only: replaces $(VAR) references in the allowed fields. */
export function resolveVars(_resources: ResMap, _vars: VarDecl[]): void {
  throw new Error('vars: not implemented yet');
}
