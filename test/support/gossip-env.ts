import { GossipMember, type GossipConfigInput, type GossipMemberOptions, type GossipWireMessage } from '../../components/gossip/index';
import type { Address, Env, Message, Rng, TimerHandle } from '../../sim/env';
import { MetricsRegistry } from '../../sim/metrics';
import { RngStreams } from '../../sim/rng';

/**
 * A scripted world for driving gossip members by hand (raft_test's `network`): a manual
 * clock, seeded streams, and a network that holds every message until the test delivers,
 * drops or auto-delivers it. Nothing sleeps or reads the wall clock: timers run only inside
 * `advance`, in (time, scheduling order) order.
 */

interface Timer extends TimerHandle {
  readonly at: number;
  readonly sequence: number;
  readonly fn: () => void;
  state: 'pending' | 'fired' | 'cancelled';
}

/** A message on the scripted network. */
export interface SentMessage {
  readonly from: Address;
  readonly to: Address;
  readonly message: GossipWireMessage;
  readonly sentAtMs: number;
}

export type MessageFilter = (sent: SentMessage) => boolean;

/** Filter helper: messages of `type`, optionally from and to given members. */
export function ofType(type: GossipWireMessage['type'], from?: Address, to?: Address): MessageFilter {
  return (sent) => sent.message.type === type && (from === undefined || sent.from === from) && (to === undefined || sent.to === to);
}

export class GossipWorld {
  readonly streams: RngStreams;
  readonly metrics = new MetricsRegistry();
  /** Messages sent and not yet delivered or dropped, in send order. */
  readonly inFlight: SentMessage[] = [];
  /** Every message ever sent, in order. */
  readonly log: SentMessage[] = [];
  readonly members = new Map<Address, GossipMember>();
  private time = 0;
  private sequence = 0;
  private readonly timers: Timer[] = [];
  private readonly isolated = new Set<Address>();
  private latencyMs: number | undefined;

  constructor(seed = 1) {
    this.streams = new RngStreams(seed);
  }

  now(): number {
    return this.time;
  }

  /** The Env of `address`. */
  env(address: Address): Env {
    return {
      now: () => this.time,
      schedule: (delayMs, fn) => this.schedule(delayMs, fn),
      at: (atMs, fn, arg) => this.schedule(atMs - this.time, () => fn(arg)),
      cancel: (timer) => this.cancel(timer),
      rng: (stream): Rng => this.streams.get(`${address}/${stream}`),
      send: (to, message) => this.send(address, to, message),
      metrics: this.metrics,
    };
  }

  /** Creates (not starts) a member named `name`, wired to this world. */
  add(name: Address, options: Omit<GossipMemberOptions, 'name'> = {}): GossipMember {
    const member = new GossipMember(this.env(name), { ...options, name });
    this.members.set(name, member);
    return member;
  }

  /**
   * A converged cluster of `names` (each knows all alive at incarnation 1), started, with
   * `config` (default: LAN profile with aligned timers so that tests know when ticks fire).
   */
  cluster(names: readonly Address[], config: GossipConfigInput = {}): GossipMember[] {
    const members = names.map((name) =>
      this.add(name, { config: { timerPhase: 'aligned', ...config }, bootstrap: 'converged', knownMembers: names }),
    );
    for (const member of members) member.start();
    return members;
  }

  member(name: Address): GossipMember {
    const member = this.members.get(name);
    if (member === undefined) throw new Error(`gossip-env: no member ${name}`);
    return member;
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

  /** Delivers (in send order) the in-flight messages that match, and returns them. */
  deliver(filter: MessageFilter = () => true): SentMessage[] {
    const taken = this.take(filter);
    for (const sent of taken) this.handOver(sent);
    return taken;
  }

  /** Delivers everything in flight, including replies, until nothing is left. */
  deliverAll(messagesMax = 100_000): number {
    let delivered = 0;
    while (this.inFlight.length > 0) {
      if (delivered++ >= messagesMax) throw new Error(`gossip-env: more than ${messagesMax} messages delivered`);
      this.handOver(this.inFlight.shift()!);
    }
    return delivered;
  }

  /** Drops the in-flight messages that match, and returns them. */
  drop(filter: MessageFilter = () => true): SentMessage[] {
    return this.take(filter);
  }

  /** Removes and returns the in-flight messages that match. */
  take(filter: MessageFilter = () => true): SentMessage[] {
    const taken: SentMessage[] = [];
    for (let i = 0; i < this.inFlight.length; ) {
      if (filter(this.inFlight[i]!)) taken.push(this.inFlight.splice(i, 1)[0]!);
      else i++;
    }
    return taken;
  }

  /** Messages ever sent that match. */
  sent(filter: MessageFilter = () => true): SentMessage[] {
    return this.log.filter(filter);
  }

  /** Runs every timer due within `ms` (and those they schedule), then sets the clock to now + ms. */
  advance(ms: number, timersMax = 1_000_000): void {
    this.advanceTo(this.time + ms, timersMax);
  }

  advanceTo(untilMs: number, timersMax = 1_000_000): void {
    if (!(untilMs >= this.time)) throw new Error(`gossip-env: cannot go back from ${this.time} to ${untilMs} ms`);
    let ran = 0;
    while (this.timers.length > 0 && this.timers[0]!.at <= untilMs) {
      if (ran++ >= timersMax) throw new Error(`gossip-env: more than ${timersMax} timers before ${untilMs} ms`);
      const timer = this.timers.shift()!;
      this.time = timer.at;
      timer.state = 'fired';
      timer.fn();
    }
    this.time = untilMs;
  }

  private schedule(delayMs: number, fn: () => void): TimerHandle {
    if (!(delayMs >= 0 && delayMs < Infinity)) throw new Error(`gossip-env: delay must be >= 0 ms, got ${delayMs}`);
    const timer: Timer = { at: this.time + delayMs, sequence: this.sequence++, fn, state: 'pending' };
    let index = this.timers.length;
    while (index > 0 && this.timers[index - 1]!.at > timer.at) index--;
    this.timers.splice(index, 0, timer);
    return timer;
  }

  private cancel(handle: TimerHandle): void {
    const timer = handle as Timer;
    if (timer.state !== 'pending') return;
    timer.state = 'cancelled';
    this.timers.splice(this.timers.indexOf(timer), 1);
  }

  private send(from: Address, to: Address, message: Message): void {
    const sent: SentMessage = { from, to, message: message as GossipWireMessage, sentAtMs: this.time };
    this.log.push(sent);
    if (this.isolated.has(from) || this.isolated.has(to)) return;
    if (this.latencyMs === undefined) this.inFlight.push(sent);
    else this.schedule(this.latencyMs, () => this.handOver(sent));
  }

  private handOver(sent: SentMessage): void {
    if (this.isolated.has(sent.from) || this.isolated.has(sent.to)) return;
    this.members.get(sent.to)?.receive(sent.from, sent.message);
  }
}
