import type { Env } from '../../sim/env';
import { balancerDefaults } from './defaults';
import { EdfScheduler } from './edf-scheduler';
import type { Endpoint } from './endpoint';
import type { Policy } from './policy';
import { checkKnownOptions, numberOption } from './policy-options';

/** Options of 'least-request', as written in a scenario (Envoy `LeastRequest`). */
export interface LeastRequestOptions {
  /**
   * Envoy `choice_count`: hosts sampled per pick when all weights are equal (default 2,
   * an integer in [1, 100]). 1 is uniform random; larger values approach a full scan.
   */
  readonly choices?: number;
  /**
   * Envoy `active_request_bias` (default 1.0, in [0, 10]): with unequal weights a host's
   * effective weight is weight / (active + 1)^bias. 0 ignores load (weighted round robin);
   * larger values steer away from busy hosts harder.
   */
  readonly activeRequestBias?: number;
}

const optionNames: readonly (keyof LeastRequestOptions)[] = ['choices', 'activeRequestBias'];

/**
 * Envoy's least-request policy, in its two modes:
 *
 * - All candidate weights equal: power of d choices. Sample `choices` hosts uniformly
 *   **with replacement** (as Envoy does, so with d = 2 the same host can be drawn twice)
 *   and keep the one with the fewest active requests; ties keep the earlier sample.
 * - Weights differ: an EDF schedule (as weighted-round-robin) over effective weights
 *   weight / (active + 1)^bias, each computed when the host is (re-)added to the schedule,
 *   that is at rebuild and right after it is picked, before its request is counted.
 *   Other hosts' effective weights are not refreshed until they are picked again, as in
 *   Envoy; the load feedback is approximate by design.
 *
 * Active counts are the balancer's own (requests this client has in flight), never the
 * server's queue. Random draws come from the 'balancer.least-request' stream.
 */
export function leastRequestPolicy(env: Env, options: Readonly<Record<string, unknown>> = {}): Policy {
  checkKnownOptions('least-request', options, optionNames);
  const choices = numberOption('least-request', options, 'choices', balancerDefaults.choices, {
    min: 1,
    max: balancerDefaults.choicesMax,
    integer: true,
  });
  const bias = numberOption('least-request', options, 'activeRequestBias', balancerDefaults.activeRequestBias, {
    min: 0,
    max: balancerDefaults.activeRequestBiasMax,
  });
  const rng = env.rng('balancer.least-request');
  let cached: readonly Endpoint[] | undefined;
  let scheduler: EdfScheduler<Endpoint> | undefined;
  const weightOf = (host: Endpoint): number => leastRequestWeight(host.weight, host.active, bias);

  function rebuild(candidates: readonly Endpoint[]): void {
    cached = candidates;
    scheduler = undefined;
    if (weightsAreEqual(candidates)) return;
    scheduler = new EdfScheduler<Endpoint>();
    for (const host of candidates) scheduler.add(weightOf(host), host);
  }

  return {
    name: 'least-request',
    choose(candidates: readonly Endpoint[]): Endpoint {
      if (candidates !== cached) rebuild(candidates);
      if (scheduler !== undefined) return scheduler.pickAndAdd(weightOf)!;
      let best = candidates[rng.int(candidates.length)]!;
      for (let i = 1; i < choices; i++) {
        const sampled = candidates[rng.int(candidates.length)]!;
        if (sampled.active < best.active) best = sampled;
      }
      return best;
    },
  };
}

/**
 * Envoy's effective weight of a host under least-request with unequal weights:
 * weight / (active + 1)^bias. Weight 2 with 4 active and bias 1 gives 0.4.
 */
export function leastRequestWeight(weight: number, active: number, bias: number): number {
  // The two common biases skip Math.pow, as Envoy does.
  if (bias === 1) return weight / (active + 1);
  if (bias === 0) return weight;
  return weight / Math.pow(active + 1, bias);
}

function weightsAreEqual(candidates: readonly Endpoint[]): boolean {
  const first = candidates[0]!.weight;
  for (const host of candidates) if (host.weight !== first) return false;
  return true;
}
