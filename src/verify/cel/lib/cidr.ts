/**
 * Kubernetes CIDR library (kubernetes.net.cidr, from 1.30): `cidr()`,
 * `isCIDR()`, `string(cidr)`, `containsIP`, `containsCIDR`, `ip()`,
 * `masked()`, `prefixLength()`. Like the apiserver, host bits after the
 * mask are allowed (use `masked()`), and `containsCIDR` compares the other
 * prefix's address as written with this one's masked address.
 *
 *   cidr('10.0.0.0/8').containsIP('10.1.2.3')          // true
 *   cidr('192.168.0.1/24').masked()                     // 192.168.0.0/24
 */
import type { Environment } from '@marcbachmann/cel-js';
import type { LibraryValue } from '../equality.js';
import { celError } from '../errors.js';
import { v, type CelLibrary } from '../library.js';
import { formatPrefix, is4In6, maskedPrefix, parsePrefix, prefixContains, sameAddr, samePrefix, type Prefix } from '../netip.js';
import { CelIp, parseIp } from './ip.js';

export class CelCidr implements LibraryValue {
  readonly celType = 'net.CIDR';
  constructor(readonly prefix: Prefix) {}

  equals(other: unknown): boolean {
    return other instanceof CelCidr && samePrefix(this.prefix, other.prefix);
  }

  toString(): string {
    return formatPrefix(this.prefix);
  }
}

export function parseCidr(raw: string): Prefix {
  let prefix: Prefix;
  try {
    prefix = parsePrefix(raw);
  } catch (error) {
    throw celError(`network address parse error during conversion from string: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (is4In6(prefix.addr)) throw celError(`IPv4-mapped IPv6 address ${JSON.stringify(raw)} is not allowed`);
  return prefix;
}

export function containsCidr(outer: Prefix, inner: Prefix): boolean {
  const masked = maskedPrefix(outer);
  return sameAddr(masked.addr, inner.addr) && outer.bits <= inner.bits;
}

function install(env: Environment): void {
  env
    .registerType('CIDR', CelCidr)
    .registerOperator('CIDR == CIDR', (a: CelCidr, b: CelCidr) => a.equals(b))
    .registerFunction('cidr(string): CIDR', (s: string) => new CelCidr(parseCidr(s)))
    .registerFunction('isCIDR(string): bool', (s: string) => {
      try {
        parseCidr(s);
        return true;
      } catch {
        return false;
      }
    })
    .registerFunction('string(CIDR): string', (c: CelCidr) => c.toString())
    .registerFunction('CIDR.containsIP(IP): bool', (c: CelCidr, ip: CelIp) => prefixContains(c.prefix, ip.addr))
    .registerFunction('CIDR.containsIP(string): bool', (c: CelCidr, ip: string) => prefixContains(c.prefix, parseIp(ip)))
    .registerFunction('CIDR.containsCIDR(CIDR): bool', (c: CelCidr, other: CelCidr) => containsCidr(c.prefix, other.prefix))
    .registerFunction('CIDR.containsCIDR(string): bool', (c: CelCidr, other: string) => containsCidr(c.prefix, parseCidr(other)))
    .registerFunction('CIDR.ip(): IP', (c: CelCidr) => new CelIp(c.prefix.addr))
    .registerFunction('CIDR.masked(): CIDR', (c: CelCidr) => new CelCidr(maskedPrefix(c.prefix)))
    .registerFunction('CIDR.prefixLength(): int', (c: CelCidr) => BigInt(c.prefix.bits));
}

export const cidrLibrary: CelLibrary = { name: 'kubernetes.net.cidr', since: v(1, 30), install };
