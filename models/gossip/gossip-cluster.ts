import {
  GossipMember,
  MemberDirectory,
  SharedBaseline,
  UpdateDedupe,
  resolveGossipConfig,
  type GossipConfig,
  type MembershipChange,
  type UserEvent,
} from '../../components/gossip/index';
import { MetricsRegistry } from '../../sim/metrics';
import { RngStreams, SeededRng } from '../../sim/rng';
import { SimEnv } from '../../sim/sim-env';
import { Simulation } from '../../sim/simulation';
import { checkClusterOptions, gossipClusterNetwork, type GossipClusterOptions, type GossipFault } from './cluster-options';
import { ClusterTransport, type TrafficCount } from './cluster-transport';
import { DetectionTracker } from './detection-tracker';
import { DisseminationTracker, type RumourSeries } from './dissemination-tracker';
import { round3 } from '../../sim/stats';
import { quantiles, type GossipSummary } from './gossip-summary';
import { Network } from '../request/network';

export type { GossipClusterOptions, GossipEventsOptions, GossipFault } from './cluster-options';
export type { RumourSeries } from './dissemination-tracker';
export type { GossipSummary } from './gossip-summary';

type SlotStatus = 'pending' | 'running' | 'leaving' | 'crashed' | 'left';

/** One address of the cluster and the member process behind it, if any. */
interface Slot {
  readonly index: number;
  readonly address: string;
  readonly env: SimEnv;
  member: GossipMember | undefined;
  status: SlotStatus;
  /** When the current member process started (ms). */
  startedAtMs: number;
}

/** Counters beyond the v1 summary, for tests, the validation script and the viz. */
export interface GossipRunDetail {
  readonly summary: GossipSummary;
  readonly series: RumourSeries[];
  readonly messages: number;
  readonly bytes: number;
  readonly byType: Readonly<Record<string, TrafficCount>>;
  readonly dropped: number;
  readonly eventsCompleted: number;
  readonly crashes: number;
  readonly simEvents: number;
  readonly memberSeconds: number;
  readonly runningMembers: number;
}

/**
 * A simulated gossip cluster: n real GossipMembers, each on its own SimEnv (address
 * `<service>-<i>`, random streams namespaced by address) over the modelled Network, plus
 * the faults, user events and measurements of the `summary.gossip` contract.
 *
 * Members share one MemberDirectory and one SharedBaseline (storage only; every member's
 * view stays its own), which is what lets 10,000 members fit in memory. Workload and fault
 * choices draw from streams of their own ('gossip-cluster/…'), independent of the protocol.
 * A crashed member stops at once; messages to it are dropped on delivery.
 */
export class GossipCluster {
  readonly sim: Simulation;
  readonly network: Network;
  readonly transport: ClusterTransport;
  readonly directory = new MemberDirectory();
  readonly baseline: SharedBaseline;
  readonly dedupe: UpdateDedupe | undefined;
  readonly config: GossipConfig;
  readonly metrics = new MetricsRegistry();
  readonly detection = new DetectionTracker();
  readonly dissemination: DisseminationTracker;
  private readonly streams: RngStreams;
  private readonly eventsRng: SeededRng;
  private readonly faultsRng: SeededRng;
  private readonly slots: Slot[] = [];
  private readonly service: string;
  private creatingRumour = false;
  private plannedRumours = 0;
  private sequentialLeft = 0;
  private uptimeMs = 0;
  private uptimeSinceMs = 0;
  private liveCount = 0;

  constructor(readonly options: GossipClusterOptions) {
    checkClusterOptions(options);
    this.sim = options.sim ?? new Simulation();
    this.config = resolveGossipConfig(options.gossip);
    const seed = options.seed ?? 1;
    this.streams = new RngStreams(seed);
    this.eventsRng = new SeededRng(seed, 'gossip-cluster/events');
    this.faultsRng = new SeededRng(seed, 'gossip-cluster/faults');
    this.service = options.service ?? 'gossip';
    this.network = new Network(this.sim, options.network ?? gossipClusterNetwork, new SeededRng(seed, 'gossip-cluster/network'));
    this.transport = new ClusterTransport(this.network, (address) => this.slotOf(address));
    const addresses = Array.from({ length: options.members }, (_, i) => this.address(i));
    // The storage baseline is "everyone alive at incarnation 1" whatever the bootstrap:
    // it only decides what is stored as a difference, never what a member believes.
    this.baseline = SharedBaseline.agreed(this.directory, addresses);
    this.dedupe = options.dedupe === false ? undefined : new UpdateDedupe(this.directory);
    const series = options.series ?? {};
    this.dissemination = new DisseminationTracker({
      windowMs: series.windowMs ?? 100,
      seriesRumoursMax: series.rumoursMax ?? 16,
      pointsMax: series.pointsMax ?? 600,
      trackedMax: 100_000,
      samplesMax: 100_000,
    });
    this.bootstrap(options.bootstrap ?? 'converged');
    this.scheduleFaults(options.faults ?? []);
    this.scheduleEvents();
  }

