import type { ResMap } from '../resmap.js';

/** Top level only: appends `-<hash>` to generated ConfigMaps/Secrets that want it. */
export function applyHashSuffixes(_resources: ResMap): void {
  throw new Error('hash suffixes: not implemented yet');
}
