import type { Address, Env } from '../../sim/env';
import { invariantError } from '../errors';
import type { BroadcastQueue } from './broadcast-queue';
import { suspicionTimeoutMs } from './formulas';
import type { GossipConfig } from './gossip-config';
import type { MemberDirectory } from './member-directory';
import {
  entryIncarnation,
  entryState,
  isDeadOrLeft,
  packEntry,
  stateAlive,
  stateDead,
  stateLeft,
  stateName,
  stateSuspect,
  stateUnknown,
  type MemberState,
} from './member-state';
import type { MembershipView, ViewSnapshot } from './membership-view';
import type { ProbeOrder } from './probe-order';
import { Suspicion } from './suspicion';
import { aliveUpdate, deadUpdate, suspectUpdate, type MembershipUpdate } from './update';

/** A change in one member's view, for subscribers (discovery). */
export interface MembershipChange {
  /** The member that changed. */
  readonly id: Address;
  /** Its directory index (stable; shared by every member of a simulated cluster). */
  readonly index: number;
  readonly state: MemberState;
  readonly incarnation: number;
  /** The state before, or undefined if the member was not known. */
  readonly previous: MemberState | undefined;
}

export type MembershipListener = (change: MembershipChange) => void;

/**
 * One member's membership state machine: memberlist's aliveNode, suspectNode, deadNode,
 * refute and mergeState (state.go), with Lifeguard suspicion timers.
 *
 * Precedence (SWIM §4.2 with memberlist's refinements), for an entry at incarnation i:
 * - alive j overrides suspect or alive when j > i; a dead or left member comes back with j > i;
 * - suspect j overrides alive when j >= i; on a suspect entry it only counts as a confirmation;
 * - dead j overrides alive and suspect when j >= i; dead and left are final for that incarnation;
 * - about ourselves, suspect or dead (unless leaving) make us refute: incarnation
 *   max(own, accused) + 1, gossiped as alive.
 * Updates that change the entry are queued for gossip (the received record itself).
 */
export class Membership {
  /** Our incarnation (memberlist's m.incarnation). */
  incarnation = 0;
  /** Set by leave: a dead message about ourselves is then accepted, not refuted. */
  leaving = false;
  private readonly suspicions = new Map<number, Suspicion>();
  private readonly listeners: MembershipListener[] = [];

  constructor(
    private readonly env: Env,
    private readonly config: GossipConfig,
    readonly selfIndex: number,
    readonly directory: MemberDirectory,
    readonly view: MembershipView,
    readonly queue: BroadcastQueue,
    private readonly probeOrder: ProbeOrder,
  ) {}

  get selfName(): Address {
    return this.directory.address(this.selfIndex);
  }

  /** memberlist estNumNodes: members known, dead ones not yet reaped included. */
  get estimatedSize(): number {
    return this.view.knownCount;
  }

  /** Number of suspicion timers running. */
  get suspicionCount(): number {
    return this.suspicions.size;
  }

  /** The running suspicion about `index`, if any (for tests and introspection). */
  suspicion(index: number): Suspicion | undefined {
    return this.suspicions.get(index);
  }

  subscribe(listener: MembershipListener): () => void {
    this.listeners.push(listener);
    return () => {
      const at = this.listeners.indexOf(listener);
      if (at >= 0) this.listeners.splice(at, 1);
    };
  }

  /**
   * An alive message about `index` at `incarnation`. `record` is the received update
   * (re-gossiped as is) or null to build one. `bootstrap` marks our own first alive.
   */
  aliveNode(index: number, incarnation: number, record: MembershipUpdate | null, bootstrap = false): void {
    const packed = this.view.entry(index);
    const state = entryState(packed);
    const current = entryIncarnation(packed);
    const isSelf = index === this.selfIndex;
    if (!isSelf && incarnation <= current) return;
    if (isSelf && incarnation < current) return;
    if (state === stateUnknown) this.probeOrder.insert(index);
    this.cancelSuspicion(index);
    if (isSelf && !bootstrap) {
      // Our own alive echoed back is no news; a higher one (a previous life) must be beaten.
      if (incarnation !== current) this.refute(incarnation);
      return;
    }
    this.queue.queue(record ?? aliveUpdate(this.directory.address(index), incarnation));
    this.setEntry(index, stateAlive, incarnation);
  }