  /** Address of slot `index`. */
  address(index: number): string {
    return `${this.service}-${index}`;
  }

  /** Slots ever created (initial members + joiners). */
  get slotCount(): number {
    return this.slots.length;
  }

  /** The member process of slot `index` if it is running or leaving. */
  member(index: number): GossipMember | undefined {
    return this.slots[index]?.member;
  }

  /** Slots whose member is running (not leaving). */
  runningSlots(): number[] {
    return this.slots.filter((slot) => slot.status === 'running').map((slot) => slot.index);
  }

  /** Runs its own simulation to `untilMs` (default: the configured duration); a cluster in a World runs with the World. */
  run(untilMs = this.options.durationMs): void {
    if (this.options.sim !== undefined) throw new Error('gossip-cluster: this cluster runs in a shared simulation; run that instead');
    const stopWhenDone = this.options.stopWhenDisseminated === true;
    this.sim.run({
      untilMs,
      maxEvents: this.options.eventsMax ?? 2e9,
      progressEvery: stopWhenDone ? 1024 : 65_536,
      onProgress: stopWhenDone ? () => this.stopIfDisseminated() : undefined,
    });
  }

  /** Crashes slot `index`: its member stops at once and never answers again. */
  crash(index: number): void {
    const slot = this.slotAt(index);
    if (slot.status !== 'running' && slot.status !== 'leaving') return;
    this.memberGone(slot, 'crashed');
    // Members that already hold it dead, left or unknown (a partition, a reap) have nothing to detect.
    const observers = this.runningSlots().filter((observer) => {
      const state = this.slots[observer]!.member!.stateOf(slot.address)?.state;
      return state === 'alive' || state === 'suspect';
    });
    this.detection.crashed(index, this.sim.now(), this.slots.length, observers);
  }

  /** Restarts a crashed slot as a fresh process that joins through random seeds. */
  restart(index: number): void {
    const slot = this.slotAt(index);
    if (slot.status !== 'crashed' && slot.status !== 'left') return;
    this.detection.restarted(index);
    this.startFresh(slot);
  }

  /** A new member joins through random seeds; returns its slot. */
  join(): number {
    const slot = this.addSlot();
    this.startFresh(slot);
    return slot.index;
  }

  /** Slot `index` leaves gracefully. */
  leave(index: number): void {
    const slot = this.slotAt(index);
    if (slot.status !== 'running') return;
    const member = slot.member!;
    this.dissemination.memberGone(this.sim.now(), (createdAtMs) => slot.startedAtMs <= createdAtMs, (id) => member.knowsRumour(id));
    this.detection.observerGone(index, this.sim.now());
    this.setStatus(slot, 'leaving');
    member.leave();
  }

  /** Creates a user event at slot `index` (default: a random running member); returns its id. */
  createRumour(index?: number): string | undefined {
    const running = this.runningSlots();
    if (running.length === 0) return undefined;
    const slot = this.slots[index ?? running[this.eventsRng.int(running.length)]!]!;
    if (slot.status !== 'running') return undefined;
    this.creatingRumour = true;
    const id = slot.member!.broadcast('event', this.options.events?.payloadBytes ?? 32);
    this.creatingRumour = false;
    return id;
  }

  /** The v1 summary so far. */
  summary(): GossipSummary {
    const memberSeconds = this.memberSeconds();
    const perMemberSecond = (x: number) => (memberSeconds > 0 ? round3(x / memberSeconds) : 0);
    return {
      members: this.options.members,
      dissemination: { fullMs: quantiles(this.dissemination.fullMs), events: this.dissemination.createdCount },
      detection: {
        firstSuspectMs: quantiles(this.detection.firstSuspectMs),
        allDeadMs: quantiles(this.detection.allDeadMs),
        falsePositives: this.detection.falsePositives,
      },
      load: { msgsPerMemberPerSec: perMemberSecond(this.transport.messages), bytesPerMemberPerSec: perMemberSecond(this.transport.bytes) },
    };
  }

  /** Informed fraction over time of the first recorded rumours. */
  informedSeries(): RumourSeries[] {
    return this.dissemination.informedSeries();
  }

