import type { Address, Env, Message, Rng, TimerHandle } from '../../sim/env';
import { ComponentError } from '../errors';
import { BroadcastQueue } from './broadcast-queue';
import { FailureDetector, type PickFilter } from './failure-detector';
import { pushPullIntervalScaledMs } from './formulas';
import type { GossipConfig, GossipConfigInput } from './gossip-config';
import { resolveGossipConfig } from './resolve-config';
import { MemberDirectory } from './member-directory';
import {
  entryIncarnation,
  entryState,
  packEntry,
  stateAlive,
  stateDead,
  stateName,
  stateSuspect,
  stateUnknown,
  type MemberState,
} from './member-state';
import { Membership, type MembershipListener } from './membership';
import { MembershipView } from './membership-view';
import type { GossipWireMessage, PushPullMessage, RumourMessage } from './messages';
import { Outbox } from './outbox';
import { ProbeOrder } from './probe-order';
import { RumourLog } from './rumour-log';
import type { SharedBaseline } from './shared-baseline';
import type { UpdateDedupe } from './update-dedupe';
import { deadUpdate, userEvent, type Update, type UserEvent } from './update';
import { wireSize } from './wire-size';

/** One entry of `members()`: the discovery-style view of a member. */
export interface MemberInfo {
  readonly id: Address;
  readonly state: MemberState;
  readonly incarnation: number;
}

export interface GossipMemberOptions {
  /** Our address; messages to it must reach `receive`. */
  readonly name: Address;
  /** Protocol parameters (default: the LAN profile). */
  readonly config?: GossipConfigInput;
  /**
   * How the member starts. `fresh` (default): it knows only itself and must `join` seeds.
   * `converged`: it starts as a member of an established cluster that knows every member
   * alive at incarnation 1 (from `baseline` or `knownMembers`), with nothing to gossip:
   * the state a long-running cluster reaches, without simulating its formation.
   */
  readonly bootstrap?: 'fresh' | 'converged';
  /** Converged start without a shared baseline: these members (ourselves included or not). */
  readonly knownMembers?: readonly Address[];
  /** Address interning table; share one across a simulated cluster to save memory. */
  readonly directory?: MemberDirectory;
  /**
   * Shared storage for views (see SharedBaseline): a converged member starts on it, and a
   * fresh one moves onto it after its first full state sync. Storage only: no effect on
   * behaviour.
   */
  readonly baseline?: SharedBaseline;
  /**
   * Shared memory of which member applied which record, to skip duplicates (see
   * UpdateDedupe; performance only). Needs the same `directory` as the member.
   */
  readonly dedupe?: UpdateDedupe;
}

/**
 * A gossip member: SWIM failure detection with Lifeguard suspicion, memberlist-style
 * piggybacked dissemination, periodic gossip and push-pull anti-entropy, joins via seeds,
 * graceful leave, and user events (rumours) in three modes (see GossipProtocol).
 *
 * Driver contract: construct with an Env, call `start()` once, then route every message
 * addressed to `name` to `receive(from, message)`. The member uses only its Env: `now`,
 * `schedule`/`cancel`, `rng('gossip.phase')` for timer phases, `rng('gossip.choice')` for
 * every protocol choice, and `send`, which may lose or delay any message; the protocol
 * expects that. `stop()` is a crash or shutdown: timers stop, messages are ignored and the
 * state is released. All calls are synchronous; callbacks (subscribers) run inside them.
 */
export class GossipMember {
  readonly name: Address;
  /** Our directory index (also on `membership`; kept here, on the object every event touches). */
  readonly selfIndex: number;
  readonly config: GossipConfig;
  readonly directory: MemberDirectory;
  readonly view: MembershipView;
  readonly queue: BroadcastQueue;
  readonly probeOrder: ProbeOrder;
  readonly membership: Membership;
  readonly outbox: Outbox;
  private readonly detector: FailureDetector;
  private readonly rumours: RumourLog;
  private readonly rumourListeners: ((event: UserEvent) => void)[] = [];
  private readonly stopListeners: (() => void)[] = [];
  private readonly choice: Rng;
  private readonly phase: Rng;
  private readonly baseline: SharedBaseline | undefined;
  private readonly dedupe: UpdateDedupe | null;
  /*
   * Timers as plain fields, not an array: every tick reads one, and at 10,000 members each
   * extra object touched per event is a cache miss.
   */
  private probeTimer: TimerHandle | undefined;
  private gossipTimer: TimerHandle | undefined;
  private pushPullTimer: TimerHandle | undefined;
  private joinTimer: TimerHandle | undefined;
  private leaveTimer: TimerHandle | undefined;
  private sequence = 0;
  private eventSequence = 0;
  private state: 'new' | 'running' | 'stopped' = 'new';
  /** Time of the next gossip tick, kept while the gossip timer is idle (see armGossip). */
  private gossipNextAtMs = 0;
  private joinSeeds: readonly Address[] = [];
  private joinAttempts = 0;
  /** True once a push-pull reply from a seed has been merged. */
  joined = false;
  private leaveRecord: Update | undefined;

