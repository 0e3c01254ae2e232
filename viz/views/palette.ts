/**
 * Colours: the Okabe–Ito palette (Okabe & Ito, "Color Universal Design", 2008), safe for
 * the common forms of colour blindness, for categories; a single-hue blue ramp for
 * quantities (utilisation), so order reads as lightness. Marks that matter (crashed,
 * slow, partitioned) also differ by shape or stroke, never by colour alone.
 */
import { interpolateBlues } from 'd3';

export const OKABE_ITO = Object.freeze({
  orange: '#E69F00',
  skyBlue: '#56B4E9',
  bluishGreen: '#009E73',
  yellow: '#F0E442',
  blue: '#0072B2',
  vermillion: '#D55E00',
  reddishPurple: '#CC79A7',
  black: '#000000',
});

/** What each colour means across the views. */
export const COLORS = Object.freeze({
  request: OKABE_ITO.blue,
  ok: OKABE_ITO.bluishGreen,
  failed: OKABE_ITO.vermillion,
  p50: OKABE_ITO.blue,
  p99: OKABE_ITO.orange,
  down: '#b8b8b8',
  /** A node not added yet: an empty glyph. */
  absent: '#ffffff',
  ink: '#1d2330',
  muted: '#6b7280',
  grid: '#e5e7eb',
});

/** Shading of fault intervals by kind, and of the warm-up. */
export const FAULT_COLORS: Readonly<Record<string, string>> = Object.freeze({
  crash: OKABE_ITO.vermillion,
  slow: OKABE_ITO.orange,
  partition: OKABE_ITO.reddishPurple,
  loss: OKABE_ITO.skyBlue,
  errors: OKABE_ITO.yellow,
  other: '#999999',
});

export const faultColor = (kind: string): string => FAULT_COLORS[kind] ?? FAULT_COLORS.other!;

/** The utilisation ramp in 1% steps, computed once: views look colours up per frame. */
const RAMP: readonly string[] = Array.from({ length: 101 }, (_, i) => interpolateBlues(0.08 + 0.92 * (i / 100)));

/** Utilisation 0..1 to a fill, light (idle) to dark (saturated), in steps of `step` (0.01 = 1%). */
export function utilizationColor(utilization: number, step = 0.01): string {
  const clamped = Math.min(1, Math.max(0, Number.isFinite(utilization) ? utilization : 0));
  return RAMP[Math.round(Math.round(clamped / step) * step * 100)]!;
}

/** Text colour readable on `utilizationColor(utilization)`. */
export const textOn = (utilization: number): string => (utilization > 0.55 ? '#ffffff' : COLORS.ink);

/** Category colours in a fixed order, for members and series (black last: it reads as text). */
export const NODE_COLORS = [OKABE_ITO.blue, OKABE_ITO.orange, OKABE_ITO.bluishGreen, OKABE_ITO.vermillion, OKABE_ITO.reddishPurple, OKABE_ITO.skyBlue, OKABE_ITO.yellow, OKABE_ITO.black];
export const nodeColor = (i: number): string => NODE_COLORS[i % NODE_COLORS.length]!;
