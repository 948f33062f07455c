/**
 * Object names derived from free text (IAM role names) for kinds whose names
 * must be DNS subdomains: lowercase, `[a-z0-9-]`, at most 63 characters so
 * they also fit label values. Long names keep a short hash so two long role
 * names never collapse into one object.
 */
import { createHash } from 'node:crypto';

const MAX = 63;

export function dnsSafeName(...parts: string[]): string {
  const raw = parts.join('-');
  const cleaned = raw
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, '-')
    .replace(/-+/g, '-')
    .replace(/^-|-$/g, '');
  if (cleaned.length <= MAX) return cleaned;
  const hash = createHash('sha256').update(raw).digest('hex').slice(0, 8);
  return `${cleaned.slice(0, MAX - 9).replace(/-$/, '')}-${hash}`;
}
