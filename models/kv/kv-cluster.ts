import { BoundedLoadPartitioner, KvMembership, type KvValue, type Partitioner, RingPartitioner, type StreamResult } from '../../components/kv/index';
import { sampler } from '../sampling/distributions';
import type { RequestStats } from '../request/request-stats';
import type { ServiceSpec } from '../scenario/types';
import type { KvSpec, MembershipFaultSpec } from './kv-spec';
import type { WorldHost } from '../subsystem/world-host';
import { KvReplica, type KvNodeListener } from './kv-replica';
import { NodeEnv } from './node-env';

/** Version of preloaded values: below any version a coordinator makes (version-clock.ts). */
export const PRELOAD_VERSION = 1;

/** One membership change as it happened. */
export interface MembershipChange {
  readonly kind: MembershipFaultSpec['kind'];
  readonly node: string;
  readonly startMs: number;
  /** When the last stream was acknowledged and the change committed; undefined while streaming. */
  endMs: number | undefined;
  keysMoved: number;
  bytesMoved: number;
}

/** The KV part of one replication's result, for one service. */
export interface KvClusterSummary {
  readonly ops: { readonly get: number; readonly put: number };
  /** Keys held by each member at the end (copies count once per node holding them). */
  readonly keysPerNode: readonly number[];
  readonly keysMoved: number;
  readonly bytesMoved: number;
  /** Time spent rebalancing: committed changes, plus the one still streaming at the end. */
  readonly rebalanceMs: number;
  readonly rebalancing: boolean;
  readonly lostAcknowledgedWrites: number;
  readonly hintsStored: number;
  readonly hintsDelivered: number;
  readonly hintsPending: number;
  readonly readRepairs: number;
}

/**
 * A kv service in one World: its nodes (KvReplica), the membership they share, the
 * orchestration of membership changes (add-node, remove-node) and the numbers of
 * `summary.kv`.
 *
 * A change begins at the fault's time: an added node joins empty, every old member
 * streams the copies it loses (KvStore.rebalance), and when all streams are acknowledged
 * the change commits, stores drop what they no longer own and the clients' balancers
 * learn the new members. Changes queue while one is in progress. A streaming node that
 * crashes streams again after its restart.
 *
 * Memory beyond the stored keys: one number per acknowledged key (`acknowledged`, the
 * newest version a client was told is written), for the lost-write check at the end.
 */
export class KvCluster implements KvNodeListener {
  readonly membership: KvMembership;
  /** Every node ever made, in index order (`<service>-<index>`). */
  readonly replicas: KvReplica[] = [];
  /** Newest acknowledged version per key. */
  readonly acknowledgedVersions = new Map<string, number>();
  readonly changes: MembershipChange[] = [];
  private readonly kv: KvSpec;
  private readonly spec: ServiceSpec & { readonly kv: KvSpec };
  private readonly queue: MembershipFaultSpec[] = [];
  /** Nodes whose streams of the change in progress are not yet acknowledged. */
  private readonly streaming = new Set<KvReplica>();
  private ops = { get: 0, put: 0 };

  constructor(private readonly world: WorldHost, readonly name: string, spec: ServiceSpec, private readonly stats: RequestStats) {
    if (spec.kv === undefined) throw new Error(`model: service ${name} is not a kv service`);
    this.kv = spec.kv;
    this.spec = spec as ServiceSpec & { readonly kv: KvSpec };
    const ids = Array.from({ length: spec.replicas }, (_, i) => `${name}-${i}`);
    this.membership = new KvMembership(this.partitioner(ids), this.kv.replication);
    for (const id of ids) this.makeNode(id);
    if (this.kv.preload) this.preload();
  }

  /** Begin a membership change, or queue it behind the one in progress. */
  change(fault: MembershipFaultSpec): void {
    this.queue.push(fault);
    if (!this.membership.changing) this.beginNext();
  }

  // --- KvNodeListener -----------------------------------------------------------------

  restarted(replica: KvReplica): void {
    if (this.streaming.has(replica)) this.stream(replica);
  }

  operationEnded(op: 'get' | 'put', ok: boolean, measured: boolean): void {
    if (ok && measured) this.ops[op]++;
  }

  acknowledged(key: string, version: number): void {
    const known = this.acknowledgedVersions.get(key);
    if (known === undefined || version > known) this.acknowledgedVersions.set(key, version);
  }

  /** The numbers of summary.kv for this service, read at the end of a run. */
  summary(): KvClusterSummary {
    const now = this.world.sim.now();
    const keysPerNode = this.membership.nodes().map((id) => this.replica(id).store.size);
    const total = (pick: (r: KvReplica) => number) => this.replicas.reduce((sum, r) => sum + pick(r), 0);
    const rebalanceMs = this.changes.reduce((sum, c) => sum + ((c.endMs ?? now) - c.startMs), 0);
    return {
      ops: { ...this.ops },
      keysPerNode,
      keysMoved: total((r) => r.store.streamedKeyCount),
      bytesMoved: total((r) => r.store.streamedByteCount),
      rebalanceMs,
      rebalancing: this.membership.changing,
      lostAcknowledgedWrites: this.lostAcknowledgedWrites(),
      hintsStored: total((r) => r.store.hintsStored),
      hintsDelivered: total((r) => r.store.hintsDelivered),
      hintsPending: total((r) => r.store.hintCount),
      readRepairs: total((r) => r.store.repairCount),
    };
  }