  constructor(readonly env: Env, options: GossipMemberOptions) {
    this.config = resolveGossipConfig(options.config);
    this.name = options.name;
    this.directory = options.directory ?? options.baseline?.directory ?? new MemberDirectory();
    const selfIndex = this.directory.intern(this.name);
    this.selfIndex = selfIndex;
    this.choice = env.rng('gossip.choice');
    this.phase = env.rng('gossip.phase');
    this.baseline = options.baseline;
    this.dedupe = options.dedupe ?? null;
    if (this.dedupe !== null && this.dedupe.directory !== this.directory) {
      throw new ComponentError(
        'gossip.foreign-directory',
        `gossip: dedupe must use the member's directory (member ${this.name})`,
        "build the UpdateDedupe on the member's directory: options.directory, or the baseline's",
      );
    }
    const converged = options.bootstrap === 'converged';
    if (converged && options.baseline === undefined && options.knownMembers === undefined) {
      throw new ComponentError(
        'option.missing',
        `gossip: bootstrap 'converged' needs a baseline or knownMembers (member ${this.name})`,
        "pass knownMembers (or a shared baseline), or bootstrap 'fresh' and join",
      );
    }
    this.view = new MembershipView(this.directory, converged ? (options.baseline ?? null) : null);
    this.queue = new BroadcastQueue(
      this.config.broadcastQueueMax,
      (update) => this.broadcastFinished(update),
      () => this.armGossip(),
    );
    this.probeOrder = new ProbeOrder(this.choice);
    this.membership = new Membership(env, this.config, selfIndex, this.directory, this.view, this.queue, this.probeOrder);
    this.outbox = new Outbox(env, this.config, this.name, this.queue, this.view);
    this.detector = new FailureDetector(this);
    this.rumours = new RumourLog(this.config.rumoursKeptMax);
    this.initialiseView(converged, options.knownMembers);
  }

  /** Whether the member is running (started, not stopped). */
  get running(): boolean {
    return this.state === 'running';
  }

  get incarnation(): number {
    return this.membership.incarnation;
  }

  /** Starts the periodic timers, each at its own phase. Call once. */
  start(): void {
    if (this.state !== 'new') throw new ComponentError('gossip.started-twice', `gossip: member ${this.name} started twice`);
    this.state = 'running';
    const config = this.config;
    this.probeOrder.reset(this.view.domainSize);
    if (config.protocol === 'swim') {
      this.probeTimer = this.env.schedule(this.firstDelay(config.probeIntervalMs), this.probeTick);
      if (config.pushPullIntervalMs > 0) {
        const delay = this.firstDelay(config.pushPullIntervalMs) + this.pushPullIntervalMs();
        this.pushPullTimer = this.env.schedule(delay, this.pushPullTick);
      }
    }
    this.gossipNextAtMs = this.env.now() + this.firstDelay(config.gossipIntervalMs);
    this.armGossip();
  }

  /**
   * Joins the cluster through `seeds` (memberlist Join): a push-pull with each, retried
   * every joinRetryIntervalMs until one replies, at most joinAttemptsMax times.
   */
  join(seeds: readonly Address[]): void {
    this.joinSeeds = seeds.filter((seed) => seed !== this.name);
    this.joinAttempts = 0;
    this.joined = false;
    this.tryJoin();
  }

  /**
   * Leaves gracefully (memberlist Leave): gossips a dead message about ourselves, which
   * others record as `left`, not as a failure, then stops once that message has been sent
   * its full retransmit count, or after leaveTimeoutMs.
   */
  leave(): void {
    if (this.state !== 'running' || this.membership.leaving) return;
    const membership = this.membership;
    membership.leaving = true;
    const record = deadUpdate(this.name, membership.incarnation, this.name);
    this.leaveRecord = record;
    membership.deadNode(membership.selfIndex, membership.incarnation, this.name, record);
    if (this.pickMembers(1, 'alive', -1).length === 0) {
      this.stop();
      return;
    }
    this.leaveTimer = this.env.schedule(this.config.leaveTimeoutMs, () => this.stop());
  }

