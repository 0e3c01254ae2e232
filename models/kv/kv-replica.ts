import { type KvBackend, type KvTask, KvCoordinator, type KvMembership, KvStore, isKvMessage } from '../../components/kv/index';
import { healthCheckReply } from '../../components/resilience/index';
import type { Address, Message, Rng } from '../../sim/env';
import type { Simulation } from '../../sim/simulation';
import type { Sampler } from '../sampling/distributions';
import type { Network } from '../request/network';
import type { Job } from '../request/node';
import { Replica } from '../request/replica';
import { Attempt, deliverResponse, type Outcome } from '../request/request';
import type { RequestStats } from '../request/request-stats';
import type { ServiceSpec } from '../scenario/types';
import type { KvSpec } from './kv-spec';
import { Disk } from './disk';
import { kvRequestOf } from './kv-workload';
import type { NodeEnv } from './node-env';

/** Storage work queued on the node's cores: CPU first, then `then` (the disk, or the answer). */
class StorageJob implements Job {
  epoch = 0;
  finishVirtual = 0;
  serviceIndex = 0;
  constructor(readonly demandMs: number, readonly then: () => void) {}
}

/** What a KV node reports to its cluster. */
export interface KvNodeListener {
  /** The node restarted after a crash. */
  restarted(replica: KvReplica): void;
  /** A client operation ended at this coordinator (counted when `measured`). */
  operationEnded(op: 'get' | 'put', ok: boolean, measured: boolean): void;
  /** A put was acknowledged to its client. */
  acknowledged(key: string, version: number): void;
}

/** How a KV node is built: its identity, environment, shared membership and models. */
export interface KvReplicaParts {
  readonly sim: Simulation;
  readonly network: Network;
  readonly id: Address;
  readonly index: number;
  readonly service: string;
  readonly spec: ServiceSpec & { readonly kv: KvSpec };
  readonly stats: RequestStats;
  readonly env: NodeEnv;
  readonly membership: KvMembership;
  readonly listener: KvNodeListener;
  /** Streams of this node: errors (the `errors` fault), storage CPU demand, disk latency. */
  readonly rng: (purpose: 'errors' | 'demand' | 'storage' | 'disk') => Rng;
  readonly storageTime: Sampler;
  readonly fsync: Sampler;
}

/**
 * A node of a kv service: a Replica whose requests are client gets and puts. The node's
 * cores run the coordinator's work for each client operation (`serviceTime`) and every
 * storage task (`storageTime` per key); its disk (models/kv/disk.ts) makes writes
 * durable. The real KvCoordinator and KvStore (components/kv) decide what happens; this
 * class charges the time and carries their messages on the modelled network.
 *
 * A crash drops the node's queues, resets the clients' operations it holds, and stops
 * its components; keys and hints, written durably before any acknowledgement, survive.
 */
export class KvReplica extends Replica implements KvBackend {
  readonly store: KvStore;
  readonly coordinator: KvCoordinator;
  readonly disk: Disk;
  /** Client operations waiting for the coordinator's answer. */
  private readonly coordinating = new Set<Attempt>();
  private readonly kvNetwork: Network;
  private readonly serviceStats: RequestStats;
  private readonly responseSizeBytes: number;
  private readonly storageRng: Rng;
  private readonly storageTime: Sampler;
  private readonly listener: KvNodeListener;

