/**
 * Where two JSON values differ, as paths to the differing leaves. A list whose
 * length changed, or a value whose type changed, differs as a whole.
 */
export type Path = (string | number)[];

export interface Difference {
  path: Path;
  before: unknown;
  after: unknown;
}

export function differences(before: unknown, after: unknown, path: Path = [], out: Difference[] = []): Difference[] {
  if (Object.is(before, after)) return out;
  if (Array.isArray(before) && Array.isArray(after) && before.length === after.length) {
    before.forEach((b, i) => differences(b, after[i], [...path, i], out));
    return out;
  }
  if (isPlainObject(before) && isPlainObject(after)) {
    const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
    for (const key of [...keys].sort()) differences(before[key], after[key], [...path, key], out);
    return out;
  }
  if (typeof before === 'bigint' || typeof after === 'bigint') {
    if (String(before) !== String(after)) out.push({ path, before, after });
    return out;
  }
  out.push({ path, before, after });
  return out;
}

/** `spec.template.spec.containers[0].image` */
export function formatPath(path: Path): string {
  return path.reduce<string>((s, seg) => (typeof seg === 'number' ? `${s}[${seg}]` : s === '' ? seg : `${s}.${seg}`), '');
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
