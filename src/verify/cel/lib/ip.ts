/**
 * Kubernetes IP library (kubernetes.net.ip, from 1.30): `ip()`, `isIP()`,
 * `ip.isCanonical()`, `string(ip)` and the address predicates, with Go's
 * netip parsing; IPv4-mapped IPv6 addresses and zones are refused.
 *
 *   ip('10.0.0.1').family()               // 4
 *   ip('fe80::1').isLinkLocalUnicast()     // true
 *   ip.isCanonical('2001:DB8::1')          // false
 */
import type { Environment } from '@marcbachmann/cel-js';
import type { LibraryValue } from '../equality.js';
import { celError } from '../errors.js';
import { v, type CelLibrary } from '../library.js';
import { addrClass, formatAddr, is4, is4In6, parseAddr, sameAddr, type Addr } from '../netip.js';

export class CelIp implements LibraryValue {
  readonly celType = 'net.IP';
  constructor(readonly addr: Addr) {}

  equals(other: unknown): boolean {
    return other instanceof CelIp && sameAddr(this.addr, other.addr);
  }

  toString(): string {
    return formatAddr(this.addr);
  }
}

/** The library's parse: Go's netip rules, minus zones and IPv4-mapped IPv6. */
export function parseIp(raw: string): Addr {
  let addr: Addr;
  try {
    addr = parseAddr(raw);
  } catch (error) {
    throw celError(`IP Address ${JSON.stringify(raw)} parse error during conversion from string: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (addr.zone !== '') throw celError(`IP address ${JSON.stringify(raw)} with zone value is not allowed`);
  if (is4In6(addr)) throw celError(`IPv4-mapped IPv6 address ${JSON.stringify(raw)} is not allowed`);
  return addr;
}

function succeeds(fn: () => unknown): boolean {
  try {
    fn();
    return true;
  } catch {
    return false;
  }
}

/** `ip` is both a function and a namespace (`ip.isCanonical`); the namespace is this constant. */
class IpNamespace {}

function install(env: Environment): void {
  env
    .registerType('IP', CelIp)
    .registerType('IpNamespace', IpNamespace)
    .registerConstant('ip', 'IpNamespace', new IpNamespace())
    .registerOperator('IP == IP', (a: CelIp, b: CelIp) => a.equals(b))
    .registerFunction('ip(string): IP', (s: string) => new CelIp(parseIp(s)))
    .registerFunction('isIP(string): bool', (s: string) => succeeds(() => parseIp(s)))
    .registerFunction('IpNamespace.isCanonical(string): bool', (_ns: unknown, s: string) => formatAddr(parseIp(s)) === s)
    .registerFunction('string(IP): string', (ip: CelIp) => ip.toString())
    .registerFunction('IP.family(): int', (ip: CelIp) => (is4(ip.addr) ? 4n : 6n))
    .registerFunction('IP.isUnspecified(): bool', (ip: CelIp) => addrClass.isUnspecified(ip.addr))
    .registerFunction('IP.isLoopback(): bool', (ip: CelIp) => addrClass.isLoopback(ip.addr))
    .registerFunction('IP.isLinkLocalMulticast(): bool', (ip: CelIp) => addrClass.isLinkLocalMulticast(ip.addr))
    .registerFunction('IP.isLinkLocalUnicast(): bool', (ip: CelIp) => addrClass.isLinkLocalUnicast(ip.addr))
    .registerFunction('IP.isGlobalUnicast(): bool', (ip: CelIp) => addrClass.isGlobalUnicast(ip.addr));
}

export const ipLibrary: CelLibrary = { name: 'kubernetes.net.ip', since: v(1, 30), install };
