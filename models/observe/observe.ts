/**
 * Observation of a running World, for live views (the browser viz) and tests.
 *
 * A `WorldObserver` drives one World forward in chunks of simulated time and, at each
 * sampling instant (every `intervalMs` of sim time), reads its public state: every node's
 * load, the request counters, the closed time-series windows. `snapshot()` returns only
 * what changed since the previous snapshot, so a page fed 30 times a second by a
 * 1,000-node world receives a few kilobytes per frame.
 *
 * Why chunks and not a sampling event on the queue: an event of ours would count in
 * `sim.events`, which is part of the result JSON. Running `sim.run` to each sampling
 * instant in turn executes exactly the events one long run executes, in the same order,
 * so an observed run's result is byte-identical to `runReplication`'s (the viz tests check
 * this against the CLI).
 *
 * Request movements are seen as the World's network's observer (`Network.observer`):
 * every request, response and component message crosses the network. The observer only
 * counts and, for a bounded sample, records who sent what to whom; it draws no random
 * numbers and schedules nothing, so the run is unchanged. `detach()` removes it.
 */
import type { EventFn } from '../../sim/event-queue';
import { Histogram } from '../../sim/histogram';
import type { FaultInterval } from '../subsystem/fault-interval';
import type { Node } from '../request/node';
import type { SubsystemObserver } from '../subsystem/subsystem';
import { deliverRequest, deliverResponse, type Attempt } from '../request/request';
import type { WindowPoint } from '../run/time-series';
import type { World } from '../run/world';
import { overloadWarnings } from '../run/warnings';

/**
 * Fields of one node record in `Snapshot.nodes`, after its index. `up` is 1 (up), 0
 * (crashed) or -1 (not added yet: a node a subsystem brings in later).
 */
export const NODE_FIELDS = ['up', 'slowFactor', 'faults', 'inSystem', 'queue', 'busy', 'utilization'] as const;
/** Numbers per node record: the node's index, then `NODE_FIELDS`. */
export const NODE_STRIDE = 1 + NODE_FIELDS.length;

/** Bits of a node record's `faults` field: the fault kinds acting on the node now. */
export const FAULT_BITS: Readonly<Record<string, number>> = Object.freeze({
  crash: 1,
  slow: 2,
  partition: 4,
  loss: 8,
  errors: 16,
  other: 32,
});

/** Defaults of `ObserveOptions`, with the reason for each value. */
export const OBSERVE_DEFAULTS = Object.freeze({
  /** 100 ms of sim time: 10 samples per simulated second, smooth at 1× and below. */
  intervalMsMin: 100,
  /** Long runs sample more coarsely, so a run has at most this many load columns. */
  intervalsMax: 600,
  /** Enough dots to read the traffic pattern; more would only cost rendering time. */
  movementsMax: 200,
});

export interface ObserveOptions {
  /**
   * Sim time between samples, ms. Absent: max(100 ms, duration / 600), so a run has at
   * most 600 load columns whatever its length. Must be > 0.
   */
  readonly intervalMs?: number;
  /** Most request movements kept per snapshot (a uniform sample of all messages). ≥ 0. */
  readonly movementsMax?: number;
}

export interface TopologyService {
  readonly name: string;
  /** Node ids of its replicas, in index order. */
  readonly replicas: readonly string[];
  readonly cores: number;
  readonly discipline: string;
  /** Services it calls, each once, in the order of its `calls`. */
  readonly calls: readonly string[];
  readonly policy: string;
}

export interface TopologyClient {
  readonly name: string;
  readonly target: string;
  /** Network addresses of its instances (`<client>-<i>`). */
  readonly addresses: readonly string[];
  readonly policy: string;
}

