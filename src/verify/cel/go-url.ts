/**
 * The parts of Go's net/url the Kubernetes URL library relies on:
 * ParseRequestURI (what `isURL` accepts: an absolute URI or absolute path)
 * and Parse, with Host, Hostname, Port, EscapedPath and Query as Go
 * computes them. Written from the behaviour of Go's package, not its code.
 */

export class UrlError extends Error {}

export interface GoUrl {
  scheme: string;
  opaque: string;
  host: string;
  /** Unescaped path. */
  path: string;
  /** The path as written, when it differs from the default escaping of `path`. */
  rawPath: string;
  rawQuery: string;
  fragment: string;
}

type Mode = 'path' | 'host' | 'zone' | 'query' | 'fragment' | 'userPassword';

function shouldEscape(c: string, mode: Mode): boolean {
  if (/[A-Za-z0-9]/.test(c)) return false;
  if (mode === 'host' || mode === 'zone') {
    // Sub-delims, ':' and brackets may appear in hosts; '<', '>', '"' are tolerated like Go does.
    if ("!$&'()*+,;=:[]<>\"".includes(c)) return false;
  }
  if ('-_.~'.includes(c)) return false;
  if ('$&+,/:;=?@'.includes(c)) {
    switch (mode) {
      case 'path': return c === '?';
      case 'userPassword': return c === '@' || c === '/' || c === '?' || c === ':';
      case 'query': return true;
      case 'fragment': return false;
      default: break;
    }
  }
  if (mode === 'fragment' && '!()*'.includes(c)) return false;
  return true;
}

function isHex(c: string | undefined): boolean {
  return c !== undefined && /[0-9A-Fa-f]/.test(c);
}

/** Go's unescape: checks %-escapes (and host characters), decodes to UTF-8 text. */
export function unescape(s: string, mode: Mode): string {
  for (let i = 0; i < s.length; i++) {
    const c = s[i] as string;
    if (c === '%') {
      if (!isHex(s[i + 1]) || !isHex(s[i + 2])) throw new UrlError(`invalid URL escape ${JSON.stringify(s.slice(i, i + 3))}`);
      // In hosts only non-ASCII may be escaped (and %25 for a zone's '%').
      if (mode === 'host' && parseInt(s[i + 1] as string, 16) < 8 && s.slice(i, i + 3) !== '%25') {
        throw new UrlError(`invalid URL escape ${JSON.stringify(s.slice(i, i + 3))}`);
      }
      i += 2;
    } else if ((mode === 'host' || mode === 'zone') && c.charCodeAt(0) < 0x80 && shouldEscape(c, mode)) {
      throw new UrlError(`invalid character ${JSON.stringify(c)} in host name`);
    }
  }
  const plus = mode === 'query' ? s.replace(/\+/g, ' ') : s;
  if (!plus.includes('%')) return plus;
  // Runs of escapes are bytes of UTF-8 text.
  return plus.replace(/(?:%[0-9A-Fa-f]{2})+/g, (run) => {
    const bytes = new Uint8Array(run.length / 3);
    for (let i = 0; i < bytes.length; i++) bytes[i] = parseInt(run.slice(3 * i + 1, 3 * i + 3), 16);
    return decoder.decode(bytes);
  });
}

const decoder = new TextDecoder();
const encoder = new TextEncoder();

