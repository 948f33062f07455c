/**
 * The HTTP plumbing of the simulated server: request verbs as the API server
 * counts them, bodies in, JSON out.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { SimVerb } from './faults.js';
import type { Route } from './routes.js';
import { badRequest } from './status-errors.js';

export type SimRequestCounts = Record<SimVerb, number> & { total: number; faulted: number };

const VERB_OF_METHOD: Record<string, SimVerb> = { POST: 'create', PUT: 'update', PATCH: 'patch', DELETE: 'delete' };

export function emptyCounts(): SimRequestCounts {
  return { get: 0, list: 0, watch: 0, create: 0, update: 0, patch: 0, delete: 0, discovery: 0, total: 0, faulted: 0 };
}

export function isWatch(query: URLSearchParams): boolean {
  const watch = query.get('watch');
  return watch === 'true' || watch === '1';
}

export function verbOf(method: string, route: Route | undefined, query: URLSearchParams): SimVerb {
  if (route?.type !== 'resource') return 'discovery';
  if (method !== 'GET') return VERB_OF_METHOD[method] ?? 'get';
  if (isWatch(query)) return 'watch';
  return route.name ? 'get' : 'list';
}

export function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

export function parseBody(text: string, contentType: string): unknown {
  if (!text.trim()) return undefined;
  if (contentType.startsWith('application/apply-patch+yaml')) return text; // YAML (or JSON): parsed by the apply handler
  try {
    return JSON.parse(text) as unknown;
  } catch (err) {
    throw badRequest(`error decoding request body: ${err instanceof Error ? err.message : String(err)}`);
  }
}

export function send(res: ServerResponse, code: number, body: unknown, headers: Record<string, string> = {}): void {
  if (res.headersSent || res.destroyed) return;
  const text = JSON.stringify(body);
  res.writeHead(code, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(text), ...headers });
  res.end(text);
}