  constructor(parts: KvReplicaParts) {
    super({ sim: parts.sim, network: parts.network, id: parts.id, service: parts.service, spec: parts.spec, stats: parts.stats, errorRng: parts.rng('errors'), demandRng: parts.rng('demand') });
    this.kvNetwork = parts.network;
    this.serviceStats = parts.stats;
    this.responseSizeBytes = parts.spec.responseSizeBytes;
    this.storageRng = parts.rng('storage');
    this.storageTime = parts.storageTime;
    this.listener = parts.listener;
    const kv = parts.spec.kv;
    this.disk = new Disk(parts.sim, { fsync: parts.fsync, bandwidthBps: kv.disk.bandwidthBps }, parts.rng('disk'));
    this.store = new KvStore(parts.env, parts.id, parts.membership, this, { streamBytesPerSecond: kv.streamBandwidthBps / 8 });
    this.coordinator = new KvCoordinator(parts.env, parts.id, parts.membership, {
      nodeIndex: parts.index,
      writeQuorum: kv.writeQuorum,
      readQuorum: kv.readQuorum,
      replicaTimeoutMs: kv.replicaTimeoutMs,
      hintedHandoff: kv.hintedHandoff,
      readRepair: kv.readRepair,
    }, (key, version) => this.listener.acknowledged(key, version));
    parts.env.local = (from, message) => this.deliver(from, message);
    parts.network.listen(parts.id, (from, message) => this.deliver(from, message));
    this.store.start();
  }

  /** KvBackend: storage CPU on the node's cores, then the disk for writes and stream reads. */
  perform(task: KvTask, done: () => void): void {
    let demandMs = 0;
    for (let i = Math.max(1, task.keyCount); i > 0; i--) demandMs += this.storageTime(this.storageRng);
    const then = task.kind === 'read' ? done : () => this.disk.submit(task.bytes, task.kind !== 'stream-read', done);
    // A full queue sheds the work: the sender hears nothing and times out, as from an overloaded server.
    this.node.submit(new StorageJob(demandMs, then));
  }

  /** The node finished CPU work: a storage task continues, a client operation goes to the coordinator. */
  override served(job: Job): void {
    if (job instanceof StorageJob) {
      job.then();
      return;
    }
    this.coordinate(job as Attempt);
  }

  override crash(): void {
    const lost = this.node.crash();
    this.epoch++;
    this.disk.crash();
    this.store.stop();
    this.coordinator.reset();
    for (const job of lost) if (job instanceof Attempt) this.answer(job, 'reset', 0);
    for (const attempt of this.coordinating) this.answer(attempt, 'reset', 0);
    this.coordinating.clear();
    for (const hook of this.lifecycle) hook.crashed();
  }

  override restart(): void {
    this.node.restart();
    this.disk.restart();
    this.store.start();
    for (const hook of this.lifecycle) hook.restarted();
    this.listener.restarted(this);
  }

  /** A message to this node: KV messages to the components, health checks answered while up. */
  private deliver(from: Address, message: Message): void {
    if (!this.node.up) return; // a crashed process reads nothing
    if (isKvMessage(message)) {
      if (!this.coordinator.receive(from, message)) this.store.receive(from, message);
      return;
    }
    const reply = healthCheckReply(message);
    if (reply !== undefined) this.kvNetwork.send(this.id, from, reply);
  }

  private coordinate(attempt: Attempt): void {
    const request = kvRequestOf(attempt.call);
    const key = attempt.call.key;
    if (request === undefined || key === undefined) throw new Error(`model: ${this.id}: a request without a KV operation or key reached a kv node`);
    const epoch = this.epoch;
    const measured = attempt.call.measured;
    this.coordinating.add(attempt);
    const finish = (ok: boolean, valueBytes: number) => {
      if (epoch !== this.epoch || !this.coordinating.delete(attempt)) return;
      this.listener.operationEnded(request.op, ok, measured);
      this.answer(attempt, ok ? 'ok' : 'error', valueBytes);
    };
    if (request.op === 'get') this.coordinator.get(key, (result) => finish(result.ok, result.ok ? result.valueBytes : 0));
    else this.coordinator.put(key, request.valueBytes, (result) => finish(result.ok, 0));
  }

  /** Answer a client attempt; a get's answer carries the value. */
  private answer(attempt: Attempt, outcome: Outcome, valueBytes: number): void {
    attempt.outcome = outcome;
    if (attempt.call.measured) this.serviceStats.ended(outcome, this.sim.now() - attempt.arrivedAt);
    this.kvNetwork.transmit(this.id, attempt.from, this.responseSizeBytes + valueBytes, deliverResponse, attempt);
  }
}
