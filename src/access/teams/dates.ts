/**
 * Expiry dates of break-glass roles: `YYYY-MM-DD`, valid through that day (UTC).
 * YAML reads an unquoted date as a timestamp (`2026-12-31T00:00:00Z`), so both forms are accepted.
 */
const DATE = /^(\d{4})-(\d{2})-(\d{2})(?:T00:00:00Z)?$/;

/** The `YYYY-MM-DD` form of an expiry, or undefined when it is not a real calendar date. */
export function normaliseDate(text: string): string | undefined {
  const m = DATE.exec(text);
  if (!m) return undefined;
  const day = `${m[1]}-${m[2]}-${m[3]}`;
  const parsed = new Date(`${day}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().startsWith(day) ? day : undefined;
}

/** The UTC day of an instant, `YYYY-MM-DD`. */
export function dayOf(now: Date): string {
  return now.toISOString().slice(0, 10);
}

/** Expired once the day after `expires` has begun; string order is date order for this form. */
export function isExpired(expires: string, today: string): boolean {
  return today > expires;
}
