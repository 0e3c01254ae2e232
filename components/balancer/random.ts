import type { Env } from '../../sim/env';
import type { Endpoint } from './endpoint';
import type { Policy } from './policy';

/** Uniform random choice among candidates (ignores weights; see weighted policies). */
export function randomPolicy(env: Env): Policy {
  const rng = env.rng('balancer.random');
  return {
    name: 'random',
    choose: (candidates: readonly Endpoint[]) => candidates[rng.int(candidates.length)]!,
  };
}
