/** Helpers for team and identity data that need no estate: ARNs, expiry dates, levels, names. */
export * from './arn.js';
export * from './dates.js';
export * from './levels.js';
export * from './names.js';
export * from './ownership.js';
