import type { Address, Env, Message, MessageHandler, Rng, TimerHandle, TraceEvent } from '../../sim/env';
import { MetricsRegistry } from '../../sim/metrics';
import { RngStreams } from '../../sim/rng';

/**
 * A scripted world for driving components by hand (raft_test's `network`): a manual
 * clock, seeded random streams, a shared metrics registry, and a network that holds
 * every message until the test delivers, drops or auto-delivers it.
 *
 * Nothing here sleeps or reads the wall clock. Timers run only inside `advance`, in
 * (time, scheduling order) order, with `now()` equal to each timer's time while it runs.
 */

interface ScriptedTimer extends TimerHandle {
  readonly at: number;
  readonly sequence: number;
  readonly fn: () => void;
  state: 'pending' | 'fired' | 'cancelled';
}

/** The manual clock and its timer queue (a sorted array: tests hold few timers). */
export class ScriptedClock {
  private time = 0;
  private sequence = 0;
  /** Pending timers sorted by (at, sequence). */
  private readonly timers: ScriptedTimer[] = [];

  now(): number {
    return this.time;
  }

  schedule(delayMs: number, fn: () => void): TimerHandle {
    if (!(delayMs >= 0 && delayMs < Infinity)) throw new Error(`scripted-env: delay must be >= 0 ms, got ${delayMs}`);
    return this.insert(this.time + delayMs, fn);
  }

  /** Run `fn(arg)` at `atMs` (>= now): the Env's allocation-free verb, here a closure like any other. */
  at<T>(atMs: number, fn: (arg: T) => void, arg: T): TimerHandle {
    if (!(atMs >= this.time && atMs < Infinity)) throw new Error(`scripted-env: cannot schedule at ${atMs} ms, now is ${this.time} ms`);
    return this.insert(atMs, () => fn(arg));
  }

  cancel(handle: TimerHandle): void {
    const timer = handle as ScriptedTimer;
    if (timer.state !== 'pending') return;
    timer.state = 'cancelled';
    this.timers.splice(this.timers.indexOf(timer), 1);
  }

  private insert(at: number, fn: () => void): TimerHandle {
    const timer: ScriptedTimer = { at, sequence: this.sequence++, fn, state: 'pending' };
    let index = this.timers.length;
    while (index > 0 && this.timers[index - 1]!.at > timer.at) index--;
    this.timers.splice(index, 0, timer);
    return timer;
  }

  /** Time of the next pending timer, or undefined. */
  nextTimerAt(): number | undefined {
    return this.timers[0]?.at;
  }

  pendingTimerCount(): number {
    return this.timers.length;
  }

  /** Run the next timer (moving the clock to it). Returns false when none is pending. */
  step(): boolean {
    const timer = this.timers.shift();
    if (timer === undefined) return false;
    this.time = timer.at;
    timer.state = 'fired';
    timer.fn();
    return true;
  }

  /**
   * Run every timer due within `ms` from now, including timers those timers schedule,
   * then set the clock to now + ms. Returns the number of timers run (at most `timersMax`).
   */
  advance(ms: number, timersMax = 1_000_000): number {
    if (!(ms >= 0)) throw new Error(`scripted-env: cannot advance by ${ms} ms`);
    return this.advanceTo(this.time + ms, timersMax);
  }

  /** Like `advance`, to an absolute time (>= now). */
  advanceTo(untilMs: number, timersMax = 1_000_000): number {
    if (!(untilMs >= this.time)) throw new Error(`scripted-env: cannot go back from ${this.time} to ${untilMs} ms`);
    let ran = 0;
    while (this.timers.length > 0 && this.timers[0]!.at <= untilMs) {
      if (ran >= timersMax) throw new Error(`scripted-env: more than ${timersMax} timers before ${untilMs} ms`);
      this.step();
      ran++;
    }
    this.time = untilMs;
    return ran;
  }
}

/** A message on the scripted network. */
export interface SentMessage {
  readonly from: Address;
  readonly to: Address;
  readonly message: Message;
  readonly sentAtMs: number;
}

/**
 * Connects ScriptedEnvs. By default messages wait in `inFlight` for the test to
 * `deliver` or `drop` them one at a time; `autoDeliver(latencyMs)` instead delivers each
 * message after a fixed latency. Isolated addresses lose every message to or from them.
 */
export class ScriptedNetwork {
  readonly clock: ScriptedClock;
  readonly streams: RngStreams;
  readonly metrics = new MetricsRegistry();
  /** Messages sent and not yet delivered or dropped, in send order. */
  readonly inFlight: SentMessage[] = [];
  /** Every message ever sent, in order (a transcript for assertions). */
  readonly log: SentMessage[] = [];
  private readonly handlers = new Map<Address, MessageHandler>();
  private readonly envs = new Map<Address, ScriptedEnv>();
  private readonly isolated = new Set<Address>();
  private latencyMs: number | undefined;

  constructor(seed = 1, clock = new ScriptedClock()) {
    this.clock = clock;
    this.streams = new RngStreams(seed);
  }