  /** Crash or shutdown: stops timers, ignores further messages, releases the view. */
  stop(): void {
    if (this.state === 'stopped') return;
    this.state = 'stopped';
    for (const timer of [this.probeTimer, this.gossipTimer, this.pushPullTimer, this.joinTimer, this.leaveTimer]) {
      if (timer !== undefined) this.env.cancel(timer);
    }
    this.probeTimer = this.gossipTimer = this.pushPullTimer = this.joinTimer = this.leaveTimer = undefined;
    this.detector.stop();
    this.membership.cancelAll();
    this.view.dispose();
    for (const listener of this.stopListeners) listener();
  }

  /** Calls `listener` once when the member stops (crash, shutdown, or the end of a leave). */
  onStop(listener: () => void): void {
    this.stopListeners.push(listener);
  }

  /**
   * Broadcasts a user event (a rumour) of `payloadBytes` to every member; returns its id.
   * Delivered locally at once, as serf does.
   */
  broadcast(eventName = 'event', payloadBytes = 0): string {
    const event = userEvent(this.name, ++this.eventSequence, eventName, payloadBytes);
    this.receiveEvent(event);
    return event.id;
  }

  /** Whether the user event `id` has reached us. */
  knowsRumour(id: string): boolean {
    return this.rumours.has(id);
  }

  /** Calls `listener` on each new user event (ours included). Returns the unsubscribe function. */
  onRumour(listener: (event: UserEvent) => void): () => void {
    this.rumourListeners.push(listener);
    return () => {
      const at = this.rumourListeners.indexOf(listener);
      if (at >= 0) this.rumourListeners.splice(at, 1);
    };
  }

  /** Calls `listener` on each change of our view. Returns the unsubscribe function. */
  subscribe(listener: MembershipListener): () => void {
    return this.membership.subscribe(listener);
  }

  /** Every member we know, dead and left included (until reaped). O(directory). */
  members(): readonly MemberInfo[] {
    const out: MemberInfo[] = [];
    for (let i = 0; i < this.view.domainSize; i++) {
      const packed = this.view.entry(i);
      if (packed === stateUnknown) continue;
      out.push({ id: this.directory.address(i), state: stateName(entryState(packed))!, incarnation: entryIncarnation(packed) });
    }
    return out;
  }

  /**
   * Members that are not known to have failed or left: alive or suspect, ourselves
   * included (memberlist Members(): a suspect is still a member). O(directory).
   */
  alive(): string[] {
    const out: string[] = [];
    for (let i = 0; i < this.view.domainSize; i++) {
      const state = this.view.state(i);
      if (state === stateAlive || state === stateSuspect) out.push(this.directory.address(i));
    }
    return out;
  }

  /** Our view of `address`, or undefined if unknown. */
  stateOf(address: Address): MemberInfo | undefined {
    const index = this.directory.indexOf(address);
    if (index < 0) return undefined;
    const packed = this.view.entry(index);
    if (packed === stateUnknown) return undefined;
    return { id: address, state: stateName(entryState(packed))!, incarnation: entryIncarnation(packed) };
  }

  /** A message addressed to us. Messages of unknown types are ignored. */
  receive(from: Address, message: Message): void {
    if (this.state !== 'running') return;
    const m = message as GossipWireMessage;
    switch (m.type) {
      case 'ping':
        this.detector.handlePing(from, m.seq, m.target);
        break;
      case 'ack':
        this.detector.handleAck(m.seq);
        break;
      case 'ping-req':
        this.detector.handlePingReq(from, m.seq, m.target);
        break;
      case 'gossip':
        break;
      case 'push-pull':
        this.handlePushPull(from, m);
        return;
      case 'rumour':
      case 'rumour-exchange':
      case 'rumour-exchange-reply':
        this.handleRumours(from, m);
        return;
      default:
        return;
    }
    if (m.updates.length > 0) this.applyUpdates(m.updates);
  }

  /** Throws if any internal invariant is broken. O(directory). */
  checkInvariants(): void {
    if (this.state === 'stopped') return;
    this.view.checkInvariants();
    this.queue.checkInvariants();
    this.membership.checkInvariants();
  }