  /**
   * Acknowledged writes a quorum read could miss now: for each key, the read replicas'
   * versions are sorted and the R-th smallest is the newest version the unluckiest read
   * quorum would see. Crashed replicas count with what their disk holds.
   */
  lostAcknowledgedWrites(): number {
    const r = this.kv.readQuorum;
    let lost = 0;
    for (const [key, version] of this.acknowledgedVersions) {
      const versions = this.membership.readList(key).map((id) => this.replica(id).store.get(key)?.version ?? 0);
      versions.sort((a, b) => a - b);
      if (versions[r - 1]! < version) lost++;
    }
    return lost;
  }

  replica(id: string): KvReplica {
    const index = Number(id.slice(this.name.length + 1));
    const replica = this.replicas[index];
    if (replica === undefined || replica.id !== id) throw new Error(`model: ${this.name} has no node ${id}`);
    return replica;
  }

  // --- building -------------------------------------------------------------------------

  private partitioner(ids: readonly string[]): Partitioner {
    if (this.kv.placement === 'bounded-load') {
      return new BoundedLoadPartitioner(ids, { vnodes: this.kv.vnodes, balanceFactor: this.kv.balanceFactor, replication: this.kv.replication });
    }
    return new RingPartitioner(ids, { vnodes: this.kv.vnodes });
  }

  private makeNode(id: string): KvReplica {
    const world = this.world;
    const env = new NodeEnv(world.sim, world.streams, id, world.network, world.metrics, undefined, `${id}/kv`);
    const replica = new KvReplica({
      sim: world.sim,
      network: world.network,
      id,
      index: this.replicas.length,
      service: this.name,
      spec: this.spec,
      stats: this.stats,
      env,
      membership: this.membership,
      listener: this,
      rng: (purpose) => world.streams.get(`${id}/${purpose}`),
      storageTime: sampler(this.kv.storageTime),
      fsync: sampler(this.kv.disk.fsync),
    });
    this.replicas.push(replica);
    world.addReplica(this.name, replica);
    return replica;
  }

  /**
   * Store every key of the clients' key spaces on its replicas before the run, at the
   * clients' value size (the largest key space and, among clients of it, the first one's
   * value size), bulk-loaded into each node's B+tree.
   */
  private preload(): void {
    let count = 0;
    let valueBytes = 0;
    for (const client of this.world.scenario.clients.values()) {
      if (client.target !== this.name || client.keys === undefined || client.kv === undefined) continue;
      if (client.keys.count > count) {
        count = client.keys.count;
        valueBytes = client.kv.valueSizeBytes;
      }
    }
    const perNode = new Map<string, [string, KvValue][]>();
    const value: KvValue = Object.freeze({ version: PRELOAD_VERSION, valueBytes });
    for (let i = 0; i < count; i++) {
      const key = `key-${i}`;
      for (const id of this.membership.readList(key)) {
        let entries = perNode.get(id);
        if (entries === undefined) perNode.set(id, (entries = []));
        entries.push([key, value]);
      }
    }
    for (const [id, entries] of perNode) {
      entries.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
      this.replica(id).store.load(entries);
    }
  }

  // --- membership changes -------------------------------------------------------------

  private beginNext(): void {
    const fault = this.queue.shift();
    if (fault === undefined) return;
    const current = this.membership.partitioner;
    const streamers = this.membership.nodes().map((id) => this.replica(id));
    if (fault.kind === 'add-node') {
      const added = this.makeNode(fault.node);
      // Its utilisation covers its own lifetime (the end of warm-up resets it again if later).
      added.node.resetStats(this.world.sim.now());
      this.membership.begin(current.withNode(fault.node));
    } else {
      this.membership.begin(current.withoutNode(fault.node));
    }
    const change: MembershipChange = { kind: fault.kind, node: fault.node, startMs: this.world.sim.now(), endMs: undefined, keysMoved: 0, bytesMoved: 0 };
    this.changes.push(change);
    for (const replica of streamers) this.streaming.add(replica);
    // A node that is down streams when it comes back (restarted).
    for (const replica of streamers) if (replica.node.up) this.stream(replica);
  }

  private stream(replica: KvReplica): void {
    replica.store.rebalance((result) => this.streamed(replica, result));
  }

  private streamed(replica: KvReplica, result: StreamResult): void {
    if (!this.streaming.delete(replica)) return;
    const change = this.changes[this.changes.length - 1]!;
    change.keysMoved += result.keyCount;
    change.bytesMoved += result.byteCount;
    if (this.streaming.size === 0) this.commit(change);
  }

  /** Every stream is acknowledged: switch reads to the new placement, clean up, tell the balancers. */
  private commit(change: MembershipChange): void {
    this.membership.commit();
    change.endMs = this.world.sim.now();
    for (const replica of this.replicas) replica.store.cleanup();
    const endpoints = this.membership.nodes().map((id) => ({ id, weight: 1 }));
    for (const { caller, service } of this.world.callers()) if (service === this.name) caller.setHosts(endpoints);
    this.beginNext();
  }
}
