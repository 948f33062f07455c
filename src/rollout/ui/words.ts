import type { FleetView } from './fleet-view.js';

/** `0:07`, `12:30`, `1:02:03`: elapsed times as people read them on a clock. */
export function formatElapsed(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = String(total % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
}

/** `2/3 wave-1`: a wave as the plan numbers it for people (1-based), with its name. */
export function waveLabel(view: FleetView, index: number): string {
  const wave = view.waves.find((w) => w.index === index);
  const total = view.waves.length || index + 1;
  return `${index + 1}/${total} ${wave?.name ?? `wave-${index}`}`;
}

/** An ISO time without milliseconds: what log lines carry. */
export function isoSeconds(at: string | number): string {
  return new Date(at).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** `0.4s`, `12.3s`, `2m05s`, `1h02m`: a duration in a log line, precise when short. */
export function formatDuration(ms: number): string {
  const s = Math.max(0, ms) / 1000;
  if (s < 60) return `${s.toFixed(1)}s`;
  const total = Math.round(s);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const rest = String(total % 60).padStart(2, '0');
  return h > 0 ? `${h}h${String(m).padStart(2, '0')}m` : `${m}m${rest}s`;
}
