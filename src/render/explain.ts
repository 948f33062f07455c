import { shortId } from '../core/resource-id.js';
import type { Resource, SourceRef } from '../core/resource.js';

/**
 * A human account of where an object came from: the document (or generator
 * stanza) it started as, every transformer and patch that changed it with the
 * line that asked for the change, and the ids it had before renames.
 *
 *   Deployment/prod/web
 *     from       /estate/services/web/base/deployment.yaml:1
 *     1. namespace        /estate/overlays/prod/kustomization.yaml:3   namespace → prod
 *     2. images           /estate/overlays/prod/kustomization.yaml:9   image nginx → nginx:1.27
 *     previously Deployment/web
 */
export function explainResource(resource: Resource): string {
  const lines = [shortId(resource.id), `  from       ${where(resource.origin)}${generatedBy(resource)}`];
  const width = Math.max(0, ...resource.changes.map((c) => c.transformer.length));
  const places = resource.changes.map((c) => (c.source ? where(c.source) : '(built in)'));
  const placeWidth = Math.max(0, ...places.map((p) => p.length));
  resource.changes.forEach((change, i) => {
    const detail = change.detail ? `   ${change.detail}` : '';
    lines.push(`  ${i + 1}. ${change.transformer.padEnd(width)}  ${places[i]!.padEnd(placeWidth)}${detail}`.trimEnd());
  });
  if (resource.changes.length === 0) lines.push('  unchanged since loaded');
  const previous = uniqueIds(resource);
  if (previous.length > 0) lines.push(`  previously ${previous.join(', ')}`);
  return `${lines.join('\n')}\n`;
}

function where(ref: SourceRef): string {
  return `${ref.file}:${ref.line}${ref.column ? `:${ref.column}` : ''}`;
}

function generatedBy(resource: Resource): string {
  if (!resource.generator) return '';
  return resource.generator.hashSuffix ? '   (generated, name hashed)' : '   (generated)';
}

/** Previous ids, oldest first, without repeats and without the current one. */
function uniqueIds(resource: Resource): string[] {
  const current = shortId(resource.id);
  const out: string[] = [];
  for (const id of resource.previousIds) {
    const s = shortId(id);
    if (s !== current && !out.includes(s)) out.push(s);
  }
  return out;
}
