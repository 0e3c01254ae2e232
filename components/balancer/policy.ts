import type { Env } from '../../sim/env';
import type { Endpoint } from './endpoint';

/** Extra inputs a pick may use: a request key for hashing policies. */
export interface PickContext {
  readonly key?: string;
}

/**
 * A load-balancing algorithm. The Balancer wrapper does the bookkeeping (active counts,
 * health filtering, panic mode); a policy only chooses.
 *
 * `candidates` is non-empty and keeps its identity until the host set or the health of a
 * host changes, so a policy may cache derived state (an EDF schedule, a hash ring) keyed
 * on the array's identity.
 */
export interface Policy {
  readonly name: string;
  choose(candidates: readonly Endpoint[], ctx: PickContext | undefined): Endpoint;
  /** Called after the wrapper counted a request as started on `host`. */
  onStart?(host: Endpoint): void;
  /** Called when a request ends; `latencyMs` from send to response, `ok` false on failure. */
  onEnd?(host: Endpoint, latencyMs: number, ok: boolean): void;
}

/** Builds a policy from its scenario options; `env` supplies time and randomness. */
export type PolicyFactory = (env: Env, options: Readonly<Record<string, unknown>>) => Policy;
