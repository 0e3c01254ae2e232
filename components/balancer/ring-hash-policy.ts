import type { Endpoint } from './endpoint';
import type { PickContext, Policy } from './policy';
import type { Env } from '../../sim/env';
import { ringDefaults } from '../ring/defaults';
import { HashRing } from '../ring/hash-ring';
import { checkKnownOptions, optionalNumberOption } from './policy-options';

/**
 * Envoy's `RING_HASH` load-balancing policy: `ctx.key` is hashed onto a HashRing of the
 * candidates; requests without a key go to a uniformly random candidate.
 *
 * Ring size as Envoy computes it: with normalized weights ŵ (Σŵ = 1), the lightest host
 * gets ⌈ŵ_min · minimumRingSize⌉ points and a host of weight w gets round(that · w/w_min),
 * so equal weights give ⌈1024/hosts⌉ points each. Unlike Envoy, keys and points are
 * hashed with MurmurHash3 rather than xxHash64, so the same key may pick a different host
 * than a real Envoy would; the statistics are the same. Envoy caps the ring at 8M points
 * by scaling down; here a ring that large is an error.
 *
 * The ring is rebuilt only when the candidates array changes identity (membership or
 * health change), in O(P log P).
 */
export interface RingHashPolicyOptions {
  /**
   * Points for the lightest host (others in proportion to weight). Absent:
   * ⌈ŵ_min · minimumRingSize⌉, Envoy's rule. Integer in [1, 2^20].
   */
  readonly vnodes?: number;
  /** Envoy `minimum_ring_size`: total points aimed for; default 1024, integer in [1, 8,388,608]. */
  readonly minimumRingSize?: number;
}

const optionNames: readonly (keyof RingHashPolicyOptions)[] = ['vnodes', 'minimumRingSize'];

/** Builds the 'ring-hash' policy; `env` supplies the 'balancer.hash' stream for keyless picks. */
export function ringHashPolicy(env: Env, options: Readonly<Record<string, unknown>> = {}): Policy {
  checkKnownOptions('ring-hash', options, optionNames);
  const vnodes = optionalNumberOption('ring-hash', options, 'vnodes', { min: 1, max: ringDefaults.vnodesMax, integer: true });
  const minimumRingSize =
    optionalNumberOption('ring-hash', options, 'minimumRingSize', { min: 1, max: ringDefaults.pointCountMax, integer: true }) ?? ringDefaults.minimumRingSize;
  const rng = env.rng('balancer.hash');
  let cached: readonly Endpoint[] | undefined;
  let ring = new HashRing();
  let byId = new Map<string, Endpoint>();

  function rebuild(candidates: readonly Endpoint[]): void {
    let weightMin = Infinity;
    let weightTotal = 0;
    for (const host of candidates) {
      weightMin = Math.min(weightMin, host.weight);
      weightTotal += host.weight;
    }
    ring = new HashRing({ vnodes: vnodes ?? Math.ceil((weightMin / weightTotal) * minimumRingSize) });
    byId = new Map();
    for (const host of candidates) {
      ring.add(host.id, host.weight / weightMin);
      byId.set(host.id, host);
    }
    cached = candidates;
  }

  return {
    name: 'ring-hash',
    choose(candidates: readonly Endpoint[], ctx: PickContext | undefined): Endpoint {
      const key = ctx?.key;
      if (key === undefined) return candidates[rng.int(candidates.length)]!;
      if (candidates !== cached) rebuild(candidates);
      return byId.get(ring.lookup(key))!;
    },
  };
}