/** What does not change during a run: the shape of the system and the run's frame. */
export interface Topology {
  readonly scenario: string;
  readonly seed: number;
  readonly durationMs: number;
  readonly warmupMs: number;
  readonly windowMs: number;
  readonly intervalMs: number;
  readonly services: readonly TopologyService[];
  readonly clients: readonly TopologyClient[];
  /** Replica ids; a node's index in `Snapshot.nodes` records is its position here. */
  readonly nodes: readonly string[];
  /** Nodes that subsystems bring in during the run (a KV store's added nodes), with the time they are added (ms). */
  readonly addedAtMs?: Readonly<Record<string, number>>;
  readonly faults: readonly FaultInterval[];
  /** Per subsystem the run has (by name), what its observer says does not change (e.g. the names of its clusters). */
  readonly parts: Readonly<Record<string, unknown>>;
  /** What the file alone warns of (an overloaded service), as in a run's `warnings`. */
  readonly warnings: readonly string[];
}

/** One message seen on the network (sampled). */
export interface Movement {
  readonly tMs: number;
  readonly from: string;
  readonly to: string;
  readonly kind: 'request' | 'response' | 'message';
  /** The outcome a response carries ('ok', 'error', 'reset', …); '' for others. */
  readonly outcome: string;
  /** Lost or cut off by a partition. */
  readonly dropped: boolean;
}

/** Per-node mean utilisation over one sampling interval; -1 for a node down at its end, NaN for one not added yet. */
export interface LoadColumn {
  readonly startMs: number;
  readonly endMs: number;
  readonly utilization: Float32Array;
}

/** Measured (after warm-up) request counters, summed over clients. */
export interface Counters {
  readonly sent: number;
  readonly completed: number;
  readonly failed: number;
  readonly timedOut: number;
  readonly rejected: number;
  readonly inFlight: number;
  /** Messages lost or cut off by partitions since warm-up. */
  readonly dropped: number;
}

/** Client-side latency of measured successful requests, with log-spaced bins for plots. */
export interface LatencyDigest {
  readonly count: number;
  readonly meanMs: number;
  readonly p50Ms: number;
  readonly p90Ms: number;
  readonly p99Ms: number;
  readonly p999Ms: number;
  readonly maxMs: number;
  /** Bin edges (ms), 10 per decade; `counts[i]` falls in [edges[i], edges[i+1]). */
  readonly edgesMs: readonly number[];
  readonly counts: readonly number[];
}

/** What changed since the previous snapshot. */
export interface Snapshot {
  readonly tMs: number;
  readonly events: number;
  /** The run reached its end (the World's result can be collected). */
  readonly done: boolean;
  /** Changed node records: index then `NODE_FIELDS`, `NODE_STRIDE` numbers each. */
  readonly nodes: Float64Array;
  readonly counters: Counters;
  /** Time-series windows closed since the previous snapshot. */
  readonly windows: readonly WindowPoint[];
  /** Sampling intervals closed since the previous snapshot. */
  readonly load: readonly LoadColumn[];
  readonly movements: readonly Movement[];
  /** Messages sent since the previous snapshot, of which `movements` is a sample. */
  readonly messages: number;
  /** Per subsystem the run has (by name), its observer's view now; it may leave out what did not change. */
  readonly parts: Readonly<Record<string, unknown>>;
}

/** Reads a World as it runs; see the module comment. */
export class WorldObserver {
  readonly topology: Topology;
  /** Record movements (off while seeking: nobody would see them). */
  recordMovements = true;

  /** Per topology node, its modelled node; undefined until an add-node fault creates it. */
  private readonly nodes: (Node | undefined)[];
  private readonly lastSent: Float64Array;
  private readonly lastArea: Float64Array;
  private readonly lastUtilization: Float64Array;
  private readonly movementsMax: number;
  private lastSampleMs = 0;
  private nextSampleMs: number;
  private finished = false;
  private windowsSent = 0;
  private load: LoadColumn[] = [];
  private movements: Movement[] = [];
  private messages = 0;
  /** Record one message in `stride` (doubles when the sample fills up). */
  private stride = 1;
  private readonly latencyScratch = new Histogram();
  private readonly observers = new Map<string, SubsystemObserver>();