  /** The Env of `address` (created on first use). */
  env(address: Address): ScriptedEnv {
    let env = this.envs.get(address);
    if (env === undefined) {
      env = new ScriptedEnv({ network: this, address });
      this.envs.set(address, env);
    }
    return env;
  }

  listen(address: Address, handler: MessageHandler): void {
    this.handlers.set(address, handler);
  }

  /** From now on deliver each message `latencyMs` after it is sent (undefined: hold them). */
  autoDeliver(latencyMs: number | undefined): void {
    this.latencyMs = latencyMs;
  }

  /** Lose every message to or from `address` until `heal`. */
  isolate(address: Address): void {
    this.isolated.add(address);
  }

  heal(address?: Address): void {
    if (address === undefined) this.isolated.clear();
    else this.isolated.delete(address);
  }

  send(from: Address, to: Address, message: Message): void {
    const sent: SentMessage = { from, to, message, sentAtMs: this.clock.now() };
    this.log.push(sent);
    if (this.isolated.has(from) || this.isolated.has(to)) return;
    if (this.latencyMs === undefined) {
      this.inFlight.push(sent);
      return;
    }
    this.clock.schedule(this.latencyMs, () => this.handOver(sent));
  }

  /** Deliver the in-flight message at `index` (default the oldest) now. */
  deliver(index = 0): SentMessage {
    const [sent] = this.inFlight.splice(index, 1);
    if (sent === undefined) throw new Error(`scripted-env: no in-flight message at ${index}`);
    this.handOver(sent);
    return sent;
  }

  /** Deliver in-flight messages, including replies they cause, until none is left. */
  deliverAll(messagesMax = 100_000): number {
    let delivered = 0;
    while (this.inFlight.length > 0) {
      if (delivered >= messagesMax) throw new Error(`scripted-env: more than ${messagesMax} messages delivered`);
      this.deliver(0);
      delivered++;
    }
    return delivered;
  }

  /** Drop the in-flight message at `index` (default the oldest). */
  drop(index = 0): SentMessage {
    const [sent] = this.inFlight.splice(index, 1);
    if (sent === undefined) throw new Error(`scripted-env: no in-flight message at ${index}`);
    return sent;
  }

  /** Remove and return the in-flight messages that match `filter` (default all). */
  take(filter: (sent: SentMessage) => boolean = () => true): SentMessage[] {
    const taken: SentMessage[] = [];
    for (let i = 0; i < this.inFlight.length; ) {
      if (filter(this.inFlight[i]!)) taken.push(this.inFlight.splice(i, 1)[0]!);
      else i++;
    }
    return taken;
  }

  private handOver(sent: SentMessage): void {
    if (this.isolated.has(sent.from) || this.isolated.has(sent.to)) return;
    this.handlers.get(sent.to)?.(sent.from, sent.message);
  }
}

export interface ScriptedEnvOptions {
  /** Master seed of the random streams (default 1); ignored when `network` is given. */
  readonly seed?: number;
  /** Own address (default 'local'). */
  readonly address?: Address;
  /** Network to join; a private one is created when absent. */
  readonly network?: ScriptedNetwork;
}

/** An Env on the scripted clock and network. Random streams are namespaced by address. */
export class ScriptedEnv implements Env {
  readonly address: Address;
  readonly network: ScriptedNetwork;
  readonly metrics: MetricsRegistry;
  /** Trace records, stamped with the time. */
  readonly traces: (TraceEvent & { readonly t: number })[] = [];

  constructor(options: ScriptedEnvOptions = {}) {
    this.address = options.address ?? 'local';
    this.network = options.network ?? new ScriptedNetwork(options.seed ?? 1);
    this.metrics = this.network.metrics;
  }

  get clock(): ScriptedClock {
    return this.network.clock;
  }

  now(): number {
    return this.network.clock.now();
  }

  schedule(delayMs: number, fn: () => void): TimerHandle {
    return this.network.clock.schedule(delayMs, fn);
  }

  at<T>(atMs: number, fn: (arg: T) => void, arg: T): TimerHandle {
    return this.network.clock.at(atMs, fn, arg);
  }

  cancel(timer: TimerHandle): void {
    this.network.clock.cancel(timer);
  }

  rng(stream: string): Rng {
    return this.network.streams.get(`${this.address}/${stream}`);
  }

  send(to: Address, message: Message): void {
    this.network.send(this.address, to, message);
  }

  trace(event: TraceEvent): void {
    this.traces.push({ ...event, t: this.now() });
  }

  /** Register the handler for messages to this address. */
  listen(handler: MessageHandler): void {
    this.network.listen(this.address, handler);
  }

  /** Advance the shared clock by `ms`, running due timers. */
  advance(ms: number): number {
    return this.network.clock.advance(ms);
  }

  /** Advance the shared clock to `untilMs` (>= now), running due timers. */
  advanceTo(untilMs: number): number {
    return this.network.clock.advanceTo(untilMs);
  }

  /** In-flight messages sent by this Env. */
  sent(): SentMessage[] {
    return this.network.inFlight.filter((m) => m.from === this.address);
  }
}
