/**
 * Template hashes in the shape kube-controller-manager gives them: a 32-bit
 * FNV-1a of the pod template, printed in decimal and mapped onto the "safe"
 * alphabet (`pod-template-hash: 7d9c5b6f48`-like). The value differs from a
 * real cluster's (that one hashes Go's struct dump), but it is stable and
 * changes exactly when the template does.
 */
const SAFE_ALPHABET = 'bcdfghjklmnpqrstvwxz2456789';
const cache = new WeakMap<object, string>();

export function templateHash(template: unknown): string {
  if (typeof template === 'object' && template !== null) {
    const hit = cache.get(template);
    if (hit) return hit;
  }
  let hash = 0x811c9dc5;
  const text = stableJson(template);
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  let out = '';
  for (const digit of String(hash)) out += SAFE_ALPHABET[digit.charCodeAt(0) % SAFE_ALPHABET.length];
  // Stored objects are frozen, so caching by identity is safe.
  if (typeof template === 'object' && template !== null && Object.isFrozen(template)) cache.set(template, out);
  return out;
}

/** JSON with object keys sorted, so equal values hash equally whatever their key order. */
export function stableJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record).filter((k) => record[k] !== undefined).sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${stableJson(record[k])}`).join(',')}}`;
}