  detail(): GossipRunDetail {
    return {
      summary: this.summary(),
      series: this.informedSeries(),
      messages: this.transport.messages,
      bytes: this.transport.bytes,
      byType: Object.fromEntries([...this.transport.byType].filter(([, count]) => count.messages > 0)),
      dropped: this.network.dropped,
      eventsCompleted: this.dissemination.completedCount,
      crashes: this.detection.crashes,
      simEvents: this.sim.events,
      memberSeconds: this.memberSeconds(),
      runningMembers: this.runningSlots().length,
    };
  }

  /** Checks every running member's invariants (O(n²): small clusters only). */
  checkInvariants(): void {
    for (const slot of this.slots) slot.member?.checkInvariants();
  }

  private bootstrap(mode: 'converged' | 'join'): void {
    for (let i = 0; i < this.options.members; i++) this.addSlot();
    if (mode === 'converged') {
      for (const slot of this.slots) this.startMember(slot, 'converged');
      return;
    }
    this.startMember(this.slots[0]!, 'fresh');
    for (const slot of this.slots.slice(1)) {
      this.sim.at(this.faultsRng.next() * 1000, () => this.startFresh(slot, [this.address(0)]));
    }
  }

  private addSlot(): Slot {
    const index = this.slots.length;
    const address = this.address(index);
    if (this.directory.intern(address) !== index) {
      throw new Error(`gossip-cluster: invariant violated: directory index of ${address} is not its slot ${index}`);
    }
    const env = new SimEnv(this.sim, this.streams, address, this.transport, this.metrics);
    const slot: Slot = { index, address, env, member: undefined, status: 'pending', startedAtMs: 0 };
    this.slots.push(slot);
    return slot;
  }

  private startMember(slot: Slot, bootstrap: 'converged' | 'fresh'): GossipMember {
    const member = new GossipMember(slot.env, {
      name: slot.address,
      config: this.config,
      directory: this.directory,
      baseline: this.baseline,
      dedupe: this.dedupe,
      bootstrap,
    });
    member.subscribe((change) => this.observed(slot.index, change));
    member.onRumour((event) => this.rumourReceived(slot, event));
    member.onStop(() => this.leaveDone(slot));
    slot.member = member;
    slot.startedAtMs = this.sim.now();
    this.setStatus(slot, 'running');
    member.start();
    return member;
  }

  private startFresh(slot: Slot, seeds?: readonly string[]): void {
    const chosen = seeds ?? this.pickSeeds(slot.index);
    const member = this.startMember(slot, 'fresh');
    member.join(chosen);
  }

  private pickSeeds(exclude: number): string[] {
    const running = this.runningSlots().filter((index) => index !== exclude);
    const seeds: string[] = [];
    const count = Math.min(this.options.seedsPerJoin ?? 1, running.length);
    while (seeds.length < count) {
      const address = this.address(running[this.faultsRng.int(running.length)]!);
      if (!seeds.includes(address)) seeds.push(address);
    }
    return seeds;
  }

  private memberGone(slot: Slot, status: 'crashed' | 'left'): void {
    const member = slot.member!;
    if (slot.status === 'running') {
      this.dissemination.memberGone(this.sim.now(), (createdAtMs) => slot.startedAtMs <= createdAtMs, (id) => member.knowsRumour(id));
      this.detection.observerGone(slot.index, this.sim.now());
    }
    member.stop();
    slot.member = undefined;
    this.setStatus(slot, status);
  }

  /** A leaving member has stopped by itself. */
  private leaveDone(slot: Slot): void {
    if (slot.status !== 'leaving') return;
    slot.member = undefined;
    this.setStatus(slot, 'left');
  }

  private observed(observer: number, change: MembershipChange): void {
    if (change.state === 'alive') return;
    const status = this.slots[change.index]?.status;
    const running = status === 'running' || status === 'leaving';
    this.detection.observed(observer, change.index, change.state, change.incarnation, running, this.sim.now());
  }

  private rumourReceived(slot: Slot, event: UserEvent): void {
    const now = this.sim.now();
    if (this.creatingRumour) {
      this.creatingRumour = false;
      this.dissemination.rumourCreated(event.id, now, this.liveTargets());
    }
    if (slot.status === 'running') this.dissemination.informed(event.id, now, slot.startedAtMs);
  }

  private liveTargets(): number {
    let count = 0;
    for (const slot of this.slots) if (slot.status === 'running') count++;
    return count;
  }

  private setStatus(slot: Slot, status: SlotStatus): void {
    const now = this.sim.now();
    this.uptimeMs += this.liveCount * (now - this.uptimeSinceMs);
    this.uptimeSinceMs = now;
    const wasLive = slot.status === 'running' || slot.status === 'leaving';
    const isLive = status === 'running' || status === 'leaving';
    this.liveCount += Number(isLive) - Number(wasLive);
    slot.status = status;
  }

