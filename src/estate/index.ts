/**
 * Public face of the estate stage: load and validate an estate, resolve a
 * cluster's layers, compose its kustomizations and render one or many clusters.
 */
export type * from './types.js';
export { EstateCode, type EstateCodeValue } from './codes.js';
export { loadEstate, ESTATE_FILE } from './load.js';
export { resolveCluster } from './resolve.js';
export { composeCluster, GENERATED_DIR, type Composition } from './compose.js';
export {
  renderCluster,
  renderFleet,
  createRenderCache,
  type RenderedCluster,
  type FailedCluster,
  type FleetRender,
  type FleetOptions,
  type RenderCache,
} from './render.js';
export { summariseFleet, summariseCluster, formatSummary, formatBytes, type ClusterSummary } from './summary.js';
export { CachedFileSystem } from './cached-fs.js';
export { toJsonList } from './output.js';
export { GeneratedSources, type EstateSource } from './provenance.js';
