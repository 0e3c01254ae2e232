import type { FaultSpec } from '../scenario/types';

/** A fault as it happened, for results and plots (end = run end if it never healed). */
export interface FaultInterval {
  readonly kind: FaultSpec['kind'];
  readonly startMs: number;
  readonly endMs: number;
  /** Nodes affected (crash, slow), or every node named in a partition; empty for loss. */
  readonly targets: readonly string[];
}