  /**
   * Up to k random members passing `filter`, never ourselves nor `exclude` (memberlist
   * kRandomNodes: at most 3·n random draws). A fresh array each call: clearing a reused
   * one (`length = 0`) is a runtime call in V8 and cost more than the allocation.
   */
  pickMembers(k: number, filter: PickFilter, exclude: number): number[] {
    const picked: number[] = [];
    const domain = this.view.domainSize;
    const self = this.selfIndex;
    for (let tries = 0; tries < 3 * domain && picked.length < k; tries++) {
      const index = this.choice.int(domain);
      if (index === self || index === exclude || picked.includes(index)) continue;
      const state = this.view.state(index);
      if (state === stateAlive || (filter === 'gossip' && state === stateSuspect)) picked.push(index);
      else if (filter === 'gossip' && state === stateDead && this.env.now() - this.view.deadSince(index)! <= this.config.gossipToTheDeadMs) {
        picked.push(index);
      }
    }
    return picked;
  }

  nextSequence(): number {
    return ++this.sequence;
  }

  private initialiseView(converged: boolean, knownMembers: readonly Address[] | undefined): void {
    const membership = this.membership;
    membership.incarnation = 1;
    if (converged) {
      for (const address of knownMembers ?? []) {
        this.view.set(this.directory.intern(address), packEntry(stateAlive, 1), this.env.now());
      }
      this.view.set(membership.selfIndex, packEntry(stateAlive, 1), this.env.now());
      return;
    }
    // memberlist setAlive: our own alive at the next incarnation, queued for gossip.
    membership.aliveNode(membership.selfIndex, 1, null, true);
  }

  private firstDelay(intervalMs: number): number {
    if (this.config.timerPhase === 'aligned') return intervalMs - (this.env.now() % intervalMs);
    return this.phase.next() * intervalMs;
  }

  private pushPullIntervalMs(): number {
    return pushPullIntervalScaledMs(this.config.pushPullIntervalMs, this.view.knownCount);
  }

  private readonly probeTick = (): void => {
    this.probeTimer = this.env.schedule(this.config.probeIntervalMs, this.probeTick);
    this.detector.tick();
  };

  /**
   * Performance: a gossip tick with nothing to send does nothing (no message, no random
   * draw), and most members of a quiet cluster have nothing to send; at 10,000 members
   * idle ticks were 55% of all events. So the gossip timer runs only while there is work
   * (swim: broadcasts queued; push: a rumour known) and is re-armed on the member's own
   * tick grid (phase + k·interval, strictly after now) when work appears. Behaviour is
   * unchanged except for the order of events at exactly equal times.
   */
  private armGossip(): void {
    if (this.gossipTimer !== undefined || this.state !== 'running' || !this.gossipWanted()) return;
    const interval = this.config.gossipIntervalMs;
    const now = this.env.now();
    let next = this.gossipNextAtMs;
    if (next <= now) {
      next += Math.ceil((now - next) / interval) * interval;
      if (next <= now) next += interval;
    }
    this.gossipNextAtMs = next;
    this.gossipTimer = this.env.schedule(next - now, this.gossipTick);
  }

  private gossipWanted(): boolean {
    switch (this.config.protocol) {
      case 'swim':
        return this.queue.length > 0;
      case 'push':
        return this.rumours.size > 0;
      case 'push-pull':
        return true;
    }
  }

  private readonly gossipTick = (): void => {
    this.gossipTimer = undefined;
    this.gossipNextAtMs += this.config.gossipIntervalMs;
    this.gossipRound();
    this.armGossip();
  };

  private gossipRound(): void {
    switch (this.config.protocol) {
      case 'swim':
        this.gossipUpdates();
        break;
      case 'push':
        if (this.rumours.size > 0) this.pushRumours('rumour');
        break;
      case 'push-pull':
        this.pushRumours('rumour-exchange');
        break;
    }
  }

  private readonly pushPullTick = (): void => {
    this.pushPullTimer = this.env.schedule(this.pushPullIntervalMs(), this.pushPullTick);
    const [peer] = this.pickMembers(1, 'alive', -1);
    if (peer === undefined) return;
    this.outbox.pushPull(this.directory.address(peer), false, false, this.view.snapshot(), this.recentRumours());
  };

