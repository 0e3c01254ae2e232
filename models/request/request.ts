import type { Address, TimerHandle } from '../../sim/env';
import type { Endpoint } from '../../components/balancer/index';
import type { HedgedRequest } from '../../components/resilience/index';
import type { Job } from './node';

/** How a call or an attempt ended. */
export type Outcome =
  | 'ok'
  /** The server answered with an error (5xx). */
  | 'error'
  /** The server's queue was full (503). */
  | 'rejected'
  /** The connection was reset: the server crashed or was down. */
  | 'reset'
  /** No answer within the timeout. */
  | 'timeout'
  /** The balancer had no host to send to. */
  | 'no-host';

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
 * by one or more attempts (retries and hedges come with the resilience policies).
 */
export class Call {
  done = false;
  /** The overall timeout, covering every attempt. */
  timer: TimerHandle | undefined = undefined;
  /**
   * Attempts in flight: `current` holds one (the common case, no allocation), `others`
   * the rest while hedging.
   */
  private current: Attempt | undefined = undefined;
  private others: Attempt[] | undefined = undefined;
  /** Attempts sent so far; the next attempt's number. */
  attempts = 0;
  retries = 0;
  /** True from a retry's admission by the breaker until that retry attempt ends. */
  holdsRetry = false;
  /** The hedging state machine, when the caller hedges. */
  hedge: HedgedRequest | undefined = undefined;

  constructor(
    /** CPU demand the request costs the target (drawn once, so every attempt costs the same). */
    readonly demandMs: number,
    readonly startedAt: number,
    /** Sent after warm-up: counted in the results. */
    readonly measured: boolean,
    readonly listener: CallListener,
    /** Request key for hashing balancers; undefined when the workload has no keys. */
    readonly key?: string,
  ) {}

  track(attempt: Attempt): void {
    if (this.current === undefined) this.current = attempt;
    else (this.others ??= []).push(attempt);
  }

  untrack(attempt: Attempt): void {
    if (this.current === attempt) {
      this.current = this.others?.pop();
      return;
    }
    const others = this.others;
    if (others !== undefined) {
      const i = others.indexOf(attempt);
      if (i >= 0) others.splice(i, 1);
    }
  }

  /** Any attempt still in flight, or undefined. */
  anyInFlight(): Attempt | undefined {
    return this.current;
  }

  findInFlight(number: number): Attempt | undefined {
    if (this.current?.number === number) return this.current;
    return this.others?.find((a) => a.number === number);
  }
}

/** One try of a call on one host: the unit that travels the network and queues on a node. */
export class Attempt implements Job {
  epoch = 0;
  finishVirtual = 0;
  serviceIndex = 0;
  /** Set when the caller stops waiting (answered or timed out); a late answer is ignored. */
  done = false;
  outcome: Outcome = 'ok';
  /** When the request reached the replica, for per-service latency. */
  arrivedAt = 0;
  /** Number of this attempt within its call (0 first; retries and hedges count up). */
  number = 0;
  isRetry = false;
  /** Per-try timeout, if any. */
  timer: TimerHandle | undefined = undefined;
  /** CPU demand of this execution: the call's for the first attempt, a fresh draw for retries and hedges. */
  demandMs: number;

  constructor(
    readonly call: Call,
    /** The balancer's view of the host this attempt went to. */
    readonly host: Endpoint,
    /** Address of the caller, where the response goes. */
    readonly from: Address,
    readonly sentAt: number,
    readonly caller: ResponseReceiver,
    readonly receiver: RequestReceiver,
  ) {
    this.demandMs = call.demandMs;
  }
}

/** Network delivery of a request to its replica (module-level: no closure per message). */
export function deliverRequest(attempt: Attempt): void {
  attempt.receiver.receive(attempt);
}

/** Network delivery of a response to its caller. */
export function deliverResponse(attempt: Attempt): void {
  attempt.caller.responded(attempt);
}
