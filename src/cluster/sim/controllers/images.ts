/** Which images the simulated kubelet cannot pull, sees crash, or finds slow (option globs and env switches). */
import type { SimWorkloadOptions } from './options.js';

export type ContainerFate = 'ok' | 'invalidImage' | 'badImage' | 'crash';

const globCache = new Map<string, RegExp>();

export function matchesGlob(value: string, pattern: string): boolean {
  let re = globCache.get(pattern);
  if (!re) {
    re = new RegExp(`^${pattern.split('*').map((part) => part.replace(/[.+?^${}()|[\]\\/]/g, '\\$&')).join('.*')}$`);
    globCache.set(pattern, re);
  }
  return re.test(value);
}

function matchesAny(image: string, patterns: readonly string[]): boolean {
  return patterns.some((pattern) => matchesGlob(image, pattern));
}

/** A reference the runtime refuses to parse (upper case repository, spaces, empty). */
export function isInvalidImageName(image: string): boolean {
  if (!image) return true;
  const at = image.indexOf('@');
  const name = at >= 0 ? image.slice(0, at) : image;
  const slash = name.lastIndexOf('/');
  const colon = name.lastIndexOf(':');
  const repository = colon > slash ? name.slice(0, colon) : name;
  const path = repository.slice(repository.indexOf('/') + 1);
  return /\s/.test(image) || /[A-Z]/.test(path) || repository.endsWith('/') || repository.startsWith('/');
}

function envFlag(container: Record<string, unknown>, name: string): boolean {
  const env = Array.isArray(container.env) ? container.env : [];
  return env.some((e) => typeof e === 'object' && e !== null && (e as Record<string, unknown>).name === name && (e as Record<string, unknown>).value === '1');
}

/** What will happen to this container when the kubelet starts it. */
export function containerFate(container: Record<string, unknown>, options: SimWorkloadOptions): ContainerFate {
  const image = typeof container.image === 'string' ? container.image : '';
  if (isInvalidImageName(image)) return 'invalidImage';
  if (matchesAny(image, options.badImages)) return 'badImage';
  if (matchesAny(image, options.crashImages) || envFlag(container, 'SIM_CRASH')) return 'crash';
  return 'ok';
}

export function isSlowContainer(container: Record<string, unknown>, options: SimWorkloadOptions): boolean {
  const image = typeof container.image === 'string' ? container.image : '';
  return matchesAny(image, options.slowImages) || envFlag(container, 'SIM_SLOW_READY');
}
