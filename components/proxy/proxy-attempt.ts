import type { TimerHandle } from '../../sim/env';
import type { Endpoint } from '../balancer/endpoint';
import type { ProxyCall } from './proxy-call';

/**
 * The proxy's record of one try of a call on one host. The driver makes it
 * (`ProxyDriver.createAttempt`), as its own object that also carries what it needs to
 * send it: the model's `Attempt` is also the job that travels the network and queues on a
 * node, so an attempt costs one object. A new record has the five values it was made
 * with, `done` false and `timer` undefined; from then on `done` and `timer` belong to the
 * ClientProxy and the driver never writes them.
 *
 * An interface, not a base class, for speed: with the model's Attempt as a subclass of a
 * ProxyAttempt class the M/M/4 full-path bench ran 10% slower (CPU time, same process,
 * 10 rounds); with a flat class the difference is gone (see ProxyCall).
 */
export interface ProxyAttempt<C extends ProxyCall = ProxyCall> {
  readonly call: C;
  /** The balancer's view of the host this attempt goes to. */
  readonly host: Endpoint;
  /** Number of this attempt within its call: 0 first, retries and hedges count up. */
  readonly number: number;
  /** True for a retry (it holds the call's `retries` unit of the breaker). */
  readonly isRetry: boolean;
  /** Env time the attempt was sent, ms: the balancer's latency sample is measured from here. */
  readonly sentAtMs: number;
  /** Set when the proxy stops waiting (answered, timed out, abandoned); a later answer is ignored. */
  done: boolean;
  /** The per-try timeout, if any. */
  timer: TimerHandle | undefined;
}

/** A new attempt record that is nothing more than a ProxyAttempt: `ProxyDriver.createAttempt` for drivers (and tests) that need nothing else. */
export function proxyAttempt<C extends ProxyCall>(call: C, host: Endpoint, number: number, isRetry: boolean, sentAtMs: number): ProxyAttempt<C> {
  return { call, host, number, isRetry, sentAtMs, done: false, timer: undefined };
}
