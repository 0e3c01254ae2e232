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

/** Fields of a `kind: kv` service (see docs/components/kv.md for the reasons in full). */
export const KV_DEFAULTS = Object.freeze({
  /** A plain service unless asked: the KV model is opt-in. */
  kind: 'service' as const,
  /** Three copies, Dynamo's and Cassandra's usual N. */
  replication: 3,
  /** Ketama's 160 points per node: a node's share within about 8%. */
  vnodes: 160,
  /** The plain consistent-hash ring, as Dynamo and Cassandra place replicas. */
  placement: 'ring' as const,
  /** Bounded loads' c = 1.25: every node within 25% of the mean, short walks. */
  balanceFactor: 1.25,
  /** 20 µs per key read or written: an in-memory B+tree operation plus request handling. */
  storageTime: '20us',
  /** fsync of a cloud block volume: about 1 ms, with a tail. */
  fsync: Object.freeze({ dist: 'lognormal' as const, median: '1ms', p99: '5ms' }),
  /** 1 Gbit/s (125 MB/s), a general-purpose cloud volume's baseline throughput. */
  diskBandwidth: '1Gbps',
  /** Cassandra's stream_throughput_outbound default, 200 Mbit/s. */
  streamBandwidth: '200Mbps',
  /** Above a healthy round trip plus an fsync, well below Cassandra's 2 s write timeout. */
  replicaTimeout: '500ms',
  /** Sloppy quorum and hinted handoff, as in Dynamo. */
  hintedHandoff: true,
  /** Read repair, as in Dynamo and Cassandra. */
  readRepair: true,
  /** Start with every key of the clients' key spaces stored, as a benchmark's load phase does. */
  preload: true,
});

/** Fields of a client whose target is a kv service. */
export const KV_CLIENT_DEFAULTS = Object.freeze({
  /** Read-heavy, as most KV workloads (YCSB's workload B is 95/5). */
  ops: Object.freeze({ get: 0.9, put: 0.1 }),
  /** YCSB's default record: 10 fields of 100 bytes. */
  valueSize: '1KB',
});

/** Largest preloaded data set: key count × replication copies (about 80 bytes of memory each). */
export const KV_PRELOAD_COPIES_MAX = 3_000_000;