  private memberSeconds(): number {
    const now = this.sim.now();
    return (this.uptimeMs + this.liveCount * (now - this.uptimeSinceMs)) / 1000;
  }

  /**
   * The slot of `address`. Addresses are '<service>-<i>', so the index is parsed from the
   * digits rather than looked up: a 10,000-entry string map missed the cache on every
   * message (6% of the 10,000-member run).
   */
  private slotOf(address: string): Slot | undefined {
    const start = this.service.length + 1;
    let index = 0;
    for (let i = start; i < address.length; i++) {
      const digit = address.charCodeAt(i) - 48;
      if (digit < 0 || digit > 9) return undefined;
      index = index * 10 + digit;
    }
    const slot = this.slots[index];
    return slot !== undefined && slot.address === address ? slot : undefined;
  }

  private slotAt(index: number): Slot {
    const slot = this.slots[index];
    if (slot === undefined) throw new RangeError(`gossip-cluster: no member slot ${index} (have ${this.slots.length})`);
    return slot;
  }

  private scheduleFaults(faults: readonly GossipFault[]): void {
    for (const fault of faults) this.sim.at(fault.atMs, () => this.applyFault(fault));
  }

  private applyFault(fault: GossipFault): void {
    switch (fault.kind) {
      case 'crash':
        for (const index of this.targets(fault.member, fault.count)) {
          this.crash(index);
          if (fault.forMs !== undefined) this.sim.at(this.sim.now() + fault.forMs, () => this.restart(index));
        }
        break;
      case 'join':
        for (let i = 0; i < (fault.count ?? 1); i++) this.join();
        break;
      case 'leave':
        for (const index of this.targets(fault.member, fault.count)) this.leave(index);
        break;
      case 'loss': {
        const restore = this.network.addLoss(fault.probability);
        if (fault.forMs !== undefined) this.sim.at(this.sim.now() + fault.forMs, restore);
        break;
      }
      case 'partition': {
        const heal = this.network.partition(fault.groups.map((group) => group.map((index) => this.address(index))));
        if (fault.forMs !== undefined) this.sim.at(this.sim.now() + fault.forMs, () => heal());
        break;
      }
    }
  }

  /** `member`, or `count` distinct random running slots (default 1). */
  private targets(member: number | undefined, count: number | undefined): number[] {
    if (member !== undefined) return [member];
    const running = this.runningSlots();
    const chosen: number[] = [];
    const wanted = Math.min(count ?? 1, running.length);
    while (chosen.length < wanted) {
      const index = running[this.faultsRng.int(running.length)]!;
      if (!chosen.includes(index)) chosen.push(index);
    }
    return chosen;
  }

  private scheduleEvents(): void {
    const events = this.options.events;
    if (events === undefined) return;
    for (const atMs of events.atMs ?? []) {
      this.plannedRumours++;
      this.sim.at(atMs, () => {
        this.plannedRumours--;
        this.createRumour();
      });
    }
    if (events.rate > 0) this.scheduleNextRumour(events.startMs ?? 0);
    const sequential = events.sequential ?? 0;
    if (sequential > 0) {
      this.plannedRumours += sequential;
      const next = () => {
        this.plannedRumours--;
        this.createRumour();
      };
      this.dissemination.onComplete = () => {
        if (this.sequentialLeft === 0) return;
        this.sequentialLeft--;
        next();
      };
      this.sequentialLeft = sequential - 1;
      this.sim.at(events.startMs ?? 0, next);
    }
  }

  /** Poisson arrivals: exponential gaps with mean 1/rate, from the events stream. */
  private scheduleNextRumour(fromMs: number): void {
    const events = this.options.events!;
    const atMs = fromMs + (-Math.log(1 - this.eventsRng.next()) / events.rate) * 1000;
    if (atMs > (events.endMs ?? this.options.durationMs)) return;
    this.sim.at(atMs, () => {
      this.createRumour();
      this.scheduleNextRumour(atMs);
    });
  }

  private stopIfDisseminated(): void {
    if (this.plannedRumours === 0 && this.dissemination.activeCount === 0 && this.dissemination.createdCount > 0) this.sim.stop();
  }
}

/** Builds a cluster from `options`, runs it for `durationMs` and returns `summary.gossip`. */
export function runGossipCluster(options: GossipClusterOptions): GossipSummary {
  const cluster = new GossipCluster(options);
  cluster.run();
  return cluster.summary();
}
