import type { Env } from '../../sim/env';
import { ComponentError } from '../errors';
import { leastRequestPolicy } from './least-request';
import { leastRequestFullPolicy } from './least-request-full';
import { peakEwmaPolicy } from './peak-ewma';
import type { Policy, PolicyFactory } from './policy';
import { randomPolicy } from './random';
import { roundRobinPolicy } from './round-robin';
import { weightedRoundRobinPolicy } from './weighted-round-robin';
import { maglevPolicy } from './maglev-policy';
import { ringHashPolicy } from './ring-hash-policy';

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

/**
 * The policy registered as `name`, built with `options` (scenario options, units parsed).
 * Throws `balancer.unknown-policy` for a name that is not registered, with the names that
 * are; a registered policy throws `option.*` for bad options.
 */
export function createPolicy(name: string, env: Env, options: Readonly<Record<string, unknown>> = {}): Policy {
  // Own keys only: `policies.toString` is not a policy.
  if (!Object.hasOwn(policies, name)) {
    throw new ComponentError(
      'balancer.unknown-policy',
      `balancer: unknown policy ${JSON.stringify(name)}`,
      `one of ${policyNames().join(', ')}`,
    );
  }
  return policies[name]!(env, options);
}
