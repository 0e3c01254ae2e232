import { ComponentError } from '../errors';
import { kvDefaults } from './kv-defaults';

/** Versions keep this many low bits for the index of the writing coordinator. */
const NODE_BITS_FACTOR = 1_024;
/** Largest timestamp (µs) whose version stays an exact integer: 2^53 / 1024, about 101 days. */
const MICROS_MAX = Math.floor(Number.MAX_SAFE_INTEGER / NODE_BITS_FACTOR);

/**
 * Last-writer-wins versions by (timestamp, coordinator), as Cassandra orders writes: a
 * version is `micros · 1024 + nodeIndex`, where `micros` is the coordinator's clock in
 * microseconds, bumped so that it never repeats or goes back on one coordinator. Two
 * coordinators never produce the same version (their indexes differ), and a later write
 * on one coordinator always gets a greater version. Across coordinators, order follows
 * their clocks; in the simulator all clocks agree, so the latest write wins.
 *
 * Chosen over vector clocks because every operation here is a blind put of a whole
 * value: there is nothing to merge, and one number per key keeps stores and the
 * lost-write check small.
 */
export class VersionClock {
  private lastMicros = 0;

  /** @param nodeIndex index of this coordinator, integer in [0, 1023] */
  constructor(readonly nodeIndex: number) {
    if (!(Number.isInteger(nodeIndex) && nodeIndex >= 0 && nodeIndex <= kvDefaults.nodeIndexMax)) {
      throw new ComponentError(
        'argument.out-of-range',
        `kv: nodeIndex must be an integer in [0, ${kvDefaults.nodeIndexMax}], got ${nodeIndex}`,
      );
    }
  }

  /** A fresh version at `nowMs`, greater than every version this clock gave before. O(1). */
  next(nowMs: number): number {
    const micros = Math.max(Math.floor(nowMs * 1000), this.lastMicros + 1);
    if (micros > MICROS_MAX) {
      throw new ComponentError('kv.clock-overflow', `kv: clock at ${nowMs} ms is past the version range (${MICROS_MAX / 1000} ms)`);
    }
    this.lastMicros = micros;
    return micros * NODE_BITS_FACTOR + this.nodeIndex;
  }
}

/** The coordinator clock (ms) at which `version` was made. */
export function versionTimeMs(version: number): number {
  return Math.floor(version / NODE_BITS_FACTOR) / 1000;
}

/** The index of the coordinator that made `version`. */
export function versionNode(version: number): number {
  return version % NODE_BITS_FACTOR;
}
