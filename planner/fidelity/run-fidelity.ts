import type { FidelityCase, FidelityOutcome } from './fidelity-case';
import { evaluate } from './evaluate';

export interface FidelityProgress {
  readonly done: number;
  readonly total: number;
  readonly current: string;
}

/**
 * Run cases (each for its replications, seeds 1..r) and judge them. `runUnit` runs one
 * (case, seed) and may run elsewhere (a worker thread); results are gathered in case order,
 * so the report is the same whatever runs them.
 */
export async function runFidelity(
  cases: readonly FidelityCase[],
  options: { scale: number; runUnits?: (units: readonly { id: string; seed: number; scale: number }[], onDone: () => void) => Promise<number[]>; onProgress?: (p: FidelityProgress) => void },
): Promise<FidelityOutcome[]> {
  const units = cases.flatMap((c) => Array.from({ length: c.replications }, (_, i) => ({ id: c.id, seed: i + 1, scale: options.scale })));
  let done = 0;
  const tick = (current: string) => options.onProgress?.({ done: ++done, total: units.length, current });
  let values: number[];
  if (options.runUnits !== undefined) {
    values = await options.runUnits(units, () => tick(''));
  } else {
    const byId = new Map(cases.map((c) => [c.id, c]));
    values = units.map((u) => {
      const value = byId.get(u.id)!.run(u.seed, u.scale);
      tick(u.id);
      return value;
    });
  }
  let at = 0;
  return cases.map((c) => {
    const mine = values.slice(at, at + c.replications);
    at += c.replications;
    return evaluate(c, mine);
  });
}
