import type { ResMap } from '../resmap.js';

/** Top level only: makes references (configMapRef, roleRef, …) follow renamed objects. */
export function fixNameReferences(_resources: ResMap): void {
  throw new Error('name references: not implemented yet');
}
