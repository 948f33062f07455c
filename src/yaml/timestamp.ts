/**
 * Unquoted timestamps, the way kustomize's YAML reader sees them: it tries
 * four Go time layouts (RFC 3339 with `T` or `t`, space-separated without a
 * zone, and date only) and, when one matches, the value later marshals to
 * JSON as an RFC 3339 string with nanoseconds and trailing zeros trimmed.
 * Anything else (e.g. `2001-12-14 21:59:43.10 -5`) stays a plain string.
 */

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

/** Go's lenient one-or-two digit field; returns [value, nextIndex] or undefined. */
function readShortNumber(s: string, i: number): [number, number] | undefined {
  if (!isDigit(s.charCodeAt(i))) return undefined;
  if (!isDigit(s.charCodeAt(i + 1))) return [s.charCodeAt(i) - 48, i + 1];
  return [(s.charCodeAt(i) - 48) * 10 + (s.charCodeAt(i + 1) - 48), i + 2];
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

function daysIn(month: number, year: number): number {
  if (month === 2 && (year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0))) return 29;
  return DAYS_IN_MONTH[month - 1] as number;
}

interface TimeParts {
  hour: number;
  minute: number;
  second: number;
  /** Fraction digits, at most 9 (Go truncates the rest). */
  fraction: string;
  /** Zone suffix as printed by RFC 3339: 'Z' or '+hh:mm'. */
  zone: string;
}

/** Parses `15:4:5[.frac]` from i; returns the parts and the next index. */
function readClock(s: string, i: number): [TimeParts, number] | undefined {
  const h = readShortNumber(s, i);
  if (!h || s[h[1]] !== ':') return undefined;
  const m = readShortNumber(s, h[1] + 1);
  if (!m || s[m[1]] !== ':') return undefined;
  const sec = readShortNumber(s, m[1] + 1);
  if (!sec) return undefined;
  if (h[0] >= 24 || m[0] >= 60 || sec[0] >= 60) return undefined;
  let j = sec[1];
  let fraction = '';
  const sep = s[j];
  if ((sep === '.' || sep === ',') && isDigit(s.charCodeAt(j + 1))) {
    let k = j + 1;
    while (isDigit(s.charCodeAt(k))) k++;
    fraction = s.slice(j + 1, Math.min(k, j + 10));
    j = k;
  }
  return [{ hour: h[0], minute: m[0], second: sec[0], fraction, zone: 'Z' }, j];
}

/** `Z` or `±hh:mm` ending the string exactly at `i`, as RFC 3339 prints it. */
function readZone(s: string, i: number): string | undefined {
  if (s[i] === 'Z') return i + 1 === s.length ? 'Z' : undefined;
  if (s.length - i !== 6 || s[i + 3] !== ':') return undefined;
  const sign = s[i];
  if (sign !== '+' && sign !== '-') return undefined;
  const hh = s.slice(i + 1, i + 3);
  const mm = s.slice(i + 4, i + 6);
  if (!/^\d\d$/.test(hh) || !/^\d\d$/.test(mm)) return undefined;
  if (Number(hh) > 24 || Number(mm) > 60) return undefined;
  if (Number(hh) === 0 && Number(mm) === 0) return 'Z';
  return `${sign}${hh}:${mm}`;
}

function skipSpaces(s: string, i: number): number {
  while (s[i] === ' ') i++;
  return i;
}

/** Time part after the date, per the three layouts that have one. */
function readTimeSuffix(s: string, i: number): TimeParts | undefined {
  const sep = s[i];
  if (sep === 'T' || sep === 't') {
    const clock = readClock(s, i + 1);
    if (!clock) return undefined;
    const zone = readZone(s, clock[1]);
    if (zone === undefined) return undefined;
    return { ...clock[0], zone };
  }
  if (sep === ' ') {
    const clock = readClock(s, skipSpaces(s, i));
    return clock && clock[1] === s.length ? clock[0] : undefined;
  }
  return undefined;
}

/**
 * Returns the RFC 3339 text Go would print for an unquoted timestamp, or
 * undefined when the scalar is not one. Offsets are kept (not converted to UTC).
 */
export function resolveTimestamp(s: string): string | undefined {
  if (s.length < 6 || s[4] !== '-') return undefined;
  for (let i = 0; i < 4; i++) if (!isDigit(s.charCodeAt(i))) return undefined;
  const year = Number(s.slice(0, 4));
  const month = readShortNumber(s, 5);
  if (!month || s[month[1]] !== '-') return undefined;
  const day = readShortNumber(s, month[1] + 1);
  if (!day) return undefined;
  if (month[0] < 1 || month[0] > 12 || day[0] < 1 || day[0] > daysIn(month[0], year)) return undefined;
  const date = `${pad(year, 4)}-${pad(month[0], 2)}-${pad(day[0], 2)}`;
  if (day[1] === s.length) return `${date}T00:00:00Z`;
  const time = readTimeSuffix(s, day[1]);
  if (!time) return undefined;
  const fraction = time.fraction.replace(/0+$/, '');
  const clock = `${pad(time.hour, 2)}:${pad(time.minute, 2)}:${pad(time.second, 2)}`;
  return `${date}T${clock}${fraction ? `.${fraction}` : ''}${time.zone}`;
}
