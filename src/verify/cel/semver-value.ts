/**
 * Semantic versions as the Kubernetes semver library parses them
 * (blang/semver v4 `Parse`, and its tolerant "normalize" variant):
 * MAJOR.MINOR.PATCH without leading zeros, optional pre-release and build.
 */

export class SemverError extends Error {}

export interface Semver {
  major: bigint;
  minor: bigint;
  patch: bigint;
  /** Pre-release identifiers: numbers as bigint, others as strings. */
  pre: (bigint | string)[];
  build: string[];
}

const NUMERIC = /^[0-9]+$/;
const ALNUM = /^[0-9A-Za-z-]+$/;
const UINT64_MAX = 18446744073709551615n;

function number(part: string, what: string): bigint {
  if (!NUMERIC.test(part)) throw new SemverError(`Invalid character(s) found in ${what} number ${JSON.stringify(part)}`);
  if (part.length > 1 && part.startsWith('0')) throw new SemverError(`${what[0]?.toUpperCase()}${what.slice(1)} number must not contain leading zeroes ${JSON.stringify(part)}`);
  const value = BigInt(part);
  if (value > UINT64_MAX) throw new SemverError(`${what} number out of range`);
  return value;
}

function preRelease(part: string): bigint | string {
  if (part === '') throw new SemverError('Prerelease is empty');
  if (NUMERIC.test(part)) {
    if (part.length > 1 && part.startsWith('0')) throw new SemverError(`Numeric PreRelease version must not contain leading zeroes ${JSON.stringify(part)}`);
    return BigInt(part);
  }
  if (!ALNUM.test(part)) throw new SemverError(`Invalid character(s) found in prerelease ${JSON.stringify(part)}`);
  return part;
}

export function parseSemver(text: string): Semver {
  if (text === '') throw new SemverError('Version string empty');
  const parts = text.split('.');
  if (parts.length < 3) throw new SemverError('No Major.Minor.Patch elements found');
  const [majorText, minorText] = parts as [string, string];
  const rest = parts.slice(2).join('.');
  const cut = rest.search(/[-+]/);
  const patchText = cut < 0 ? rest : rest.slice(0, cut);
  const version: Semver = { major: number(majorText, 'major'), minor: number(minorText, 'minor'), patch: number(patchText, 'patch'), pre: [], build: [] };
  let tail = cut < 0 ? '' : rest.slice(cut);
  if (tail.startsWith('-')) {
    const plus = tail.indexOf('+');
    const preText = plus < 0 ? tail.slice(1) : tail.slice(1, plus);
    version.pre = preText.split('.').map(preRelease);
    tail = plus < 0 ? '' : tail.slice(plus);
  }
  if (tail.startsWith('+')) {
    version.build = tail.slice(1).split('.');
    for (const b of version.build) {
      if (b === '') throw new SemverError('Build meta data is empty');
      if (!ALNUM.test(b)) throw new SemverError(`Invalid character(s) found in build meta data ${JSON.stringify(b)}`);
    }
  }
  return version;
}

/** The library's normalisation: drop a leading `v`, strip leading zeros, fill in a missing minor/patch. */
export function parseSemverNormalized(text: string): Semver {
  const parts = (text.startsWith('v') ? text.slice(1) : text).split('.');
  const head = parts.slice(0, 2);
  const normalized = [...head, parts.slice(2).join('.')].slice(0, Math.min(parts.length, 3)).map((p) => {
    if (p.length <= 1) return p;
    const trimmed = p.replace(/^0+/, '');
    return trimmed === '' || !/^[0-9]/.test(trimmed) ? `0${trimmed}` : trimmed;
  });
  if (normalized.length < 3) {
    if (/[+-]/.test(normalized[normalized.length - 1] ?? '')) throw new SemverError('short version cannot contain PreRelease/Build meta data');
    while (normalized.length < 3) normalized.push('0');
  }
  return parseSemver(normalized.join('.'));
}

function compareBig(a: bigint, b: bigint): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function compareSemver(a: Semver, b: Semver): number {
  const core = compareBig(a.major, b.major) || compareBig(a.minor, b.minor) || compareBig(a.patch, b.patch);
  if (core !== 0) return core;
  if (a.pre.length === 0 && b.pre.length === 0) return 0;
  if (a.pre.length === 0) return 1;
  if (b.pre.length === 0) return -1;
  for (let i = 0; i < Math.min(a.pre.length, b.pre.length); i++) {
    const x = a.pre[i] as bigint | string;
    const y = b.pre[i] as bigint | string;
    if (typeof x === 'bigint' && typeof y === 'bigint') {
      if (x !== y) return compareBig(x, y);
    } else if (typeof x === 'bigint') {
      return -1;
    } else if (typeof y === 'bigint') {
      return 1;
    } else if (x !== y) {
      return x < y ? -1 : 1;
    }
  }
  return Math.sign(a.pre.length - b.pre.length);
}
