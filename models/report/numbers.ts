/** Numbers for people, as every report (table, Markdown, planner, viz) writes them. */

/** A number for people: thousands separators, a few significant decimals. */
export function num(x: number, decimals = 1): string {
  if (!Number.isFinite(x)) return '-';
  return x.toLocaleString('en-US', { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
}

export function int(x: number): string {
  return Number.isFinite(x) ? Math.round(x).toLocaleString('en-US') : '-';
}

export function pct(x: number, decimals = 1): string {
  return Number.isFinite(x) ? `${(x * 100).toFixed(decimals)}%` : '-';
}

/** A latency in ms with a precision that suits its size. */
export function ms(x: number): string {
  if (!Number.isFinite(x)) return '-';
  const size = Math.abs(x);
  if (size >= 100) return num(x, 1);
  if (size >= 1) return num(x, 2);
  return num(x, 3);
}

/** A rate or other magnitude, with the same precision rule as `ms` (0.800/s, 14.50/s, 2,393.3/s). */
export const magnitude = ms;

export function interval(ci: readonly [number, number] | null, fmt: (x: number) => string = ms): string {
  if (ci === null) return '-';
  return `[${fmt(ci[0])}, ${fmt(ci[1])}]`;
}

/** Milliseconds as a short human duration: 0s, 250ms, 1.5s, 2m30s, 69h26m40s. */
export function duration(x: number): string {
  if (x === 0) return '0s';
  if (x < 1000) return `${num(x, 0)}ms`;
  if (x < 60_000) return `${+(x / 1000).toFixed(1)}s`;
  const seconds = Math.round(x / 1000);
  const h = Math.floor(seconds / 3600);
  const m = Math.floor(seconds / 60) % 60;
  const s = seconds % 60;
  const rest = s === 0 ? (m === 0 ? '' : `${m}m`) : `${m}m${s}s`;
  return h === 0 ? rest : `${h}h${rest}`;
}

/** A byte count in binary units: 512 B, 1.5 KiB, 3.0 MiB, 1.2 GiB. */
export function bytes(x: number): string {
  if (x >= 2 ** 30) return `${num(x / 2 ** 30, 1)} GiB`;
  if (x >= 2 ** 20) return `${num(x / 2 ** 20, 1)} MiB`;
  if (x >= 2 ** 10) return `${num(x / 2 ** 10, 1)} KiB`;
  return `${int(x)} B`;
}
