import type { Address, TimerHandle } from '../../sim/env';
import type { Endpoint } from '../../components/balancer/index';
import type { ProxyAttempt, ProxyCall, RequestOutcome } from '../../components/proxy/index';
import type { HedgedRequest } from '../../components/resilience/index';
import type { Job } from './node';

/** How a call or an attempt ended: the proxy component's outcomes (ok, error, rejected, reset, timeout, no-host). */
export type Outcome = RequestOutcome;

/** The receiving side of a request: a replica. */
export interface RequestReceiver {
  receive(attempt: Attempt): void;
}

/** The sending side, to which the response returns. */
export interface ResponseReceiver {
  responded(attempt: Attempt): void;
}

/** Whoever waits for a call: a client instance or a replica's downstream work. */
export interface CallListener {
  callEnded(call: Call, outcome: Outcome, latencyMs: number): void;
}

/**
 * A logical request from a caller to a service: what the application sees. It is carried
 * by one or more attempts (retries and hedges come with the resilience policies), and it
 * is the client proxy's record of the call (ProxyCall: one object per call).
 */
export class Call implements ProxyCall {
  // The proxy's bookkeeping, with ProxyCall's initial values; only the ClientProxy writes it.
  done = false;
  timer: TimerHandle | undefined = undefined;
  inFlight: ProxyAttempt | undefined = undefined;
  inFlightMore: ProxyAttempt[] | undefined = undefined;
  attempts = 0;
  retries = 0;
  holdsRetry = false;
  hedge: HedgedRequest | undefined = undefined;

  constructor(
    /** CPU demand the request costs the target (drawn once, so every attempt costs the same). */
    readonly demandMs: number,
    readonly startedAtMs: number,
    /** Sent after warm-up: counted in the results. */
    readonly measured: boolean,
    readonly listener: CallListener,
    /** Request key for hashing balancers; undefined when the workload has no keys. */
    readonly key?: string,
  ) {}
}

/**
 * One try of a call on one host: the unit that travels the network and queues on a node,
 * and the proxy's record of the try (ProxyAttempt: one object per attempt).
 */
export class Attempt implements ProxyAttempt<Call>, Job {
  epoch = 0;
  finishVirtual = 0;
  serviceIndex = 0;
  /** The proxy's: set when it stops waiting (answered or timed out); a late answer is ignored. */
  done = false;
  /** The answer the replica gave, carried back with the response. */
  outcome: Outcome = 'ok';
  /** When the request reached the replica, for per-service latency. */
  arrivedAt = 0;
  /** The proxy's: the per-try timeout, if any. */
  timer: TimerHandle | undefined = undefined;

  constructor(
    readonly call: Call,
    /** The balancer's view of the host this attempt went to. */
    readonly host: Endpoint,
    /** Number of this attempt within its call (0 first; retries and hedges count up). */
    readonly number: number,
    readonly isRetry: boolean,
    readonly sentAtMs: number,
    /** Address of the caller, where the response goes. */
    readonly from: Address,
    readonly caller: ResponseReceiver,
    readonly receiver: RequestReceiver,
    /** CPU demand of this execution: the call's for the first attempt, a fresh draw for retries and hedges. */
    readonly demandMs: number,
  ) {}
}

/** Network delivery of a request to its replica (module-level: no closure per message). */
export function deliverRequest(attempt: Attempt): void {
  attempt.receiver.receive(attempt);
}

/** Network delivery of a response to its caller. */
export function deliverResponse(attempt: Attempt): void {
  attempt.caller.responded(attempt);
}