export function escape(s: string, mode: Mode): string {
  let out = '';
  for (const ch of s) {
    if (ch.length === 1 && ch.charCodeAt(0) < 0x80) {
      out += shouldEscape(ch, mode) ? `%${ch.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}` : ch;
    } else {
      for (const byte of encoder.encode(ch)) out += `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
    }
  }
  return out;
}

function getScheme(raw: string): [string, string] {
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i] as string;
    if (/[A-Za-z]/.test(c)) continue;
    if (/[0-9+\-.]/.test(c)) {
      if (i === 0) return ['', raw];
      continue;
    }
    if (c === ':') {
      if (i === 0) throw new UrlError('missing protocol scheme');
      return [raw.slice(0, i), raw.slice(i + 1)];
    }
    return ['', raw];
  }
  return ['', raw];
}

function validOptionalPort(port: string): boolean {
  return port === '' || (port.startsWith(':') && /^[0-9]*$/.test(port.slice(1)));
}

function parseHost(host: string): string {
  if (host.startsWith('[')) {
    const close = host.lastIndexOf(']');
    if (close < 0) throw new UrlError("missing ']' in host");
    const colonPort = host.slice(close + 1);
    if (!validOptionalPort(colonPort)) throw new UrlError(`invalid port ${JSON.stringify(colonPort)} after host`);
    const zone = host.slice(0, close).indexOf('%25');
    if (zone >= 0) {
      return unescape(host.slice(0, zone), 'host') + unescape(host.slice(zone, close), 'zone') + unescape(host.slice(close), 'host');
    }
  } else {
    const colon = host.lastIndexOf(':');
    if (colon >= 0 && !validOptionalPort(host.slice(colon))) throw new UrlError(`invalid port ${JSON.stringify(host.slice(colon))} after host`);
  }
  return unescape(host, 'host');
}

const USERINFO = /^[A-Za-z0-9\-._:~!$&'()*+,;=%@]*$/;

function parseAuthority(authority: string): string {
  const at = authority.lastIndexOf('@');
  if (at < 0) return parseHost(authority);
  const userinfo = authority.slice(0, at);
  if (!USERINFO.test(userinfo)) throw new UrlError('net/url: invalid userinfo');
  unescape(userinfo, 'userPassword');
  return parseHost(authority.slice(at + 1));
}

/** Splits off the query; a lone trailing '?' is an empty (forced) query. */
function cutQuery(rest: string): [string, string] {
  if (rest.endsWith('?') && rest.indexOf('?') === rest.length - 1) return [rest.slice(0, -1), ''];
  const q = rest.indexOf('?');
  return q < 0 ? [rest, ''] : [rest.slice(0, q), rest.slice(q + 1)];
}

/** A relative reference: refused for requests, and its first segment may not look like a scheme. */
function checkRelative(rest: string, viaRequest: boolean): void {
  if (viaRequest) throw new UrlError('invalid URI for request');
  const slash = rest.indexOf('/');
  if ((slash < 0 ? rest : rest.slice(0, slash)).includes(':')) throw new UrlError('first path segment in URL cannot contain colon');
}

function parse(raw: string, viaRequest: boolean): GoUrl {
  if (/[\x00-\x1f\x7f]/.test(raw)) throw new UrlError('net/url: invalid control character in URL');
  if (raw === '' && viaRequest) throw new UrlError('empty url');
  const url: GoUrl = { scheme: '', opaque: '', host: '', path: '', rawPath: '', rawQuery: '', fragment: '' };
  if (raw === '*') return { ...url, path: '*' };
  const [scheme, afterScheme] = getScheme(raw);
  url.scheme = scheme.toLowerCase();
  const [pathPart, rawQuery] = cutQuery(afterScheme);
  let rest = pathPart;
  url.rawQuery = rawQuery;
  if (!rest.startsWith('/')) {
    // Rootless paths after a scheme are opaque (RFC 3986), e.g. mailto:x@y.
    if (url.scheme !== '') return { ...url, opaque: rest };
    checkRelative(rest, viaRequest);
  }
  if ((url.scheme !== '' || (!viaRequest && !rest.startsWith('///'))) && rest.startsWith('//')) {
    const afterSlashes = rest.slice(2);
    const slash = afterSlashes.indexOf('/');
    url.host = parseAuthority(slash < 0 ? afterSlashes : afterSlashes.slice(0, slash));
    rest = slash < 0 ? '' : afterSlashes.slice(slash);
  }
  url.path = unescape(rest, 'path');
  url.rawPath = escape(url.path, 'path') === rest ? '' : rest;
  return url;
}

/** Go's url.ParseRequestURI: absolute URI or absolute path; a '#' is not a fragment here. */
export function parseRequestUri(raw: string): GoUrl {
  return parse(raw, true);
}

/** Go's url.Parse. */
export function parseUrl(raw: string): GoUrl {
  const hash = raw.indexOf('#');
  const url = parse(hash < 0 ? raw : raw.slice(0, hash), false);
  if (hash >= 0) url.fragment = unescape(raw.slice(hash + 1), 'fragment');
  return url;
}

function splitHostPort(hostPort: string): [string, string] {
  let host = hostPort;
  let port = '';
  const colon = host.lastIndexOf(':');
  if (colon >= 0 && validOptionalPort(host.slice(colon))) {
    port = host.slice(colon + 1);
    host = host.slice(0, colon);
  }
  if (host.startsWith('[') && host.endsWith(']')) host = host.slice(1, -1);
  return [host, port];
}

export function hostname(url: GoUrl): string {
  return splitHostPort(url.host)[0];
}

export function port(url: GoUrl): string {
  return splitHostPort(url.host)[1];
}

function validEncoded(s: string): boolean {
  for (const c of s) {
    if ("!$&'()*+,;=:@[]".includes(c) || c === '%') continue;
    if (shouldEscape(c, 'path')) return false;
  }
  return true;
}

export function escapedPath(url: GoUrl): string {
  if (url.rawPath !== '' && validEncoded(url.rawPath)) {
    try {
      if (unescape(url.rawPath, 'path') === url.path) return url.rawPath;
    } catch {
      // fall through to the default encoding
    }
  }
  if (url.path === '*') return '*';
  return escape(url.path, 'path');
}

/** Go's url.Values from the raw query: bad pairs are skipped, as `Query()` ignores the parse error. */
export function query(url: GoUrl): Map<string, string[]> {
  const values = new Map<string, string[]>();
  for (const pair of url.rawQuery.split('&')) {
    if (pair === '' || pair.includes(';')) continue;
    const eq = pair.indexOf('=');
    try {
      const key = unescape(eq < 0 ? pair : pair.slice(0, eq), 'query');
      const value = unescape(eq < 0 ? '' : pair.slice(eq + 1), 'query');
      values.set(key, [...(values.get(key) ?? []), value]);
    } catch {
      continue;
    }
  }
  return values;
}