  /** memberlist gossip(): pending broadcasts to `fanout` random members, stopping when none are left. */
  private gossipUpdates(): void {
    if (this.queue.length === 0) return;
    for (const peer of this.pickMembers(this.config.fanout, 'gossip', -1)) {
      if (!this.outbox.gossip(this.directory.address(peer))) return;
    }
  }

  private pushRumours(type: RumourMessage['type']): void {
    const rumours = this.recentRumours(this.config.messageSizeLimitBytes - wireSize.rumourHeader);
    for (const peer of this.pickMembers(this.config.fanout, 'alive', -1)) {
      this.outbox.rumours(this.directory.address(peer), type, rumours);
    }
  }

  /** Known user events, newest first, up to `bytesMax` bytes of them. */
  private recentRumours(bytesMax = Infinity): UserEvent[] {
    const out: UserEvent[] = [];
    let bytes = 0;
    this.rumours.forEachNewest((event) => {
      if (bytes + event.sizeBytes > bytesMax) return false;
      bytes += event.sizeBytes;
      out.push(event);
      return true;
    });
    return out;
  }

  private handlePushPull(from: Address, m: PushPullMessage): void {
    // memberlist handleConn: send our state first, then merge theirs.
    if (!m.reply) this.outbox.pushPull(from, m.join, true, this.view.snapshot(), this.recentRumours());
    else if (m.join) this.joinReplied();
    this.membership.mergeSnapshot(m.state);
    for (const rumour of m.rumours) this.receiveEvent(rumour);
    if (this.baseline !== undefined && !this.view.attached && this.state === 'running') this.view.rebase(this.baseline);
  }

  private handleRumours(from: Address, m: RumourMessage): void {
    if (m.type === 'rumour-exchange') {
      const theirs = new Set(m.rumours.map((rumour) => rumour.id));
      const missing = this.recentRumours(this.config.messageSizeLimitBytes - wireSize.rumourHeader).filter(
        (rumour) => !theirs.has(rumour.id),
      );
      if (missing.length > 0) this.outbox.rumours(from, 'rumour-exchange-reply', missing);
    }
    for (const rumour of m.rumours) this.receiveEvent(rumour);
  }

  private applyUpdates(updates: readonly Update[]): void {
    const membership = this.membership;
    const dedupe = this.dedupe;
    const self = this.selfIndex;
    for (const update of updates) {
      if (dedupe !== null && dedupe.has(update, self)) continue;
      if (update.kind === 'user') {
        this.receiveEvent(update);
        dedupe?.add(update, self);
        continue;
      }
      const index = this.directory.intern(update.node);
      if (update.kind === 'alive') membership.aliveNode(index, update.incarnation, update);
      else if (update.kind === 'suspect') membership.suspectNode(index, update.incarnation, update.from, update);
      else membership.deadNode(index, update.incarnation, update.from, update);
      // Remember it only if its subject is known now: see UpdateDedupe for why that is exact.
      if (dedupe !== null && this.view.entry(index) !== stateUnknown) dedupe.add(update, self);
    }
  }

  /** A user event, ours or received: deliver it once, and in swim mode re-gossip it. */
  private receiveEvent(event: UserEvent): void {
    if (!this.rumours.add(event)) return;
    if (this.config.protocol === 'swim') this.queue.queue(event);
    else this.armGossip();
    for (const listener of this.rumourListeners) listener(event);
  }

  private tryJoin = (): void => {
    this.joinTimer = undefined;
    if (this.joined || this.state !== 'running' || this.joinSeeds.length === 0) return;
    if (this.joinAttempts >= this.config.joinAttemptsMax) {
      this.env.metrics.count('gossip.join-failures');
      return;
    }
    this.joinAttempts++;
    const snapshot = this.view.snapshot();
    for (const seed of this.joinSeeds) this.outbox.pushPull(seed, true, false, snapshot, this.recentRumours());
    this.joinTimer = this.env.schedule(this.config.joinRetryIntervalMs, this.tryJoin);
  };

  private joinReplied(): void {
    if (this.joined) return;
    this.joined = true;
    if (this.joinTimer !== undefined) {
      this.env.cancel(this.joinTimer);
      this.joinTimer = undefined;
    }
  }

  /** Our leave has been sent its full count: stop, after the datagram being built goes out. */
  private broadcastFinished(update: Update): void {
    if (update === this.leaveRecord && this.state === 'running') this.env.schedule(0, () => this.stop());
  }
}
