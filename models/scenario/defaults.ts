/**
 * Defaults of optional scenario fields, written as a user would write them so the JSON
 * Schema and docs show them verbatim. The loader fills them in one place
 * (`normalise.ts`); the schema only displays them.
 */

/** Run settings at the top of the file. */
export const RUN_DEFAULTS = Object.freeze({
  /** Measure from time 0: a hidden warm-up would silently drop data the user did not ask to drop. */
  warmup: '0s',
  /** One replication is the cheapest run; confidence intervals need several, asked for explicitly. */
  replications: 1,
  /** 1 s windows show a fault's effect yet keep an hour-long series to 3600 points. */
  window: '1s',
});

export const NETWORK_DEFAULTS = Object.freeze({
  /** A lossless network: losses come from faults or are asked for, never by surprise. */
  loss: '0%',
});

export const SERVICE_DEFAULTS = Object.freeze({
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
