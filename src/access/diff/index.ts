export { diffClusterAccess, type ClusterAccessDiff, type HolderChange, type AtomChange, type MappingChange } from './diff.js';
export { accessAtoms, atomKey, covers, type PermissionAtom, type HeldAtom } from './atoms.js';