  /** A suspect message about `index` from `from`. */
  suspectNode(index: number, incarnation: number, from: Address, record: MembershipUpdate | null): void {
    const packed = this.view.entry(index);
    const state = entryState(packed);
    if (state === stateUnknown) return;
    if (incarnation < entryIncarnation(packed)) return;
    const suspicion = this.suspicions.get(index);
    if (suspicion !== undefined) {
      // Already suspect: count an independent confirmation (Lifeguard) and pass it on if new.
      if (suspicion.confirm(from)) this.queue.queue(record ?? suspectUpdate(this.directory.address(index), incarnation, from));
      return;
    }
    if (state !== stateAlive) return;
    if (index === this.selfIndex) {
      this.refute(incarnation);
      return;
    }
    if (!this.config.suspicion) {
      // The naive baseline: no suspicion period, the accusation is final.
      this.deadNode(index, incarnation, from, null);
      return;
    }
    this.queue.queue(record ?? suspectUpdate(this.directory.address(index), incarnation, from));
    this.setEntry(index, stateSuspect, incarnation);
    this.startSuspicion(index, from);
  }

  /** A dead message about `index` from `from`; from === the member itself means it left. */
  deadNode(index: number, incarnation: number, from: Address, record: MembershipUpdate | null): void {
    const packed = this.view.entry(index);
    const state = entryState(packed);
    if (state === stateUnknown) return;
    if (incarnation < entryIncarnation(packed)) return;
    this.cancelSuspicion(index);
    if (isDeadOrLeft(state)) return;
    const name = this.directory.address(index);
    if (index === this.selfIndex && !this.leaving) {
      this.refute(incarnation);
      return;
    }
    this.queue.queue(record ?? deadUpdate(name, incarnation, from));
    this.setEntry(index, from === name ? stateLeft : stateDead, incarnation);
  }

  /** Out-gossip an accusation about ourselves: incarnation max(own, accused) + 1, alive. */
  refute(accusedIncarnation: number): void {
    let incarnation = this.incarnation + 1;
    if (accusedIncarnation >= incarnation) incarnation = accusedIncarnation + 1;
    this.incarnation = incarnation;
    this.env.metrics.count('gossip.refutations');
    this.queue.queue(aliveUpdate(this.selfName, incarnation));
    this.setEntry(this.selfIndex, stateAlive, incarnation);
  }

  /**
   * memberlist mergeState: each entry of a remote view as if its message had arrived;
   * a remote dead becomes a local suspicion (accused by us), a remote left stays left.
   * Entries both sides hold identically in a shared baseline are skipped: they would be
   * no-ops. O(overrides) when both views share the baseline array, else O(directory).
   */
  mergeSnapshot(snapshot: ViewSnapshot): void {
    const sameNames = snapshot.directory === this.directory;
    if (sameNames && snapshot.base !== null && snapshot.base === this.view.baseEntries) {
      this.mergeOverrides(snapshot);
      return;
    }
    const base = snapshot.base;
    const remoteOverrides = new Map<number, number>();
    for (let i = 0; i < snapshot.indexes.length; i++) remoteOverrides.set(snapshot.indexes[i]!, snapshot.entries[i]!);
    const size = Math.max(base === null ? 0 : base.length, snapshot.directory.size);
    for (let i = 0; i < size; i++) {
      const packed = remoteOverrides.get(i) ?? (base !== null && i < base.length ? base[i]! : stateUnknown);
      if (packed === stateUnknown) continue;
      this.applyRemote(sameNames ? i : this.directory.intern(snapshot.directory.address(i)), packed);
    }
  }

  /** Reaps dead and left entries older than gossipToTheDead (memberlist resetNodes). */
  reap(nowMs: number): number {
    const expired: number[] = [];
    for (const [index, since] of this.view.deadEntries()) {
      if (nowMs - since > this.config.gossipToTheDeadMs && index !== this.selfIndex) expired.push(index);
    }
    for (const index of expired) this.view.set(index, stateUnknown, nowMs);
    return expired.length;
  }

