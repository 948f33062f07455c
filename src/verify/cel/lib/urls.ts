/**
 * Kubernetes URL library (kubernetes.urls, every version): `url()`,
 * `isURL()` and the URL accessors, with Go's net/url semantics.
 *
 *   url('https://example.com:80/').getHost()        // 'example.com:80'
 *   url('https://[::1]:80/').getHostname()           // '::1'
 *   url('/a?k=1&k=2').getQuery()                     // {'k': ['1', '2']}
 *   isURL('../relative')                             // false
 */
import type { Environment } from '@marcbachmann/cel-js';
import type { LibraryValue } from '../equality.js';
import { celError } from '../errors.js';
import { escapedPath, hostname, parseRequestUri, parseUrl, port, query, type GoUrl } from '../go-url.js';
import { v, type CelLibrary } from '../library.js';

export class CelUrl implements LibraryValue {
  readonly celType = 'kubernetes.URL';
  constructor(readonly raw: string, readonly parsed: GoUrl) {}

  equals(other: unknown): boolean {
    return other instanceof CelUrl && other.raw === this.raw;
  }
}

export function toUrl(raw: string): CelUrl {
  try {
    // ParseRequestURI decides validity; Parse gives the components (it splits off a fragment).
    parseRequestUri(raw);
    return new CelUrl(raw, parseUrl(raw));
  } catch (error) {
    throw celError(`URL parse error during conversion from string: ${error instanceof Error ? error.message : String(error)}`);
  }
}

export function isUrl(raw: string): boolean {
  try {
    parseRequestUri(raw);
    return true;
  } catch {
    return false;
  }
}

function install(env: Environment): void {
  env
    .registerType('URL', CelUrl)
    .registerOperator('URL == URL', (a: CelUrl, b: CelUrl) => a.equals(b))
    .registerFunction('url(string): URL', toUrl)
    .registerFunction('isURL(string): bool', isUrl)
    .registerFunction('URL.getScheme(): string', (u: CelUrl) => u.parsed.scheme)
    .registerFunction('URL.getHost(): string', (u: CelUrl) => u.parsed.host)
    .registerFunction('URL.getHostname(): string', (u: CelUrl) => hostname(u.parsed))
    .registerFunction('URL.getPort(): string', (u: CelUrl) => port(u.parsed))
    .registerFunction('URL.getEscapedPath(): string', (u: CelUrl) => escapedPath(u.parsed))
    .registerFunction('URL.getQuery(): map<string, list<string>>', (u: CelUrl) => Object.fromEntries(query(u.parsed)));
}

export const urlsLibrary: CelLibrary = { name: 'kubernetes.urls', since: v(1, 0), install };
