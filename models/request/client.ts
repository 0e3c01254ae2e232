import type { Rng } from '../../sim/env';
import type { Simulation } from '../../sim/simulation';
import type { Caller } from './caller';
import type { Sampler } from '../sampling/distributions';
import type { KeySampler } from '../sampling/keys';
import { Call, type CallListener, type Outcome } from './request';
import type { RequestStats } from './request-stats';
import type { ArrivalSpec, RateStep } from '../scenario/types';

/** Counts requests over time (the run's time series, models/run/time-series.ts). */
export interface RequestSeries {
  requestSent(nowMs: number): void;
  requestEnded(nowMs: number, ok: boolean, latencyMs: number): void;
}

/** Where a client's requests are counted. */
export interface ClientSinks {
  readonly stats: RequestStats;
  readonly series: RequestSeries;
}

/** A closed-loop user: thinks, sends, waits for the answer, thinks again. */
class User implements CallListener {
  constructor(private readonly client: Client, private readonly caller: Caller) {}

  think(): void {
    const client = this.client;
    client.sim.at(client.sim.now() + client.thinkTime(client.thinkRng), sendForUser, this);
  }

  send(): void {
    this.client.issue(this.caller, this);
  }

  callEnded(call: Call, outcome: Outcome, latencyMs: number): void {
    this.client.record(call, outcome, latencyMs);
    this.think();
  }
}

function sendForUser(user: User): void {
  user.send();
}

function arriveOpen(client: Client): void {
  client.arrive();
}

/** What a Client is made of. */
export interface ClientOptions {
  readonly sim: Simulation;
  readonly name: string;
  readonly arrival: ArrivalSpec;
  /** One per client instance, each with its own balancer; requests go round-robin over them. */
  readonly callers: readonly Caller[];
  /** Service demand (ms) of each request. */
  readonly demand: Sampler;
  /** Think time of a closed-loop user. */
  readonly thinkTime: Sampler;
  /**
   * The client's own streams: demands, arrival gaps, think times and keys (needed with
   * `keys`). Named after the client only, so the policy under test never shifts them.
   */
  readonly streams: { readonly demand: Rng; readonly arrivals: Rng; readonly think: Rng; readonly keys?: Rng };
  readonly sinks: ClientSinks;
  /** Requests issued before this time are not measured. */
  readonly warmupMs: number;
  /** Optional trace of every request issued (off: no record is built). */
  readonly trace?: ((record: { type: 'request'; client: string; t: number; demandMs: number }) => void) | undefined;
  /** Request keys (absent: requests carry no key). */
  readonly keys?: KeySampler | undefined;
  /** Called with each new call before it is sent (a KV workload draws the call's operation here). */
  readonly onIssue?: ((call: Call) => void) | undefined;
}

/**
 * A workload: open arrivals (Poisson or evenly spaced, at a piecewise-constant rate) or a
 * closed loop of users, spread round-robin over `instances` callers, each with its own
 * balancer. Arrival times and service demands come from the client's own streams, never
 * from anything a policy touches, so two policies see the same requests.
 */
export class Client implements CallListener {
  readonly sim: Simulation;
  readonly name: string;
  readonly thinkRng: Rng;
  readonly thinkTime: Sampler;
  private readonly arrival: ArrivalSpec;
  private readonly callers: readonly Caller[];
  private readonly demand: Sampler;
  private readonly demandRng: Rng;
  private readonly arrivalRng: Rng;
  private readonly sinks: ClientSinks;
  private readonly warmupMs: number;
  private readonly trace: ClientOptions['trace'];
  private readonly keys: KeySampler | undefined;
  private readonly keyRng: Rng | undefined;
  private readonly onIssue: ClientOptions['onIssue'];
  private arrivals = 0;
  private stepIndex = 0;

  constructor(options: ClientOptions) {
    this.sim = options.sim;
    this.name = options.name;
    this.arrival = options.arrival;
    this.callers = options.callers;
    this.demand = options.demand;
    this.thinkTime = options.thinkTime;
    this.demandRng = options.streams.demand;
    this.arrivalRng = options.streams.arrivals;
    this.thinkRng = options.streams.think;
    this.keyRng = options.streams.keys;
    this.sinks = options.sinks;
    this.warmupMs = options.warmupMs;
    this.trace = options.trace;
    this.keys = options.keys;
    this.onIssue = options.onIssue;
    if (this.keys !== undefined && this.keyRng === undefined) throw new Error('model: a client with keys needs a keys stream');
  }

  /** Schedule the first arrivals. */
  start(): void {
    if (this.arrival.process === 'closed') {
      for (let u = 0; u < this.arrival.users; u++) {
        new User(this, this.callers[u % this.callers.length]!).think();
      }
    } else {
      this.scheduleNext(0);
    }
  }

  /** An open arrival: send a request and schedule the next one. */
  arrive(): void {
    const caller = this.callers[this.arrivals++ % this.callers.length]!;
    this.issue(caller, this);
    this.scheduleNext(this.sim.now());
  }

  issue(caller: Caller, listener: CallListener): void {
    const now = this.sim.now();
    const measured = now >= this.warmupMs;
    const key = this.keys === undefined ? undefined : this.keys(this.keyRng!);
    const call = new Call(this.demand(this.demandRng), now, measured, listener, key);
    if (this.trace !== undefined) this.trace({ type: 'request', client: this.name, t: now, demandMs: call.demandMs });
    if (measured) this.sinks.stats.started();
    this.sinks.series.requestSent(now);
    this.onIssue?.(call);
    caller.start(call);
  }

  callEnded(call: Call, outcome: Outcome, latencyMs: number): void {
    this.record(call, outcome, latencyMs);
  }

  record(call: Call, outcome: Outcome, latencyMs: number): void {
    if (call.measured) this.sinks.stats.ended(outcome, latencyMs);
    this.sinks.series.requestEnded(this.sim.now(), outcome === 'ok', latencyMs);
  }

  /**
   * Next open arrival after `fromMs`. Poisson with a piecewise rate: draw an exponential
   * gap at the current rate; if it crosses a rate change, restart from the change with
   * the new rate (exact, by memorylessness).
   */
  private scheduleNext(fromMs: number): void {
    if (this.arrival.process === 'closed') return;
    const steps = this.arrival.steps;
    const poisson = this.arrival.process === 'poisson';
    let t = fromMs;
    for (;;) {
      while (this.stepIndex + 1 < steps.length && steps[this.stepIndex + 1]!.atMs <= t) this.stepIndex++;
      const step: RateStep = steps[this.stepIndex]!;
      const nextChange = this.stepIndex + 1 < steps.length ? steps[this.stepIndex + 1]!.atMs : Infinity;
      if (step.ratePerSec <= 0) {
        if (nextChange === Infinity) return; // rate 0 for the rest of the run
        t = nextChange;
        continue;
      }
      const meanGapMs = 1000 / step.ratePerSec;
      const gap = poisson ? -meanGapMs * Math.log(1 - this.arrivalRng.next()) : meanGapMs;
      if (t + gap < nextChange) {
        this.sim.at(t + gap, arriveOpen, this);
        return;
      }
      t = nextChange;
    }
  }
}
