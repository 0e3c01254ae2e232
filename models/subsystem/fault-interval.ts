import type { FaultSpec } from '../scenario/types';

/** When a fault ends: after its `for`, or at the run's end (then it never heals). */
export function faultEndMs(fault: { readonly atMs: number; readonly forMs?: number }, durationMs: number): number {
  return Math.min(durationMs, fault.forMs === undefined ? Infinity : fault.atMs + fault.forMs);
}

/** A fault as it happened, for results and plots (end = run end if it never healed). */
export interface FaultInterval {
  readonly kind: FaultSpec['kind'];
  readonly startMs: number;
  readonly endMs: number;
  /** Nodes affected (crash, slow), or every node named in a partition; empty for loss. */
  readonly targets: readonly string[];
}