  constructor(readonly world: World, options: ObserveOptions = {}) {
    const scenario = world.scenario;
    const intervalMs = options.intervalMs ?? Math.max(OBSERVE_DEFAULTS.intervalMsMin, scenario.durationMs / OBSERVE_DEFAULTS.intervalsMax);
    if (!(intervalMs > 0)) throw new RangeError(`observe: intervalMs must be > 0, got ${intervalMs}`);
    this.movementsMax = options.movementsMax ?? OBSERVE_DEFAULTS.movementsMax;
    if (!(this.movementsMax >= 0)) throw new RangeError(`observe: movementsMax must be >= 0, got ${this.movementsMax}`);
    for (const [name, part] of world.parts) {
      const observer = part.observe?.();
      if (observer !== undefined) this.observers.set(name, observer);
    }
    this.topology = topologyOf(world, intervalMs, this.observers);
    this.nodes = this.topology.nodes.map((id) => world.replicas.get(id)?.node);
    this.lastSent = new Float64Array(this.nodes.length * NODE_FIELDS.length).fill(NaN);
    this.lastArea = new Float64Array(this.nodes.length);
    this.lastUtilization = new Float64Array(this.nodes.length);
    this.lastSampleMs = world.sim.now();
    this.nextSampleMs = this.lastSampleMs + intervalMs;
    world.network.observer = {
      transmitted: (from, to, fn, arg, delivered) => {
        const index = this.messages++;
        if (this.recordMovements && index % this.stride === 0) this.record(from, to, fn, arg, delivered);
      },
    };
  }

  /** The run reached the scenario's end. */
  get done(): boolean {
    return this.finished;
  }

  /**
   * Run the world up to `untilMs` of sim time (at most its duration), stopping at each
   * sampling instant to sample it, and after at most `maxEvents` events.
   *
   * @returns the sim time reached (ms)
   */
  advance(untilMs: number, maxEvents = Infinity): number {
    const world = this.world;
    const sim = world.sim;
    const endMs = Math.min(untilMs, world.scenario.durationMs);
    const startEvents = sim.events;
    while (!this.finished) {
      const targetMs = Math.min(this.nextSampleMs, endMs);
      const reached = sim.run({ untilMs: targetMs, maxEvents: maxEvents - (sim.events - startEvents) });
      if (!reached) break;
      if (targetMs === world.scenario.durationMs) this.finish();
      else if (targetMs === this.nextSampleMs) this.sample();
      if (targetMs >= endMs) break;
    }
    return sim.now();
  }

  /** Everything that changed since the previous call. */
  snapshot(): Snapshot {
    const world = this.world;
    const points = world.series.points;
    const snapshot: Snapshot = {
      tMs: world.sim.now(),
      events: world.sim.events,
      done: this.finished,
      nodes: this.changedNodes(),
      counters: this.counters(),
      windows: points.slice(this.windowsSent),
      load: this.load,
      movements: this.movements,
      messages: this.messages,
      parts: Object.fromEntries([...this.observers].map(([name, observer]) => [name, observer.read()])),
    };
    this.windowsSent = points.length;
    this.load = [];
    this.movements = [];
    this.messages = 0;
    this.stride = 1;
    return snapshot;
  }

  /** Client-side latency so far (measured requests), pooled over clients. */
  latency(): LatencyDigest {
    const h = this.latencyScratch;
    h.reset();
    for (const stats of this.world.clientStats.values()) h.merge(stats.latency);
    return digest(h);
  }

  /** Stop observing the network. */
  detach(): void {
    this.world.network.observer = undefined;
  }

  // --- sampling --------------------------------------------------------------------------

