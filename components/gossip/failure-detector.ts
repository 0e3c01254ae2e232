import type { Address, Env, TimerHandle } from '../../sim/env';
import type { GossipConfig } from './gossip-config';
import type { MemberDirectory } from './member-directory';
import { entryIncarnation, entryState, isDeadOrLeft, stateAlive, stateUnknown } from './member-state';
import type { Membership } from './membership';
import type { MembershipView } from './membership-view';
import type { Outbox } from './outbox';
import type { ProbeOrder } from './probe-order';
import { suspectUpdate } from './update';

/** Which members a random pick may return (memberlist's kRandomNodes filters). */
export type PickFilter = 'alive' | 'gossip';

/** What the failure detector needs from its member. */
export interface DetectorHost {
  readonly env: Env;
  readonly name: Address;
  readonly config: GossipConfig;
  readonly directory: MemberDirectory;
  readonly view: MembershipView;
  readonly membership: Membership;
  readonly probeOrder: ProbeOrder;
  readonly outbox: Outbox;
  /** Up to k random members passing `filter`, never ourselves nor `exclude`. */
  pickMembers(k: number, filter: PickFilter, exclude: number): number[];
  nextSequence(): number;
}

interface Relay {
  readonly requester: Address;
  readonly seq: number;
  readonly expiresAtMs: number;
}

/**
 * SWIM failure detection (Das et al. §3, memberlist probe/probeNode): once per protocol
 * period, ping the next member of the shuffled round-robin order; without an ack within
 * probeTimeout, ask `indirectChecks` random alive members to ping it (ping-req) and relay
 * the ack; without any ack by the end of the period, suspect it (or, with suspicion off,
 * declare it dead). Also answers pings and serves ping-reqs for others.
 *
 * The end of a period is handled at the start of the next tick, so one timer per period
 * (plus the probe timeout) suffices.
 */
export class FailureDetector {
  /** The probe in progress: target index (-1 none), sequence, incarnation at probe time. */
  private target = -1;
  private seq = -1;
  private targetIncarnation = 0;
  private acked = false;
  private timeoutTimer: TimerHandle | undefined;
  /** Ping-reqs we serve, by our own sequence number, oldest first. */
  private readonly relays = new Map<number, Relay>();
  /** relays.size, kept here: checked every period, and the Map is another object to touch. */
  private relayCount = 0;

  constructor(private readonly host: DetectorHost) {}

  /** One protocol period: conclude the last probe, then probe the next member. */
  tick(): void {
    this.finishProbe();
    this.expireRelays();
    const target = this.nextTarget();
    if (target >= 0) this.probe(target);
  }

  /** Cancels the probe timeout (shutdown). */
  stop(): void {
    if (this.timeoutTimer !== undefined) this.host.env.cancel(this.timeoutTimer);
    this.timeoutTimer = undefined;
    this.target = -1;
    this.relays.clear();
    this.relayCount = 0;
  }

  /** A ping for us: ack it. A ping meant for another name (a reused address) is ignored. */
  handlePing(from: Address, seq: number, target: Address): void {
    if (target !== this.host.name) return;
    this.host.outbox.ack(from, seq);
  }

  /** An ack: completes our probe, or is relayed to whoever asked us to ping. */
  handleAck(seq: number): void {
    if (seq === this.seq && !this.acked && this.target >= 0) {
      this.acked = true;
      if (this.timeoutTimer !== undefined) this.host.env.cancel(this.timeoutTimer);
      this.timeoutTimer = undefined;
      return;
    }
    if (this.relayCount === 0) return;
    const relay = this.relays.get(seq);
    if (relay === undefined) return;
    this.relays.delete(seq);
    this.relayCount--;
    this.host.outbox.ack(relay.requester, relay.seq);
  }

  /** A ping-req: ping `target` with our own sequence number and remember whom to tell. */
  handlePingReq(from: Address, seq: number, target: Address): void {
    const relaySeq = this.host.nextSequence();
    this.relays.set(relaySeq, { requester: from, seq, expiresAtMs: this.host.env.now() + this.host.config.probeTimeoutMs });
    this.relayCount++;
    this.host.outbox.ping(target, relaySeq, target, null);
  }

  /**
   * memberlist probe(): the next position of the order that is not us, unknown, dead or
   * left; skipping costs no period. A finished pass reaps old dead members and reshuffles.
   */
  private nextTarget(): number {
    const { probeOrder, view, membership } = this.host;
    let checksLeft = probeOrder.passLength + view.domainSize + 2;
    while (checksLeft-- > 0) {
      if (probeOrder.passDone) {
        membership.reap(this.host.env.now());
        probeOrder.reset(view.domainSize);
        continue;
      }
      const index = probeOrder.next();
      if (index === membership.selfIndex) continue;
      const state = view.state(index);
      if (state === stateUnknown || isDeadOrLeft(state)) continue;
      return index;
    }
    return -1;
  }

  private probe(target: number): void {
    const { env, view, directory, outbox, membership } = this.host;
    const packed = view.entry(target);
    this.target = target;
    this.seq = this.host.nextSequence();
    this.targetIncarnation = entryIncarnation(packed);
    this.acked = false;
    const name = directory.address(target);
    const suspicion = entryState(packed) === stateAlive ? null : suspectUpdate(name, this.targetIncarnation, membership.selfName);
    outbox.ping(name, this.seq, name, suspicion);
    this.timeoutTimer = env.schedule(this.host.config.probeTimeoutMs, this.probeTimedOut);
  }

  private readonly probeTimedOut = (): void => {
    this.timeoutTimer = undefined;
    if (this.acked || this.target < 0) return;
    const { directory, outbox, config } = this.host;
    const name = directory.address(this.target);
    for (const relay of this.host.pickMembers(config.indirectChecks, 'alive', this.target)) {
      outbox.pingReq(directory.address(relay), this.seq, name);
    }
  };

  /** End of the protocol period: no ack, direct or indirect, means suspect (SWIM §4.2). */
  private finishProbe(): void {
    const target = this.target;
    if (target < 0) return;
    this.target = -1;
    if (this.timeoutTimer !== undefined) this.host.env.cancel(this.timeoutTimer);
    this.timeoutTimer = undefined;
    if (this.acked) return;
    const { membership, env } = this.host;
    env.metrics.count('gossip.probes-failed');
    if (this.host.config.suspicion) membership.suspectNode(target, this.targetIncarnation, membership.selfName, null);
    else membership.deadNode(target, this.targetIncarnation, membership.selfName, null);
  }

  private expireRelays(): void {
    if (this.relayCount === 0) return;
    const now = this.host.env.now();
    // Relays are added with a constant timeout, so insertion order is expiry order.
    for (const [seq, relay] of this.relays) {
      if (relay.expiresAtMs > now) break;
      this.relays.delete(seq);
      this.relayCount--;
    }
  }
}
