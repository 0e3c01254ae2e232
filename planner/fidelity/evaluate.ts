import { confidenceInterval, mean } from '../../sim/stats';
import type { FidelityCase, FidelityOutcome } from './fidelity-case';

/** Pool one case's replication values into its outcome and judge it against its tolerance. */
export function evaluate(c: FidelityCase, values: readonly number[]): FidelityOutcome {
  const simulated = mean(values);
  const ci95 = confidenceInterval(values);
  const relativeError = c.reference === 0 ? null : (simulated - c.reference) / Math.abs(c.reference);
  const t = c.tolerance;
  let pass: boolean;
  if (t.kind === 'absolute') pass = Math.abs(simulated - c.reference) <= t.value;
  else if (t.kind === 'atMost') pass = simulated <= c.reference * (1 + t.value);
  else pass = relativeError !== null && Math.abs(relativeError) <= t.value;
  return {
    id: c.id, area: c.area, title: c.title, params: c.params, reference: c.reference, source: c.source,
    tolerance: t, replications: values.length, simulated, ci95, relativeError, pass,
  };
}
