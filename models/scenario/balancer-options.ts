/**
 * Options each balancing policy accepts in a scenario, besides `policy` and
 * `panicThreshold` (common to all). One entry per policy with options: its keys and their
 * schemas, built from the leaves of `fields.ts` so units are parsed (`decay: 10s` reaches
 * the policy factory as 10000). Each field must be optional and carry a `description`,
 * and the policy factory must default it.
 *
 * A policy registered in components/balancer `policies` without an entry here takes no
 * options. For example, a power-of-two-choices policy would add:
 *
 *   'least-request': {
 *     choices: positiveInteger(2).optional().meta({ description: 'Hosts sampled per pick, e.g. 2.' }),
 *   },
 */
import type { z } from 'zod';

export const BALANCER_POLICY_OPTIONS: Readonly<Record<string, z.ZodRawShape>> = Object.freeze({
  random: {},
  'round-robin': {},
});
