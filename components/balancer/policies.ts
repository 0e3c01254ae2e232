import { leastRequestPolicy } from './least-request';
import { leastRequestFullPolicy } from './least-request-full';
import { peakEwmaPolicy } from './peak-ewma';
import type { PolicyFactory } from './policy';
import { randomPolicy } from './random';
import { roundRobinPolicy } from './round-robin';
import { weightedRoundRobinPolicy } from './weighted-round-robin';
import { maglevPolicy } from '../ring/maglev-policy';
import { ringHashPolicy } from '../ring/ring-hash-policy';

/**
 * Every balancing policy by its scenario name. Add a policy here and it is available in
 * scenarios, the CLI and the planner's `--vary`.
 */
export const policies: Readonly<Record<string, PolicyFactory>> = Object.freeze({
  random: (env) => randomPolicy(env),
  'round-robin': () => roundRobinPolicy(),
  'weighted-round-robin': (env, options) => weightedRoundRobinPolicy(env, options),
  'least-request': (env, options) => leastRequestPolicy(env, options),
  'least-request-full': (env, options) => leastRequestFullPolicy(env, options),
  /** Join the shortest queue: another name for least-request-full. */
  jsq: (env, options) => leastRequestFullPolicy(env, options),
  'peak-ewma': (env, options) => peakEwmaPolicy(env, options),
  /** Consistent hashing on the request key (Envoy RING_HASH); see components/ring. */
  'ring-hash': (env, options) => ringHashPolicy(env, options),
  /** Maglev table lookup on the request key (Envoy MAGLEV). */
  maglev: (env, options) => maglevPolicy(env, options),
});

export const policyNames = (): string[] => Object.keys(policies);
