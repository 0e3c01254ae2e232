import type { Env } from '../../sim/env';
import type { Endpoint } from './endpoint';
import type { Policy } from './policy';
import { checkKnownOptions } from './policy-options';

/**
 * Join the shortest queue: scan every candidate and pick one with the fewest active
 * requests, ties broken uniformly at random among the minima (Envoy's least-request
 * `FULL_SCAN` selection method). Weights are ignored.
 *
 * Ties use reservoir sampling in one pass: the k-th host found at the current minimum
 * replaces the choice with probability 1/k, so each of the tied hosts wins with equal
 * probability; a draw from 'balancer.least-request-full' is made only on a tie.
 *
 * Options: none. Picks cost O(n); prefer least-request (P2C) above a few hundred hosts.
 */
export function leastRequestFullPolicy(env: Env, options: Readonly<Record<string, unknown>> = {}): Policy {
  checkKnownOptions('least-request-full', options, []);
  const rng = env.rng('balancer.least-request-full');
  return {
    name: 'least-request-full',
    choose(candidates: readonly Endpoint[]): Endpoint {
      let best = candidates[0]!;
      let fewest = best.active;
      let tiedCount = 1;
      for (let i = 1; i < candidates.length; i++) {
        const host = candidates[i]!;
        if (host.active < fewest) {
          best = host;
          fewest = host.active;
          tiedCount = 1;
        } else if (host.active === fewest) {
          tiedCount++;
          if (rng.int(tiedCount) === 0) best = host;
        }
      }
      return best;
    },
  };
}
