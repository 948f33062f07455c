import type { ImageArgs } from '../kustomization.js';

/**
 * Image references as kustomize 5.5 reads them. `name` is used as a regular
 * expression, unescaped, exactly as kustomize does (so `.` matches any
 * character); tags are `[a-zA-Z0-9_.{}-]*`, digests `sha256:` only.
 */
export function imageMatcher(name: string): (ref: string) => boolean {
  let matcher = matchers.get(name);
  if (!matcher) {
    matcher = compileMatcher(name);
    matchers.set(name, matcher);
  }
  return matcher;
}

// Compiled once per name: a fleet asks for the same few names in every cluster.
const matchers = new Map<string, (ref: string) => boolean>();

function compileMatcher(name: string): (ref: string) => boolean {
  let pattern: RegExp;
  try {
    pattern = new RegExp(`^${name}(:[a-zA-Z0-9_.{}-]*)?(@sha256:[a-zA-Z0-9_.{}-]*)?$`);
  } catch {
    return () => false;
  }
  return (ref) => pattern.test(ref);
}

/** Splits `[host[:port]/]path[:tag][@digest]`; a `:` before the first `/` is a registry port. */
export function splitImage(ref: string): { name: string; tag: string; digest: string } {
  const slash = ref.indexOf('/');
  const offset = slash > 0 ? slash : 0;
  const search = ref.slice(offset);
  const at = search.indexOf('@');
  const colon = search.indexOf(':');
  if (colon < 0 && at < 0) return { name: ref, tag: '', digest: '' };
  if (at >= 0 && (at < colon || colon < 0)) {
    return { name: ref.slice(0, at + offset), tag: '', digest: ref.slice(at + offset + 1) };
  }
  if (at >= 0) {
    return { name: ref.slice(0, colon + offset), tag: ref.slice(colon + offset + 1, at + offset), digest: ref.slice(at + offset + 1) };
  }
  return { name: ref.slice(0, colon + offset), tag: ref.slice(colon + offset + 1), digest: '' };
}

/** newName replaces the name; newTag and/or digest replace both tag and digest; tagSuffix extends the tag and drops the digest. */
export function rewriteImage(ref: string, image: ImageArgs): string {
  let { name, tag, digest } = splitImage(ref);
  if (image.newName) name = image.newName;
  if (image.newTag && image.digest) [tag, digest] = [image.newTag, image.digest];
  else if (image.newTag) [tag, digest] = [image.newTag, ''];
  else if (image.digest) [tag, digest] = ['', image.digest];
  else if (image.tagSuffix) [tag, digest] = [tag + image.tagSuffix, ''];
  return name + (tag ? `:${tag}` : '') + (digest ? `@${digest}` : '');
}
