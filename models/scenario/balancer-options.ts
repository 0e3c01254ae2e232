/**
 * Options each balancing policy accepts in a scenario, besides `policy` and
 * `panicThreshold` (common to all). One entry per policy with options: its keys and their
 * schemas, built from the leaves of `fields.ts` so units are parsed (`decay: 10s` reaches
 * the policy factory as 10000, in ms, under the key as written). Each field is optional,
 * carries a `description` naming its default, and mirrors the range the policy factory
 * accepts, so a bad value is a scenario problem with a line number rather than an error
 * thrown while the simulation is built.
 *
 * A policy registered in components/balancer `policies` without an entry here takes no
 * options.
 */
import type { z } from 'zod';
import { balancerDefaults } from '../../components/balancer/index';
import { integerBetween, numberBetween, positiveDurationAtMost } from './fields';

/** The policies' largest accepted duration, as written in a scenario. */
const DURATION_MAX_TEXT = `${balancerDefaults.durationMsMax / 1000}s`;

export const BALANCER_POLICY_OPTIONS: Readonly<Record<string, z.ZodRawShape>> = Object.freeze({
  'ring-hash': {
    vnodes: integerBetween(1, 2 ** 20, 160).optional().meta({
      description: 'Ring points for the lightest host (others by weight). Default: ⌈minimumRingSize / hosts⌉, Envoy\'s rule.',
    }),
    minimumRingSize: integerBetween(1, 8_388_608, 1024).optional().meta({ description: 'Envoy minimum_ring_size: total points aimed for. Default 1024.' }),
  },
  maglev: {
    tableSize: integerBetween(7, 5_000_011, 65537).optional().meta({ description: 'Envoy table_size, a prime. Default 65537.' }),
  },
  random: {},
  'round-robin': {},
  'least-request': {
    choices: integerBetween(1, balancerDefaults.choicesMax, 2).optional().meta({
      description: `Hosts sampled per pick; the one with the fewest active requests wins (Envoy choice_count). Default ${balancerDefaults.choices}.`,
    }),
    activeRequestBias: numberBetween(0, balancerDefaults.activeRequestBiasMax, 1).optional().meta({
      description: `With unequal weights: effective weight = weight / (active + 1)^bias (Envoy active_request_bias). Default ${balancerDefaults.activeRequestBias}.`,
    }),
  },
  'peak-ewma': {
    decay: positiveDurationAtMost(balancerDefaults.durationMsMax, DURATION_MAX_TEXT, '10s').optional().meta({
      description: `Decay time of the RTT estimate, e.g. 10s (Finagle). Default ${balancerDefaults.decayMs / 1000}s.`,
    }),
    defaultRtt: positiveDurationAtMost(balancerDefaults.durationMsMax, DURATION_MAX_TEXT, '30ms').optional().meta({
      description: `RTT estimate of a host never measured, e.g. 30ms (linkerd2-proxy). Default ${balancerDefaults.defaultRttMs}ms.`,
    }),
  },
});
