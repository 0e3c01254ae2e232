import { runReplication } from '../../../models/run/run-scenario';
import { Balancer, weightedRoundRobinPolicy } from '../../../components/balancer/index';
import type { Env } from '../../../sim/env';
import { SeededRng } from '../../../sim/rng';
import type { FidelityCase } from '../fidelity-case';
import { singleStation } from './station';

/** The supermarket model's mean time in system as n → ∞: Σ_{i≥1} λ^((d^i − d)/(d − 1)). */
export function supermarketLimit(lambda: number, d: number): number {
  if (d === 1) return 1 / (1 - lambda);
  let sum = 0;
  for (let i = 1; i < 60; i++) sum += Math.pow(lambda, (Math.pow(d, i) - d) / (d - 1));
  return sum;
}

const N = 100;
const UNIT_MS = 100;
const MITZENMACHER = 'Vvedenskaya, Dobrushin & Karpelevich 1996; Mitzenmacher 2001';

/** n = 100 exp(1) FIFO servers, one client with a full view, mean time in system in service units. */
function supermarket(lambda: number, policy: string, options: Record<string, unknown>, seed: number, scale: number): number {
  const ratePerSec = (lambda * N * 1000) / UNIT_MS;
  const scenario = singleStation({
    arrival: { process: 'poisson', steps: [{ atMs: 0, ratePerSec }] },
    serviceTime: { dist: 'exponential', mean: UNIT_MS },
    cores: 1, discipline: 'fifo', customers: 400_000 * scale, lambdaPerSec: ratePerSec, replicas: N, policy, policyOptions: options,
  });
  return runReplication(scenario, seed).latencyMs.mean / UNIT_MS;
}

export const balancingCases: FidelityCase[] = [
  {
    id: 'balancing/random-mm1', area: 'balancing', title: 'random over 100 servers = M/M/1 (service units)', params: 'λ = 0.8 per server',
    reference: supermarketLimit(0.8, 1), source: 'independent M/M/1 queues, W = 1/(1−λ)',
    tolerance: { kind: 'relative', value: 0.03 }, replications: 5,
    run: (seed, scale) => supermarket(0.8, 'random', {}, seed, scale),
  },
  ...[0.5, 0.7, 0.8].map((lambda): FidelityCase => ({
    id: `balancing/p2c-${lambda}`, area: 'balancing', title: 'least-request d = 2, mean time in system (service units)', params: `n = 100, λ = ${lambda}`,
    reference: supermarketLimit(lambda, 2), source: `${MITZENMACHER} (n → ∞ limit; finite n sits slightly above)`,
    tolerance: { kind: 'relative', value: 0.04 }, replications: 5,
    run: (seed, scale) => supermarket(lambda, 'least-request', { choices: 2 }, seed, scale),
  })),
  {
    id: 'balancing/p3c-0.8', area: 'balancing', title: 'least-request d = 3, mean time in system (service units)', params: 'n = 100, λ = 0.8',
    reference: supermarketLimit(0.8, 3), source: MITZENMACHER,
    tolerance: { kind: 'relative', value: 0.04 }, replications: 5,
    run: (seed, scale) => supermarket(0.8, 'least-request', { choices: 3 }, seed, scale),
  },
  {
    id: 'balancing/wrr-share', area: 'balancing', title: 'weighted round robin: share of the weight-3 host', params: 'weights 1, 2, 3; 10⁵ picks',
    reference: 0.5, source: 'Envoy EDF scheduler: shares equal weights',
    tolerance: { kind: 'relative', value: 0.01 }, replications: 3,
    run: (seed, scale) => {
      // The policy needs only a random stream from its Env.
      const env = { rng: (stream: string) => new SeededRng(seed, stream) } as unknown as Env;
      const balancer = new Balancer(weightedRoundRobinPolicy(env, {}));
      balancer.setHosts([{ id: 'a', weight: 1 }, { id: 'b', weight: 2 }, { id: 'c', weight: 3 }]);
      const picks = Math.round(100_000 * scale) + seed; // the schedule is deterministic: vary the count
      let c = 0;
      for (let i = 0; i < picks; i++) if (balancer.pick()!.id === 'c') c++;
      return c / picks;
    },
  },
];