  /** Stops every suspicion timer (shutdown). */
  cancelAll(): void {
    for (const suspicion of this.suspicions.values()) suspicion.cancel();
    this.suspicions.clear();
  }

  /** Sets an entry and tells subscribers when state or incarnation changed. */
  setEntry(index: number, state: number, incarnation: number): void {
    const old = this.view.entry(index);
    const packed = packEntry(state, incarnation);
    if (old === packed) return;
    this.view.set(index, packed, this.env.now());
    if (this.listeners.length === 0) return;
    const change: MembershipChange = {
      id: this.directory.address(index),
      index,
      state: stateName(state)!,
      incarnation,
      previous: stateName(entryState(old)),
    };
    for (const listener of this.listeners) listener(change);
  }

  /** Throws if a suspicion timer and the view disagree, or our own entry is wrong. */
  checkInvariants(): void {
    for (const index of this.suspicions.keys()) {
      if (this.view.state(index) !== stateSuspect) {
        throw invariantError(
          'gossip.invariant-violated',
          `gossip: invariant violated: suspicion timer for ${this.directory.address(index)} which is not suspect`,
        );
      }
    }
    const own = this.view.entry(this.selfIndex);
    if (entryIncarnation(own) !== this.incarnation) {
      throw invariantError(
        'gossip.invariant-violated',
        `gossip: invariant violated: own incarnation ${this.incarnation} but view says ${entryIncarnation(own)}`,
      );
    }
    const expected = this.leaving ? [stateAlive, stateLeft] : [stateAlive];
    if (!expected.includes(entryState(own))) {
      throw invariantError(
        'gossip.invariant-violated',
        `gossip: invariant violated: own state ${stateName(entryState(own))} (leaving: ${this.leaving})`,
      );
    }
  }

  private mergeOverrides(snapshot: ViewSnapshot): void {
    const remote = new Set<number>();
    for (let i = 0; i < snapshot.indexes.length; i++) {
      remote.add(snapshot.indexes[i]!);
      if (snapshot.entries[i] !== stateUnknown) this.applyRemote(snapshot.indexes[i]!, snapshot.entries[i]!);
    }
    // Where only we differ from the shared baseline, the remote holds the baseline value.
    const base = snapshot.base!;
    for (const index of this.view.overrideIndexes()) {
      if (remote.has(index) || index >= base.length || base[index] === stateUnknown) continue;
      this.applyRemote(index, base[index]!);
    }
  }

  private applyRemote(index: number, packed: number): void {
    const incarnation = entryIncarnation(packed);
    switch (entryState(packed)) {
      case stateAlive:
        this.aliveNode(index, incarnation, null);
        break;
      case stateLeft:
        this.deadNode(index, incarnation, this.directory.address(index), null);
        break;
      case stateDead:
      case stateSuspect:
        // "If the remote node believes a node is dead, we prefer to suspect that node
        // instead of declaring it dead instantly" (memberlist mergeState).
        this.suspectNode(index, incarnation, this.selfName, null);
        break;
    }
  }

  private startSuspicion(index: number, from: Address): void {
    const n = this.estimatedSize;
    // k confirmations bring the timeout to the minimum, "two probe intervals short" of the
    // multiplier; none are expected in a cluster too small to give them (memberlist).
    let expected = this.config.suspicionMult - 2;
    if (n - 2 < expected) expected = 0;
    const minMs = suspicionTimeoutMs(this.config.suspicionMult, n, this.config.probeIntervalMs);
    const maxMs = this.config.suspicionMaxTimeoutMult * minMs;
    const suspicion = new Suspicion(this.env, from, Math.max(0, expected), minMs, maxMs, () => this.suspicionExpired(index));
    this.suspicions.set(index, suspicion);
  }

  private suspicionExpired(index: number): void {
    this.suspicions.delete(index);
    const packed = this.view.entry(index);
    if (entryState(packed) !== stateSuspect) return;
    this.env.metrics.count('gossip.suspicion-timeouts');
    this.deadNode(index, entryIncarnation(packed), this.selfName, null);
  }

  private cancelSuspicion(index: number): void {
    const suspicion = this.suspicions.get(index);
    if (suspicion === undefined) return;
    suspicion.cancel();
    this.suspicions.delete(index);
  }
}
