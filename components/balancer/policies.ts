import type { PolicyFactory } from './policy';
import { randomPolicy } from './random';
import { roundRobinPolicy } from './round-robin';

/**
 * Every balancing policy by its scenario name. Add a policy here and it is available in
 * scenarios, the CLI and the planner's `--vary`.
 */
export const policies: Readonly<Record<string, PolicyFactory>> = Object.freeze({
  random: (env) => randomPolicy(env),
  'round-robin': () => roundRobinPolicy(),
});

export const policyNames = (): string[] => Object.keys(policies);
