import type { TimerHandle } from '../../sim/env';
import type { HedgedRequest } from '../resilience/hedging';
import type { Endpoint } from '../balancer/endpoint';

/**
 * The proxy's record of one call: a logical request, carried by one or more attempts
 * (retries and hedges). The driver's own call object is the record: it declares these
 * fields, with the initial values `proxyCall` gives them, beside whatever the call is to
 * the driver (the model's `Call` adds its service demand and who waits for it), so one
 * object per call serves both sides. `startedAtMs` and `key` are the driver's; every
 * other field belongs to the ClientProxy, and the driver never writes it.
 *
 * An interface with the fields spelt out, not a base class, for speed: with the model's
 * Call as a subclass of a ProxyCall class the M/M/4 full-path bench executed about 5%
 * more instructions per request (Valgrind's instruction count, two runs each: V8 builds
 * derived-class instances through a constructor it did not inline there); with a flat
 * class the count is back to what it was before the proxy was a component.
 */
export interface ProxyCall {
  /** Env time the call started, ms: its latency is measured from here. */
  readonly startedAtMs: number;
  /** Request key for hashing balancers (the pick context); undefined when requests carry no key. */
  readonly key?: string;
  /** True once the call has ended (the driver heard `callEnded`); later events for it are ignored. Initially false. */
  done: boolean;
  /** The overall timeout, covering every attempt; undefined without one, and after it fired. Initially undefined. */
  timer: TimerHandle | undefined;
  /**
   * Attempts in flight: `inFlight` holds one (the common case, no allocation),
   * `inFlightMore` the rest while hedging. Invariant: `inFlightMore` is non-empty only
   * while `inFlight` is set. Both initially undefined.
   */
  inFlight: ProxyAttempt | undefined;
  inFlightMore: ProxyAttempt[] | undefined;
  /** Attempts sent so far without hedging; the next attempt's number. Initially 0. */
  attempts: number;
  /** Retries decided so far (each admitted by the retry policy and the breaker's retry limit). Initially 0. */
  retries: number;
  /** True from a retry's admission by the breaker until that retry attempt ends (it holds a `retries` unit). Initially false. */
  holdsRetry: boolean;
  /** The hedging state machine, when the proxy hedges. Initially undefined. */
  hedge: HedgedRequest | undefined;
}

/** A new call record that is nothing more than a ProxyCall: for drivers (and tests) whose calls carry nothing else. */
export function proxyCall(startedAtMs: number, key?: string): ProxyCall {
  return {
    startedAtMs,
    key,
    done: false,
    timer: undefined,
    inFlight: undefined,
    inFlightMore: undefined,
    attempts: 0,
    retries: 0,
    holdsRetry: false,
    hedge: undefined,
  };
}

/** Count `attempt` as in flight for `call`. O(1). */
export function trackAttempt(call: ProxyCall, attempt: ProxyAttempt): void {
  if (call.inFlight === undefined) call.inFlight = attempt;
  else (call.inFlightMore ??= []).push(attempt);
}

/** Stop counting `attempt` as in flight; no-op if it is not. O(1) for the only attempt, O(hedges) otherwise. */
export function untrackAttempt(call: ProxyCall, attempt: ProxyAttempt): void {
  if (call.inFlight === attempt) {
    call.inFlight = call.inFlightMore?.pop();
    return;
  }
  const more = call.inFlightMore;
  if (more !== undefined) {
    const i = more.indexOf(attempt);
    if (i >= 0) more.splice(i, 1);
  }
}

/** The attempt of `call` numbered `number` if it is still in flight. */
export function findInFlight(call: ProxyCall, number: number): ProxyAttempt | undefined {
  if (call.inFlight?.number === number) return call.inFlight;
  return call.inFlightMore?.find((a) => a.number === number);
}

/** Attempts of `call` in flight now. */
export function inFlightCount(call: ProxyCall): number {
  return call.inFlight === undefined ? 0 : 1 + (call.inFlightMore?.length ?? 0);
}

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