  private sample(): void {
    const now = this.world.sim.now();
    const utilization = new Float32Array(this.nodes.length);
    for (let i = 0; i < this.nodes.length; i++) {
      const node = this.nodeAt(i);
      if (node === undefined) {
        utilization[i] = NaN;
        continue;
      }
      const value = this.intervalUtilization(i, node, now);
      this.lastUtilization[i] = value;
      utilization[i] = node.up ? value : -1;
    }
    this.load.push({ startMs: this.lastSampleMs, endMs: now, utilization });
    this.lastSampleMs = now;
    this.nextSampleMs = Math.min(now + this.topology.intervalMs, this.world.scenario.durationMs);
    if (this.nextSampleMs <= now) this.nextSampleMs = this.world.scenario.durationMs;
  }

  /** The node of topology index `i`, once it exists (added nodes appear mid-run). */
  private nodeAt(i: number): Node | undefined {
    return (this.nodes[i] ??= this.world.replicas.get(this.topology.nodes[i]!)?.node);
  }

  /**
   * Mean busy cores / cores over the last interval, from the node's busy-time integral.
   * The integral restarts at the end of warm-up (and when an added node starts): the
   * interval that contains the restart reports the mean since then.
   */
  private intervalUtilization(i: number, node: Node, now: number): number {
    const area = node.busy.integral(now);
    const restarted = node.busy.startMs >= this.lastSampleMs;
    const spanMs = restarted ? now - node.busy.startMs : now - this.lastSampleMs;
    const busy = restarted ? area : area - this.lastArea[i]!;
    this.lastArea[i] = area;
    return spanMs > 0 ? Math.max(0, busy / spanMs / node.cores) : node.busy.current / node.cores;
  }

  private finish(): void {
    this.sample();
    this.world.run(); // no events are left before the end: this closes the last windows
    this.finished = true;
  }

  // --- snapshot parts --------------------------------------------------------------------

  private changedNodes(): Float64Array {
    const now = this.world.sim.now();
    const faults = faultMasks(this.topology, now);
    const fields = NODE_FIELDS.length;
    const out: number[] = [];
    const record = new Float64Array(fields);
    for (let i = 0; i < this.nodes.length; i++) {
      const node = this.nodeAt(i);
      if (node === undefined) {
        record.fill(0);
        record[0] = -1;
        record[1] = 1;
      } else {
        record[0] = node.up ? 1 : 0;
        record[1] = node.slowFactor;
        record[2] = faults[i]!;
        record[3] = node.inSystem;
        record[4] = node.waiting.current;
        record[5] = node.busy.current;
        record[6] = this.lastUtilization[i]!;
      }
      let changed = false;
      for (let f = 0; f < fields; f++) {
        if (this.lastSent[i * fields + f] !== record[f]) changed = true;
        this.lastSent[i * fields + f] = record[f]!;
      }
      if (changed) {
        out.push(i);
        for (const value of record) out.push(value);
      }
    }
    return Float64Array.from(out);
  }

  private counters(): Counters {
    const total = { sent: 0, completed: 0, failed: 0, timedOut: 0, rejected: 0, inFlight: 0, dropped: this.world.network.dropped };
    for (const stats of this.world.clientStats.values()) {
      total.sent += stats.sent;
      total.completed += stats.completed;
      total.failed += stats.failed;
      total.timedOut += stats.timedOut;
      total.rejected += stats.rejected;
      total.inFlight += stats.inFlight;
    }
    return total;
  }

  private record(from: string, to: string, fn: EventFn, arg: unknown, delivered: boolean): void {
    const kind = fn === deliverRequest ? 'request' : fn === deliverResponse ? 'response' : 'message';
    const outcome = kind === 'response' ? (arg as Attempt).outcome : '';
    this.movements.push({ tMs: this.world.sim.now(), from, to, kind, outcome, dropped: !delivered });
    if (this.movements.length > this.movementsMax) {
      // Full: keep every other one and record half as often, so the sample stays spread
      // over the whole period instead of piling up at its start.
      this.movements = this.movements.filter((_, i) => i % 2 === 0);
      this.stride *= 2;
    }
  }
}

