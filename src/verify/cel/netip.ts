/**
 * IP addresses and prefixes with Go's net/netip rules, which the Kubernetes
 * ip/cidr libraries use: strict dotted-quad IPv4 (no leading zeros), IPv6
 * with `::` and an embedded IPv4 tail, RFC 5952 formatting.
 */

export class NetipError extends Error {}

export interface Addr {
  /** 4 bytes for IPv4, 16 for IPv6. */
  bytes: Uint8Array;
  zone: string;
}

function fail(input: string, reason: string): never {
  throw new NetipError(`ParseAddr(${JSON.stringify(input)}): ${reason}`);
}

function parseIPv4(input: string, s: string): Uint8Array {
  const out = new Uint8Array(4);
  const fields = s.split('.');
  for (let i = 0; i < fields.length; i++) {
    const field = fields[i] as string;
    if (i >= 4) fail(input, 'IPv4 address too long');
    if (field === '') fail(input, 'IPv4 field must have at least one digit');
    if (!/^[0-9]+$/.test(field)) fail(input, 'unexpected character');
    if (field.length > 1 && field.startsWith('0')) fail(input, 'IPv4 field has octet with leading zero');
    const value = Number(field);
    if (value > 255) fail(input, 'IPv4 field has value >255');
    out[i] = value;
  }
  if (fields.length < 4) fail(input, 'IPv4 address too short');
  return out;
}

function parseIPv6(input: string): Addr {
  let s = input;
  let zone = '';
  const percent = s.indexOf('%');
  if (percent >= 0) {
    zone = s.slice(percent + 1);
    s = s.slice(0, percent);
    if (zone === '') fail(input, 'zone must be a non-empty string');
  }
  const bytes = new Uint8Array(16);
  let ellipsis = -1;
  if (s.startsWith('::')) {
    ellipsis = 0;
    s = s.slice(2);
    if (s === '') return { bytes, zone };
  }
  let i = 0;
  while (i < 16) {
    const digits = /^[0-9A-Fa-f]*/.exec(s)?.[0] ?? '';
    if (digits.length > 4) fail(input, 'each colon-separated field must have at most 4 hex digits');
    if (digits.length === 0) fail(input, 'each colon-separated field must have at least one digit');
    if (s[digits.length] === '.') {
      if (ellipsis < 0 && i !== 12) fail(input, 'embedded IPv4 address must replace the final 2 fields of the address');
      if (i + 4 > 16) fail(input, 'too many hex fields to fit an embedded IPv4 at the end of the address');
      bytes.set(parseIPv4(input, s), i);
      i += 4;
      s = '';
      break;
    }
    const value = parseInt(digits, 16);
    bytes[i] = value >> 8;
    bytes[i + 1] = value & 0xff;
    i += 2;
    s = s.slice(digits.length);
    if (s === '') break;
    if (s[0] !== ':') fail(input, 'unexpected character, want colon');
    if (s.length === 1) fail(input, 'colon must be followed by more characters');
    s = s.slice(1);
    if (s[0] === ':') {
      if (ellipsis >= 0) fail(input, 'multiple :: in address');
      ellipsis = i;
      s = s.slice(1);
      if (s === '') break;
    }
  }
  if (s !== '') fail(input, 'trailing garbage after address');
  if (i < 16) {
    if (ellipsis < 0) fail(input, 'address string too short');
    const tail = bytes.slice(ellipsis, i);
    bytes.fill(0, ellipsis);
    bytes.set(tail, 16 - tail.length);
  } else if (ellipsis >= 0) {
    fail(input, 'the :: must expand to at least one field of zeros');
  }
  return { bytes, zone };
}

export function parseAddr(s: string): Addr {
  for (const c of s) {
    if (c === '.') return { bytes: parseIPv4(s, s), zone: '' };
    if (c === ':') return parseIPv6(s);
    if (c === '%') fail(s, 'missing IPv6 address');
  }
  return fail(s, 'unable to parse IP');
}

export function is4(a: Addr): boolean {
  return a.bytes.length === 4;
}

export function is4In6(a: Addr): boolean {
  if (a.bytes.length !== 16) return false;
  for (let i = 0; i < 10; i++) if (a.bytes[i] !== 0) return false;
  return a.bytes[10] === 0xff && a.bytes[11] === 0xff;
}

function group(a: Addr, i: number): number {
  return ((a.bytes[2 * i] as number) << 8) | (a.bytes[2 * i + 1] as number);
}

