/** Number and time formatting shared by the views. */
import { format } from 'd3';

const integer = format(',d');
const decimal = format(',.1f');
const significant = format('~r');
const prefixed = format('~s');

/** A count with thousands separators. */
export const count = (n: number): string => (Number.isFinite(n) ? integer(Math.round(n)) : '–');

/** A count in at most four characters, for labels inside small glyphs: 950, 3.0k, 31k, 1.2M. */
export function shortCount(n: number): string {
  if (!Number.isFinite(n)) return '–';
  const x = Math.round(n);
  if (x < 1000) return String(x);
  if (x < 10_000) return `${(x / 1000).toFixed(1)}k`;
  if (x < 999_500) return `${Math.round(x / 1000)}k`;
  return x < 9_950_000 ? `${(x / 1e6).toFixed(1)}M` : `${Math.round(x / 1e6)}M`;
}

/** Milliseconds as a short duration: 850 µs, 12.3 ms, 4.56 s, 2m 05s, 1h 20m. */
export function duration(ms: number): string {
  if (!Number.isFinite(ms)) return '–';
  if (ms === 0) return '0 s';
  if (ms < 1) return `${Math.round(ms * 1000)} µs`;
  if (ms < 1000) return `${ms < 10 ? ms.toFixed(2) : ms < 100 ? ms.toFixed(1) : Math.round(ms)} ms`;
  const s = ms / 1000;
  if (s < 60) return `${s < 10 ? s.toFixed(2) : s.toFixed(1)} s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m}m ${String(Math.floor(s % 60)).padStart(2, '0')}s`;
  return `${Math.floor(m / 60)}h ${String(m % 60).padStart(2, '0')}m`;
}

/** A latency in ms with 3-4 significant figures. */
export function latency(ms: number): string {
  if (!Number.isFinite(ms)) return '–';
  if (ms >= 1000) return decimal(ms);
  return ms >= 100 ? ms.toFixed(1) : ms >= 10 ? ms.toFixed(2) : ms.toFixed(3);
}

/** A fraction as a percentage. */
export const percent = (fraction: number, digits = 1): string => (Number.isFinite(fraction) ? `${(fraction * 100).toFixed(digits)}%` : '–');

/** A speed factor: 0.1×, 2×, 1000×. */
export const speed = (factor: number): string => `${factor < 1 ? factor.toFixed(1) : Math.round(factor)}×`;

/**
 * An axis tick: zero as 0, values below 1,000 as written (0.5, 250), larger ones with an SI
 * prefix (1k, 2.5k, 20M). d3's own tick format gives every tick the prefix of the largest,
 * so an axis up to 2,000 read "0k, 0.5k, 1k …".
 */
export function tickNumber(value: number): string {
  if (!Number.isFinite(value)) return '–';
  if (value === 0) return '0';
  return Math.abs(value) < 1000 ? significant(value) : prefixed(value);
}
