/**
 * Failures as the API server reports them: a `Status` object (kind Status,
 * status Failure, reason, code, details) with the matching HTTP code.
 * Handlers throw ApiError; the server writes it.
 */
import type { StoreErrorReason } from './store.js';

export type StatusReason = 'NotFound' | 'Forbidden' | 'AlreadyExists' | 'Conflict' | 'Invalid' | 'BadRequest' | 'TooManyRequests' | 'InternalError' | 'MethodNotAllowed' | 'Gone' | 'UnsupportedMediaType' | 'NotAcceptable' | 'Expired';

export interface StatusCause {
  type: string;
  message: string;
  field?: string;
}

export interface StatusDetails {
  name?: string;
  group?: string;
  kind?: string;
  causes?: StatusCause[];
  retryAfterSeconds?: number;
}

const CODES: Record<StatusReason, number> = {
  BadRequest: 400,
  Forbidden: 403,
  NotFound: 404,
  MethodNotAllowed: 405,
  NotAcceptable: 406,
  AlreadyExists: 409,
  Conflict: 409,
  Gone: 410,
  Expired: 410,
  UnsupportedMediaType: 415,
  Invalid: 422,
  TooManyRequests: 429,
  InternalError: 500,
};

export class ApiError extends Error {
  readonly code: number;
  constructor(
    readonly reason: StatusReason,
    message: string,
    readonly details?: StatusDetails,
    /** Extra response headers, e.g. Retry-After. */
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = 'ApiError';
    this.code = CODES[reason];
  }

  /** The Status object the API server sends for this failure. */
  toStatus(): Record<string, unknown> {
    const status: Record<string, unknown> = { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message: this.message, reason: this.reason, code: this.code };
    if (this.details) status.details = this.details;
    return status;
  }
}

/** `deployments.apps "web" not found`, the API server's wording. */
export function notFound(resource: string, group: string, name: string, kind?: string): ApiError {
  const qualified = group ? `${resource}.${group}` : resource;
  return new ApiError('NotFound', `${qualified} "${name}" not found`, { name, group, kind: kind ?? resource });
}

/** A store refusal as an API error about one resource. */
export function fromStoreError(reason: StoreErrorReason, resource: string, group: string, name: string, message: string): ApiError {
  const qualified = group ? `${resource}.${group}` : resource;
  switch (reason) {
    case 'NotFound':
      return notFound(resource, group, name);
    case 'AlreadyExists':
      return new ApiError('AlreadyExists', `${qualified} "${name}" already exists`, { name, group, kind: resource });
    case 'Conflict':
      return new ApiError('Conflict', message.replace(/^Operation cannot be fulfilled on [^ ]+ /, `Operation cannot be fulfilled on ${qualified} `), { name, group, kind: resource });
    case 'Invalid':
      return new ApiError('Invalid', message, { name, group, kind: resource });
  }
}

export function badRequest(message: string): ApiError {
  return new ApiError('BadRequest', message);
}
