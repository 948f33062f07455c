/**
 * Container image references as the container runtime resolves them:
 * `[registry/]repository[:tag][@digest]`, where a first path segment is a
 * registry only if it looks like a host (has `.` or `:`, or is `localhost`),
 * and bare Docker Hub names live under `docker.io/library/`.
 */

export interface ImageRef {
  registry: string;
  repository: string;
  tag?: string;
  digest?: string;
}

// Fleets reuse a handful of images thousands of times: parse each once.
const parsed = new Map<string, ImageRef>();
const CACHE_LIMIT = 10_000;

/** Parsed once per distinct string; treat the result as read-only. */
export function parseImage(image: string): ImageRef {
  let ref = parsed.get(image);
  if (!ref) {
    if (parsed.size >= CACHE_LIMIT) parsed.clear();
    ref = parseImageUncached(image);
    parsed.set(image, ref);
  }
  return ref;
}

function parseImageUncached(image: string): ImageRef {
  const at = image.indexOf('@');
  const name = at < 0 ? image : image.slice(0, at);
  const slash = name.lastIndexOf('/');
  const colon = name.lastIndexOf(':');
  const hasTag = colon > slash;
  const ref: ImageRef = splitRegistry(hasTag ? name.slice(0, colon) : name);
  if (hasTag) ref.tag = name.slice(colon + 1);
  if (at >= 0) ref.digest = image.slice(at + 1);
  return ref;
}

/** `host/repo` when the first segment looks like a host; Docker Hub otherwise. */
function splitRegistry(path: string): ImageRef {
  const first = path.indexOf('/');
  const head = first < 0 ? '' : path.slice(0, first);
  if (head !== '' && (head.includes('.') || head.includes(':') || head === 'localhost')) {
    const registry = head === 'index.docker.io' ? 'docker.io' : head;
    return imageRef(registry, path.slice(first + 1));
  }
  return imageRef('docker.io', path);
}

/** The reference; Docker Hub's official images live under `library/`. */
function imageRef(registry: string, repository: string): ImageRef {
  return { registry, repository: registry === 'docker.io' && !repository.includes('/') ? `library/${repository}` : repository };
}

/** `registry/repository`, the form allowlist entries are compared with. */
export function qualifiedName(ref: ImageRef): string {
  return `${ref.registry}/${ref.repository}`;
}

/** An allowlist entry is a registry host or a host/path prefix; it matches whole path segments only. */
export function isAllowedImage(ref: ImageRef, allowed: readonly string[]): boolean {
  const full = qualifiedName(ref);
  return normalisedAllowlist(allowed).some((entry) => full === entry || full.startsWith(`${entry}/`));
}

const allowlists = new WeakMap<readonly string[], string[]>();

function normalisedAllowlist(allowed: readonly string[]): string[] {
  let entries = allowlists.get(allowed);
  if (!entries) {
    entries = allowed.map((raw) => {
      const entry = raw.trim().replace(/\/+$/, '');
      return entry === 'index.docker.io' || entry.startsWith('index.docker.io/') ? entry.slice('index.'.length) : entry;
    });
    allowlists.set(allowed, entries);
  }
  return entries;
}
