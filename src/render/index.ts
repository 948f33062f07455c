/**
 * Public face of the kustomize engine: render a kustomization directory
 * exactly as `kubectl kustomize` does, and explain where an object came from.
 */
export { renderKustomization, type RenderOptions, type RenderResult } from './engine.js';
export { explainResource } from './explain.js';
export { RenderCode } from './errors.js';
export type { BuildOptions } from './context.js';
