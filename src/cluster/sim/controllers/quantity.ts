/** Kubernetes resource quantities as numbers: CPU in millicores, memory in bytes. */
const SUFFIXES: Record<string, number> = {
  '': 1, m: 1e-3, k: 1e3, M: 1e6, G: 1e9, T: 1e12, P: 1e15, E: 1e18,
  Ki: 2 ** 10, Mi: 2 ** 20, Gi: 2 ** 30, Ti: 2 ** 40, Pi: 2 ** 50, Ei: 2 ** 60,
};

/** The quantity's value in base units (`500m` → 0.5, `1Gi` → 1073741824); 0 when unreadable. */
export function parseQuantity(quantity: unknown): number {
  if (typeof quantity === 'number') return quantity;
  if (typeof quantity !== 'string') return 0;
  const match = /^([+-]?[0-9.]+(?:[eE][+-]?[0-9]+)?)([a-zA-Z]*)$/.exec(quantity.trim());
  if (!match) return 0;
  const factor = SUFFIXES[match[2]!];
  return factor === undefined ? 0 : Number(match[1]) * factor;
}

export function milliCpu(quantity: unknown): number {
  return Math.round(parseQuantity(quantity) * 1000);
}
