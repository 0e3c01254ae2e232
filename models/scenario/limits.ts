/**
 * Upper bounds on what a scenario may ask for, beside the reason for each. A bound sits
 * far beyond any run that finishes in reasonable time and far below what exhausts memory
 * or never ends, so a typo (`rate: 999999999999999999999/s`, `replications: 1e9`, a
 * pasted 50 MB log) is a one-line error instead of a hang. docs/scenarios.md ("Limits")
 * lists them all; a test keeps the list complete.
 *
 * The speeds the reasons quote are measured in docs/performance.md: 0.3 to 2 million
 * simulated requests per second of CPU, depending on the policies and the call graph.
 * Counts the model allocates per item (replicas, instances, …) are `COUNT_LIMITS` in
 * fields.ts.
 */

/** Bounds on the source text, checked before it is parsed. */
export const INPUT_LIMITS = Object.freeze({
  /**
   * Bytes of a scenario file. The largest shipped scenario is under 6 KiB; 1 MiB leaves
   * room for long empirical samples and step lists, and parses in a few seconds at worst,
   * where a 50 MB file took 15 s and 1.8 GB.
   */
  fileBytes: 1024 * 1024,
  /**
   * Nested mappings and lists. The deepest field of the format is 6 levels down
   * (`services.<name>.disk.fsync.samples`); the YAML composer recurses once per level and
   * overflows the stack near 800.
   */
  nestingDepth: 64,
});

/** Entries of the lists and mappings of a scenario, checked before the schema runs. */
export const LIST_LIMITS = Object.freeze({
  /** A model of a whole microservice estate; validation costs about 0.3 ms per service. */
  services: 1_000,
  clients: 1_000,
  /** A fault every 10 s for a day is 8,640. */
  faults: 10_000,
  /** Rate steps of one client: a day at 10 s steps is 8,640. */
  steps: 10_000,
  /** Call entries of one service: one to each of 1,000 services. */
  calls: 1_000,
  /** Values of one empirical distribution: 10,000 measurements put 10 of them above the p99.9. */
  samples: 10_000,
  /** Any other list or mapping; the longest the format needs is `weights`, one per replica. */
  other: 100_000,
});

const HOUR_MS = 3_600_000;

/** Bounds on the size of a run: simulated time, rates, replications and the work they add up to. */
export const RUN_LIMITS = Object.freeze({
  /**
   * Any duration (run, warm-up, fault times, timeouts): 30 days covers daily and weekly
   * cycles, and time, a double of milliseconds, still resolves 0.5 ns at 30 days, so
   * microsecond service times stay exact.
   */
  durationMs: 720 * HOUR_MS,
  /** Any rate: one simulated second at 10 million per second is already 5 to 30 s of CPU. */
  ratePerSec: 10_000_000,
  /**
   * Replications of one run: a 95% interval narrows as 1/√n, so 1,000 replications give
   * intervals 5.6 times narrower than 32 do; every replication's result is kept until the
   * run ends.
   */
  replications: 1_000,
  /**
   * Expected requests of a run, over all replications, downstream calls and gossip rounds
   * included: 10^10 is 1.4 to 9 hours of CPU at the measured speeds, beyond any run that
   * finishes in a working day and far below what a typo asks for.
   */
  requests: 1e10,
  /**
   * Time-series windows kept over all replications (each about 80 bytes until the run
   * ends): 10^7 is about 800 MB, within Node's default heap.
   */
  windows: 10_000_000,
});

/** `RUN_LIMITS.durationMs` as a user writes it. */
export const DURATION_MAX_TEXT = '720h';

/** Why each bound is what it is, as the hints of the errors say it. */
export const LIMIT_REASONS = Object.freeze({
  fileBytes: 'scenarios are written by hand (the largest shipped one is under 6 KiB); much larger files take minutes and gigabytes to load',
  nestingDepth: 'no scenario field is nested more than 6 levels deep, and deeper nesting would overflow the parser',
  documents: 'a scenario file holds one YAML document; split it into two files',
  list: 'longer lists take seconds to validate and are typos or generated data',
  duration: `${DURATION_MAX_TEXT} (30 days) is the longest duration: a month covers daily and weekly cycles, and the clock stays finer than a nanosecond`,
  rate: '10,000,000/s is the highest rate: one simulated second at that rate is 10 million requests, 5 to 30 s of CPU',
  replications: '1,000 replications is the limit: intervals narrow as 1/√n, and every replication is kept in memory until the run ends',
  requests: '10^10 requests is hours of CPU at 0.3 to 2 million simulated requests per second; shorten duration, lower the rates or run fewer replications',
  windows: 'each window is about 80 bytes kept until the run ends, so 10^7 is about 800 MB; widen window, shorten duration or run fewer replications',
  seed: 'larger integers are not exact in JavaScript, so replications would share seeds; use a smaller seed',
});

/** The largest seed: replication i runs seed + i, which must stay exact. */
export const SEED_MAX = Number.MAX_SAFE_INTEGER;
