/**
 * Schema of a balancer: `{ policy: <name>, panicThreshold?, ...policy options }`, one
 * variant per policy registered in components/balancer, discriminated on `policy`.
 */
import { z } from 'zod';
import { policyNames } from '../../components/balancer/index';
import { BALANCER_POLICY_OPTIONS } from './balancer-options';
import { BALANCER_DEFAULTS } from './defaults';
import { explained, percent } from './fields';

function policyVariant(policy: string) {
  return z
    .strictObject({
      policy: z.literal(policy).meta({ description: 'The balancing policy.' }),
      panicThreshold: percent.optional().meta({
        description: 'Envoy panic threshold: when fewer than this share of hosts is healthy, balance across all hosts.',
        default: BALANCER_DEFAULTS.panicThreshold,
      }),
      ...BALANCER_POLICY_OPTIONS[policy],
    })
    .meta({ description: `The ${policy} policy.` });
}

type PolicyVariant = ReturnType<typeof policyVariant>;

/** A balancer; the policy names come from `policyNames()`, so a new policy needs no change here. */
export const balancer = explained(z.discriminatedUnion('policy', policyNames().map(policyVariant) as [PolicyVariant, ...PolicyVariant[]]), {
  expected: 'a balancer { policy, ...options }',
  example: `{ policy: ${BALANCER_DEFAULTS.policy} }`,
}).meta({
    description: `Load balancer: { policy: ${policyNames().join(' | ')}, ...options }.`,
    default: { policy: BALANCER_DEFAULTS.policy },
  });

/** A validated balancer with its options' units parsed. */
export interface BalancerDoc {
  readonly policy: string;
  readonly panicThreshold?: number;
  readonly [option: string]: unknown;
}
