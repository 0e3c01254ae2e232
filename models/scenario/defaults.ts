/**
 * Defaults of optional scenario fields, written as a user would write them so the JSON
 * Schema and docs show them verbatim. The loader fills them in one place
 * (`normalise.ts`); the schema only displays them.
 */
import type { UnitResult } from './units';

/** Run settings at the top of the file. */
export const RUN_DEFAULTS = Object.freeze({
  /** Measure from time 0: a hidden warm-up would silently drop data the user did not ask to drop. */
  warmup: '0s',
  /** One replication is the cheapest run; confidence intervals need several, asked for explicitly. */
  replications: 1,
  /**
   * The narrowest default window: 1 s shows a fault's effect. Longer runs get
   * `defaultWindowMs`: about 1,000 windows whatever the duration, since nobody reads
   * 100,000 points and closing each costs two quantiles.
   */
  window: '1s',
});

/** Windows a run gets by default, at most (about; the width is rounded up to a readable one). */
export const DEFAULT_WINDOWS = 1000;

/** Readable window widths (ms): 1-2-5 steps and the clock's minutes and hours. */
const READABLE_WIDTHS_MS = [1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 10_800, 21_600, 43_200, 86_400].map((s) => s * 1000);

/**
 * The default window of a run of `durationMs`: the larger of `minimumMs` (RUN_DEFAULTS.window)
 * and duration / 1,000, rounded up to a readable width (2 s, 5 s, 10 s, 15 s, 30 s, 1 m, …
 * 1 d, then whole days).
 */
export function defaultWindowMs(durationMs: number, minimumMs: number): number {
  const wanted = durationMs / DEFAULT_WINDOWS;
  if (wanted <= minimumMs) return minimumMs;
  const day = READABLE_WIDTHS_MS[READABLE_WIDTHS_MS.length - 1]!;
  return READABLE_WIDTHS_MS.find((width) => width >= wanted) ?? Math.ceil(wanted / day) * day;
}

export const NETWORK_DEFAULTS = Object.freeze({
  /** A lossless network: losses come from faults or are asked for, never by surprise. */
  loss: '0%',
});

export const SERVICE_DEFAULTS = Object.freeze({
  /** A plain service unless asked: other kinds (a KV store, a gossip cluster) are opt-in. */
  kind: 'service' as const,
  /** One replica: the simplest system; scale-out is what users vary. */
  replicas: 1,
  /** One core per replica, the M/M/1 textbook case. */
  cores: 1,
  /** FIFO, the textbook M/M/c discipline; processor sharing is asked for explicitly. */
  discipline: 'fifo' as const,
  /** Replicas answer correctly unless errors are modelled on purpose. */
  errorRate: '0%',
  /** 1 KiB: a typical small JSON request body with headers; only matters with a bandwidth. */
  requestSize: '1KiB',
  /** 1 KiB, as for requests. */
  responseSize: '1KiB',
});

export const CALL_DEFAULTS = Object.freeze({
  /** One downstream call per request. */
  count: 1,
  /** Sequential calls, the simpler and more common code path. */
  parallel: false,
});

export const CLIENT_DEFAULTS = Object.freeze({
  /** One client instance, so one balancer sees all the traffic. */
  instances: 1,
});

export const BALANCER_DEFAULTS = Object.freeze({
  /** Round-robin: deterministic and what most proxies do out of the box. */
  policy: 'round-robin',
  /** Envoy's default: below 50% healthy hosts, balance across all hosts. */
  panicThreshold: '50%',
});

/** The value of a default written as text above (or in a part's defaults); failing to parse one is a bug. */
export function parsedDefault(parse: (raw: unknown) => UnitResult, written: string): number {
  const result = parse(written);
  if (!result.ok) throw new Error(`scenario: default "${written}" does not parse: expected ${result.expected}`);
  return result.value;
}
