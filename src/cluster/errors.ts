/**
 * Every way a request can fail, mapped to a ClusterError with a stable code.
 * The HTTP status decides for answers from the server; node's system error
 * codes decide for failures to reach it at all.
 */
import { ClusterError, type ClusterErrorCode, type FieldConflict, type ObjectRef } from './types.js';

/** A non-2xx answer: the status, the server's body (a Status object, usually) and headers. */
export class HttpStatusError extends Error {
  constructor(
    readonly status: number,
    readonly body: unknown,
    readonly headers: Record<string, string>,
  ) {
    super(statusMessage(body) ?? `HTTP ${status}`);
    this.name = 'HttpStatusError';
  }
}

const UNREACHABLE_CODES = new Set([
  'ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'EHOSTDOWN', 'ENOTFOUND', 'EAI_AGAIN', 'EPIPE', 'ECONNABORTED', 'UND_ERR_SOCKET',
]);
/** Failures where the request may never have reached the server, or the answer was lost: safe to repeat. */
const TRANSIENT_CODES = new Set(['ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ECONNABORTED', 'EAI_AGAIN', 'UND_ERR_SOCKET']);

export function toClusterError(error: unknown, cluster: string, ref?: ObjectRef): ClusterError {
  if (error instanceof ClusterError) return error;
  if (error instanceof HttpStatusError) return fromStatus(error.status, error.body, error.headers, cluster, ref);
  const status = (error as { statusCode?: unknown }).statusCode;
  if (typeof status === 'number') return fromStatus(status, undefined, {}, cluster, ref);
  return fromSystemError(error, cluster, ref);
}

function fromStatus(status: number, body: unknown, headers: Record<string, string>, cluster: string, ref: ObjectRef | undefined): ClusterError {
  const message = statusMessage(body) ?? `the API server answered HTTP ${status}`;
  const retryAfterMs = retryAfter(headers, body);
  const make = (code: ClusterErrorCode, retryable = false, extra: { conflicts?: FieldConflict[]; hint?: string } = {}) =>
    new ClusterError(code, `${cluster}: ${message}`, cluster, { ref, status, retryable, ...(retryAfterMs !== undefined ? { retryAfterMs } : {}), ...extra });
  if (status === 401) return make('CLUSTER_FORBIDDEN', false, { hint: 'the credentials in the kubeconfig were refused; log in again' });
  if (status === 403) return make('CLUSTER_FORBIDDEN');
  if (status === 404) return make('CLUSTER_NOT_FOUND');
  if (status === 409) return make('CLUSTER_CONFLICT', false, { conflicts: parseConflicts(body) });
  if (status === 410) return make('CLUSTER_EXPIRED');
  if (status === 408 || status === 504) return make('CLUSTER_TIMEOUT', true);
  if (status === 429 || status >= 500) return make('CLUSTER_SERVER_ERROR', true);
  return make('CLUSTER_INVALID');
}

function fromSystemError(error: unknown, cluster: string, ref: ObjectRef | undefined): ClusterError {
  const e = error as { name?: string; code?: string; message?: string; type?: string; cause?: { code?: string } };
  const message = e.message ?? String(error);
  if (e.name === 'AbortError' || e.name === 'TimeoutError' || e.type === 'aborted') {
    return new ClusterError('CLUSTER_TIMEOUT', `${cluster}: the request timed out`, cluster, { ref, retryable: true });
  }
  const code = e.code ?? e.cause?.code ?? /\b(E[A-Z_]{4,})\b/.exec(message)?.[1];
  if (code && UNREACHABLE_CODES.has(code)) {
    return new ClusterError('CLUSTER_UNREACHABLE', `${cluster}: cannot reach the API server (${code})`, cluster, { ref, retryable: TRANSIENT_CODES.has(code) });
  }
  if (code && /CERT|TLS|SSL|SELF_SIGNED/.test(code)) {
    return new ClusterError('CLUSTER_CONTEXT', `${cluster}: TLS verification failed (${code})`, cluster, { ref, hint: "check the cluster's certificate-authority in the kubeconfig" });
  }
  if (/HTTP protocol is not allowed|No active cluster|No currently active cluster/.test(message)) {
    return new ClusterError('CLUSTER_CONTEXT', `${cluster}: ${message}`, cluster, { ref });
  }
  return new ClusterError('CLUSTER_SERVER_ERROR', `${cluster}: ${message}`, cluster, { ref });
}

/** A Status object sent in a watch stream (`ERROR` event) as a ClusterError. */
export function statusObjectError(status: unknown, cluster: string, ref?: ObjectRef): ClusterError {
  const code = (status as { code?: unknown } | undefined)?.code;
  return fromStatus(typeof code === 'number' ? code : 500, status, {}, cluster, ref);
}

function statusMessage(body: unknown): string | undefined {
  const message = (body as { message?: unknown } | undefined)?.message;
  return typeof message === 'string' && message ? message : undefined;
}

function retryAfter(headers: Record<string, string>, body: unknown): number | undefined {
  const header = headers['retry-after'] ?? headers['Retry-After'];
  if (header !== undefined) {
    const seconds = Number(header);
    if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
    const date = Date.parse(header);
    if (!Number.isNaN(date)) return Math.max(0, date - Date.now());
  }
  const seconds = (body as { details?: { retryAfterSeconds?: unknown } } | undefined)?.details?.retryAfterSeconds;
  return typeof seconds === 'number' && seconds >= 0 ? seconds * 1000 : undefined;
}

/**
 * The fields another manager owns, from a 409 apply conflict. The API server
 * lists one cause per field (`conflict with "kubectl" using apps/v1`, field
 * `.spec.replicas`); older servers only put them in the message.
 */
export function parseConflicts(body: unknown): FieldConflict[] {
  const details = (body as { details?: { causes?: unknown } } | undefined)?.details;
  const causes = Array.isArray(details?.causes) ? (details.causes as { type?: unknown; message?: unknown; field?: unknown }[]) : [];
  const fromCauses = causes
    .filter((c) => c.type === 'FieldManagerConflict' || (typeof c.message === 'string' && c.message.startsWith('conflict with')))
    .map((c) => ({ manager: managerIn(String(c.message ?? '')), field: typeof c.field === 'string' ? c.field : '' }))
    .filter((c) => c.manager !== '');
  if (fromCauses.length > 0) return fromCauses;
  return conflictsInMessage(statusMessage(body) ?? '');
}

function managerIn(message: string): string {
  return /conflicts? with "([^"]*)"/.exec(message)?.[1] ?? '';
}

/** `Apply failed with 2 conflicts: conflicts with "kubectl" using apps/v1:\n- .spec.replicas\n- .spec.x` or the one-line form. */
function conflictsInMessage(message: string): FieldConflict[] {
  const out: FieldConflict[] = [];
  const pattern = /conflicts? with "([^"]*)"(?: using [^:\s]+)?:((?:\s*\n-\s*[^\n]+)+|\s*[^\n]+)/g;
  for (const match of message.matchAll(pattern)) {
    const fields = match[2]!.split('\n').map((l) => l.replace(/^\s*-?\s*/, '').trim()).filter(Boolean);
    for (const field of fields) out.push({ manager: match[1]!, field });
  }
  return out;
}
