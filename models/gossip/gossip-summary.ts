import type { Histogram } from '../../sim/histogram';
import { round3 } from '../../sim/stats';

/**
 * `summary.gossip`, contract v1. Times in milliseconds, rates per second; a statistic with
 * no observation is null.
 *
 * - members: members at the start of the run.
 * - dissemination: per user event, from its creation until every member that was live at
 *   creation and still is has received it; `events` counts events created (events that
 *   never completed are counted there but have no time).
 * - detection: per crash, from the crash until the first member suspects (or declares
 *   dead) the crashed member, and until every member live at the crash and still live
 *   considers it dead or left. falsePositives: declarations `dead` about a member that was
 *   actually running, counted once per (member, incarnation).
 * - load: messages and bytes sent per live member per second (member-seconds of uptime).
 */
export interface GossipSummary {
  readonly members: number;
  readonly dissemination: {
    readonly fullMs: QuantileSummary;
    readonly events: number;
  };
  readonly detection: {
    readonly firstSuspectMs: QuantileSummary;
    readonly allDeadMs: QuantileSummary;
    readonly falsePositives: number;
  };
  readonly load: { readonly msgsPerMemberPerSec: number; readonly bytesPerMemberPerSec: number };
}

export interface QuantileSummary {
  readonly mean: number | null;
  readonly p50: number | null;
  readonly p99: number | null;
  readonly max: number | null;
}

/** mean, p50, p99 and max of `h` rounded to the microsecond; nulls when empty. */
export function quantiles(h: Histogram): QuantileSummary {
  if (h.count === 0) return { mean: null, p50: null, p99: null, max: null };
  return { mean: round3(h.mean), p50: round3(h.quantile(0.5)), p99: round3(h.quantile(0.99)), max: round3(h.max) };
}
