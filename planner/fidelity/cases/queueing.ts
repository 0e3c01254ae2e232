import { moments } from '../../../models/sampling/distributions';
import { runReplication } from '../../../models/run/run-scenario';
import type { ArrivalSpec, DistSpec, Scenario } from '../../../models/scenario/types';
import { mm1SojournQuantile, mmcSojourn, pkWait } from '../../theory/queueing';
import type { FidelityCase } from '../fidelity-case';
import { singleStation } from './station';

const KLEINROCK = 'Kleinrock, Queueing Systems vol. 1';

/** Customers per replication at scale 1. */
const CUSTOMERS = 1_000_000;

function station(lambdaPerSec: number, serviceTime: DistSpec, cores: number, scale: number, discipline: 'fifo' | 'ps' = 'fifo'): Scenario {
  const arrival: ArrivalSpec = { process: 'poisson', steps: [{ atMs: 0, ratePerSec: lambdaPerSec }] };
  return singleStation({ arrival, serviceTime, cores, discipline, customers: CUSTOMERS * scale, lambdaPerSec });
}

const exp1s: DistSpec = { dist: 'exponential', mean: 1000 };
const lognormal: DistSpec = { dist: 'lognormal', median: 800, p99: 4000 };
const lognormalMoments = moments(lognormal);
const lognormalLambda = (0.7 / lognormalMoments.mean) * 1000;

export const queueingCases: FidelityCase[] = [
  {
    id: 'queueing/mm1-mean', area: 'queueing', title: 'M/M/1 mean time in system (ms)', params: 'λ = 0.8/s, μ = 1/s',
    reference: 1000 * mmcSojourn(1, 0.8, 1), source: `W = 1/(μ−λ); ${KLEINROCK}`,
    tolerance: { kind: 'relative', value: 0.02 }, replications: 5,
    run: (seed, scale) => runReplication(station(0.8, exp1s, 1, scale), seed).latencyMs.mean,
  },
  {
    id: 'queueing/mm1-p99', area: 'queueing', title: 'M/M/1 sojourn p99 (ms)', params: 'λ = 0.8/s, μ = 1/s',
    reference: 1000 * mm1SojournQuantile(0.99, 0.8, 1), source: `T ~ Exp(μ−λ): ln(100)/(μ−λ); ${KLEINROCK}`,
    tolerance: { kind: 'relative', value: 0.03 }, replications: 5,
    run: (seed, scale) => runReplication(station(0.8, exp1s, 1, scale), seed).latencyMs.p99,
  },
  {
    id: 'queueing/mm4-mean', area: 'queueing', title: 'M/M/4 mean time in system (ms)', params: 'λ = 3.2/s, μ = 1/s, c = 4',
    reference: 1000 * mmcSojourn(4, 3.2, 1), source: `Erlang C, W = C/(cμ−λ) + 1/μ; ${KLEINROCK}`,
    tolerance: { kind: 'relative', value: 0.02 }, replications: 5,
    run: (seed, scale) => runReplication(station(3.2, exp1s, 4, scale), seed).latencyMs.mean,
  },
  ...[0.5, 0.9].map((lambda): FidelityCase => ({
    id: `queueing/md1-wait-${lambda}`, area: 'queueing', title: 'M/D/1 mean wait (ms)', params: `λ = ${lambda}/s, D = 1 s`,
    reference: 1000 * pkWait(lambda, 1, 1), source: 'Pollaczek–Khinchine, Wq = λE[S²]/(2(1−ρ))',
    tolerance: { kind: 'relative', value: 0.03 }, replications: 5,
    run: (seed, scale) => runReplication(station(lambda, { dist: 'constant', value: 1000 }, 1, scale * (lambda > 0.8 ? 3 : 1)), seed).latencyMs.mean - 1000,
  })),
  {
    id: 'queueing/mg1-lognormal-wait', area: 'queueing', title: 'M/G/1 mean wait, lognormal service (ms)', params: 'median 800 ms, p99 4 s, ρ = 0.7',
    reference: pkWait(lognormalLambda / 1000, lognormalMoments.mean, lognormalMoments.secondMoment), source: 'Pollaczek–Khinchine',
    tolerance: { kind: 'relative', value: 0.03 }, replications: 5,
    run: (seed, scale) => runReplication(station(lognormalLambda, lognormal, 1, scale * 2), seed).latencyMs.mean - lognormalMoments.mean,
  },
  {
    id: 'queueing/mm1-ps-mean', area: 'queueing', title: 'M/M/1-PS mean time in system (ms)', params: 'λ = 0.8/s, μ = 1/s',
    reference: 5000, source: 'M/M/1-PS has the FIFO mean 1/(μ−λ); Kleinrock vol. 2 §4.4',
    tolerance: { kind: 'relative', value: 0.03 }, replications: 5,
    run: (seed, scale) => runReplication(station(0.8, exp1s, 1, scale, 'ps'), seed).latencyMs.mean,
  },
  {
    id: 'queueing/little-closed', area: 'queueing', title: "Little's law on a closed loop: X·(R + Z) = N", params: '10 users, Z = 4 s, S = 0.5 s',
    reference: 10, source: 'Little (1961); the interactive response time law',
    tolerance: { kind: 'relative', value: 0.01 }, replications: 5,
    run: (seed, scale) => {
      const closed = singleStation({
        arrival: { process: 'closed', users: 10, thinkTime: { dist: 'exponential', mean: 4000 } },
        serviceTime: { dist: 'exponential', mean: 500 }, cores: 1, discipline: 'fifo', customers: 500_000 * scale, lambdaPerSec: 2,
      });
      const r = runReplication(closed, seed);
      return (r.throughputPerSec / 1000) * (r.latencyMs.mean + 4000);
    },
  },
];