/** The shape of the system, read from the World's scenario. */
function topologyOf(world: World, intervalMs: number, observers: ReadonlyMap<string, SubsystemObserver>): Topology {
  const scenario = world.scenario;
  // Nodes that subsystems bring in later are drawn from the start, as not added yet.
  const added = [...observers.values()].flatMap((observer) => observer.laterNodes ?? []);
  const services: TopologyService[] = [];
  for (const [name, spec] of scenario.services) {
    services.push({
      name,
      replicas: [...(world.serviceReplicas.get(name) ?? []).map((replica) => replica.id), ...added.filter((later) => later.service === name).map((later) => later.node)],
      cores: spec.cores,
      discipline: spec.discipline,
      calls: [...new Set(spec.calls.map((call) => call.service))],
      policy: spec.balancer.policy,
    });
  }
  const clients: TopologyClient[] = [];
  for (const [name, spec] of scenario.clients) {
    clients.push({
      name,
      target: spec.target,
      addresses: Array.from({ length: spec.instances }, (_, i) => `${name}-${i}`),
      policy: spec.balancer.policy,
    });
  }
  return {
    scenario: scenario.name,
    seed: world.seed,
    durationMs: scenario.durationMs,
    warmupMs: scenario.warmupMs,
    windowMs: world.series.windowMs,
    intervalMs,
    services,
    clients,
    nodes: [...world.replicas.keys(), ...added.map((later) => later.node)],
    ...(added.length === 0 ? {} : { addedAtMs: Object.fromEntries(added.map((later) => [later.node, later.atMs])) }),
    faults: world.faults.map((fault) => ({ ...fault, targets: [...fault.targets] })),
    parts: Object.fromEntries([...observers].map(([name, observer]) => [name, observer.topology])),
    warnings: overloadWarnings(scenario).map((w) => w.message),
  };
}

/** Per node, the bits of the fault kinds active at `nowMs`. */
function faultMasks(topology: Topology, nowMs: number): Uint8Array {
  const masks = new Uint8Array(topology.nodes.length);
  let indexOf: Map<string, number> | undefined;
  for (const fault of topology.faults) {
    if (nowMs < fault.startMs || nowMs >= fault.endMs || fault.targets.length === 0) continue;
    indexOf ??= new Map(topology.nodes.map((id, i) => [id, i]));
    const bit = FAULT_BITS[fault.kind] ?? FAULT_BITS.other!;
    for (const target of fault.targets) {
      const i = indexOf.get(target);
      if (i !== undefined) masks[i]! |= bit;
    }
  }
  return masks;
}

/** Bins per decade of the latency digest. */
const BINS_PER_DECADE = 10;

function digest(h: Histogram): LatencyDigest {
  const base = { count: h.count, meanMs: h.mean, p50Ms: h.quantile(0.5), p90Ms: h.quantile(0.9), p99Ms: h.quantile(0.99), p999Ms: h.quantile(0.999), maxMs: h.max };
  if (h.count === 0) return { ...base, maxMs: NaN, edgesMs: [], counts: [] };
  const rows = h.buckets();
  const binOf = (ms: number) => Math.floor(Math.log10(Math.max(ms, 1e-4)) * BINS_PER_DECADE);
  const first = binOf((rows[0]![0] + rows[0]![1]) / 2);
  const last = binOf((rows[rows.length - 1]![0] + rows[rows.length - 1]![1]) / 2);
  const counts = new Array<number>(last - first + 1).fill(0);
  for (const [lower, upper, n] of rows) counts[binOf((lower + upper) / 2) - first]! += n;
  const edgesMs = Array.from({ length: counts.length + 1 }, (_, i) => 10 ** ((first + i) / BINS_PER_DECADE));
  return { ...base, edgesMs, counts };
}
