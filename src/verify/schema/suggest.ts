/**
 * The known field an unknown one was most likely meant to be. Only close
 * matches count: a different case, or at most two edits (a transposition is
 * one), which is what real typos look like.
 */
export interface Suggestion {
  field: string;
  /** Edits between the two names, ignoring case; 0 when only the case differs. */
  distance: number;
}

const MAX_DISTANCE = 2;

export function closestField(unknown: string, known: Iterable<string>): Suggestion | undefined {
  const wanted = unknown.toLowerCase();
  let best: Suggestion | undefined;
  for (const field of known) {
    if (Math.abs(field.length - unknown.length) > MAX_DISTANCE) continue;
    const distance = editDistance(wanted, field.toLowerCase());
    if (distance <= MAX_DISTANCE && (!best || distance < best.distance)) best = { field, distance };
  }
  // Very short names are two edits away from almost anything.
  return best && (best.distance === 0 || unknown.length > 3) ? best : undefined;
}

/** Optimal string alignment distance (Levenshtein plus adjacent transpositions). */
export function editDistance(a: string, b: string): number {
  let before = new Array<number>(b.length + 1).fill(0);
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, before[j - 2]! + 1);
      current.push(d);
    }
    before = previous;
    previous = current;
  }
  return previous[b.length]!;
}