export function formatAddr(a: Addr): string {
  if (is4(a)) return Array.from(a.bytes).join('.');
  if (is4In6(a)) return `::ffff:${Array.from(a.bytes.slice(12)).join('.')}${a.zone ? `%${a.zone}` : ''}`;
  let zeroStart = -1;
  let zeroEnd = -1;
  for (let i = 0; i < 8; i++) {
    let j = i;
    while (j < 8 && group(a, j) === 0) j++;
    if (j - i >= 2 && j - i > zeroEnd - zeroStart) {
      zeroStart = i;
      zeroEnd = j;
    }
  }
  let out = '';
  for (let i = 0; i < 8; i++) {
    if (i === zeroStart) {
      out += '::';
      i = zeroEnd;
      if (i >= 8) break;
    } else if (i > 0) {
      out += ':';
    }
    out += group(a, i).toString(16);
  }
  return out + (a.zone ? `%${a.zone}` : '');
}

export function sameAddr(a: Addr, b: Addr): boolean {
  return a.bytes.length === b.bytes.length && a.bytes.every((x, i) => x === b.bytes[i]) && a.zone === b.zone;
}

function inRange(a: Addr, prefix: number[], bits: number): boolean {
  return prefixBitsEqual(a.bytes, Uint8Array.from(prefix.concat(new Array(a.bytes.length - prefix.length).fill(0))), bits);
}

function prefixBitsEqual(x: Uint8Array, y: Uint8Array, bits: number): boolean {
  for (let i = 0; i < bits; i++) {
    const byte = i >> 3;
    const mask = 0x80 >> (i & 7);
    if (((x[byte] as number) & mask) !== ((y[byte] as number) & mask)) return false;
  }
  return true;
}

export const addrClass = {
  isUnspecified: (a: Addr) => a.bytes.every((b) => b === 0),
  isLoopback: (a: Addr) => (is4(a) ? a.bytes[0] === 127 : inRange(a, [], 127) && a.bytes[15] === 1),
  isMulticast: (a: Addr) => (is4(a) ? inRange(a, [224], 4) : a.bytes[0] === 0xff),
  isLinkLocalMulticast: (a: Addr) => (is4(a) ? inRange(a, [224, 0, 0], 24) : (group(a, 0) & 0xff0f) === 0xff02),
  isLinkLocalUnicast: (a: Addr) => (is4(a) ? inRange(a, [169, 254], 16) : inRange(a, [0xfe, 0x80], 10)),
  isGlobalUnicast(a: Addr): boolean {
    if (is4(a) && (this.isUnspecified(a) || a.bytes.every((b) => b === 255))) return false;
    return !this.isUnspecified(a) && !this.isLoopback(a) && !this.isMulticast(a) && !this.isLinkLocalUnicast(a);
  },
};

export interface Prefix {
  addr: Addr;
  bits: number;
}

export function parsePrefix(s: string): Prefix {
  const slash = s.lastIndexOf('/');
  if (slash < 0) throw new NetipError(`netip.ParsePrefix(${JSON.stringify(s)}): no '/'`);
  let addr: Addr;
  try {
    addr = parseAddr(s.slice(0, slash));
  } catch (error) {
    throw new NetipError(`netip.ParsePrefix(${JSON.stringify(s)}): ${error instanceof Error ? error.message : String(error)}`);
  }
  if (addr.zone !== '') throw new NetipError(`netip.ParsePrefix(${JSON.stringify(s)}): IPv6 zones cannot be present in a prefix`);
  const bitsText = s.slice(slash + 1);
  if (!/^(0|[1-9][0-9]*)$/.test(bitsText)) throw new NetipError(`netip.ParsePrefix(${JSON.stringify(s)}): bad bits after slash: ${JSON.stringify(bitsText)}`);
  const bits = Number(bitsText);
  if (bits > addr.bytes.length * 8) throw new NetipError(`netip.ParsePrefix(${JSON.stringify(s)}): prefix length out of range`);
  return { addr, bits };
}

export function formatPrefix(p: Prefix): string {
  return `${formatAddr(p.addr)}/${p.bits}`;
}

export function maskedPrefix(p: Prefix): Prefix {
  const bytes = new Uint8Array(p.addr.bytes.length);
  for (let i = 0; i < p.bits; i++) {
    const byte = i >> 3;
    const mask = 0x80 >> (i & 7);
    bytes[byte] = (bytes[byte] as number) | ((p.addr.bytes[byte] as number) & mask);
  }
  return { addr: { bytes, zone: '' }, bits: p.bits };
}

export function prefixContains(p: Prefix, a: Addr): boolean {
  if (a.bytes.length !== p.addr.bytes.length || a.zone !== '') return false;
  return prefixBitsEqual(a.bytes, p.addr.bytes, p.bits);
}

export function samePrefix(a: Prefix, b: Prefix): boolean {
  return a.bits === b.bits && sameAddr(a.addr, b.addr);
}
