import { runReplication } from '../../../models/run/run-scenario';
import { mmcWait } from '../../theory/queueing';
import type { FidelityCase } from '../fidelity-case';
import { singleStation } from './station';

const LAMBDA = 40; // per second
const SERVICE_MS = 100;
const SLO_WAIT_MS = 50;

/** The smallest core count whose mean wait meets the SLO, by Erlang C. */
function analyticCores(): number {
  for (let c = Math.ceil((LAMBDA * SERVICE_MS) / 1000 + 1e-9); ; c++) if (mmcWait(c, LAMBDA / 1000, 1 / SERVICE_MS) < SLO_WAIT_MS) return c;
}

/** The same answer by simulation: the smallest c (searched upwards) whose simulated mean wait meets the SLO. */
function simulatedCores(seed: number, scale: number): number {
  for (let c = Math.ceil((LAMBDA * SERVICE_MS) / 1000 + 1e-9); c < 64; c++) {
    const scenario = singleStation({
      arrival: { process: 'poisson', steps: [{ atMs: 0, ratePerSec: LAMBDA }] },
      serviceTime: { dist: 'exponential', mean: SERVICE_MS }, cores: c, discipline: 'fifo', customers: 400_000 * scale, lambdaPerSec: LAMBDA,
    });
    if (runReplication(scenario, seed).latencyMs.mean - SERVICE_MS < SLO_WAIT_MS) return c;
  }
  return Infinity;
}

export const planningCases: FidelityCase[] = [
  {
    id: 'planning/cores-for-wait', area: 'planning', title: 'cores needed for mean wait < 50 ms', params: 'λ = 40/s, mean service 100 ms (M/M/c)',
    reference: analyticCores(), source: 'Erlang C: Wq = C/(cμ−λ) (the planner\'s analytic start)',
    tolerance: { kind: 'absolute', value: 0 }, replications: 3,
    run: simulatedCores,
  },
];
