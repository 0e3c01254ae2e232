import type { FaultInterval } from '../../models/subsystem/fault-interval';

/** A fault interval as drawn: faults of one kind over the same interval are one band. */
export interface FaultBand {
  readonly kind: string;
  readonly startMs: number;
  readonly endMs: number;
  readonly targets: readonly string[];
  /** "crash api-1", "slow 50 nodes", "loss". */
  readonly label: string;
}

/** Merge faults of the same kind and interval (a rack of 50 crashes is one band). */
export function faultBands(faults: readonly FaultInterval[]): FaultBand[] {
  const merged = new Map<string, { kind: string; startMs: number; endMs: number; targets: string[] }>();
  for (const fault of faults) {
    const key = `${fault.kind}@${fault.startMs}-${fault.endMs}`;
    const band = merged.get(key) ?? { kind: fault.kind, startMs: fault.startMs, endMs: fault.endMs, targets: [] };
    for (const target of fault.targets) band.targets.push(target);
    merged.set(key, band);
  }
  return [...merged.values()].map((band) => {
    const targets = band.targets.length > 2 ? `${band.targets.length} nodes` : band.targets.join(', ');
    return { ...band, label: targets === '' ? band.kind : `${band.kind} ${targets}` };
  });
}
