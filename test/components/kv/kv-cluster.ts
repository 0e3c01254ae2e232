import { KvCoordinator, type GetResult, type PutResult } from '../../../components/kv/kv-coordinator';
import { KvMembership } from '../../../components/kv/kv-membership';
import type { KvCoordinatorOptions, KvStoreOptions } from '../../../components/kv/kv-options';
import { KvStore } from '../../../components/kv/kv-store';
import type { KvBackend } from '../../../components/kv/kv-backend';
import { isKvMessage } from '../../../components/kv/messages';
import type { Partitioner } from '../../../components/kv/partitioner';
import { RingPartitioner } from '../../../components/kv/ring-partitioner';
import { ScriptedNetwork, type ScriptedEnv } from '../../support/scripted-env';

/** One node of a test cluster. */
export interface TestNode {
  readonly id: string;
  readonly env: ScriptedEnv;
  readonly store: KvStore;
  readonly coordinator: KvCoordinator;
  up: boolean;
}

export interface TestClusterOptions {
  readonly nodeCount: number;
  readonly replication?: number;
  readonly coordinator?: Omit<KvCoordinatorOptions, 'nodeIndex'>;
  readonly store?: KvStoreOptions;
  /** One-way latency of every message (default 1 ms). */
  readonly latencyMs?: number;
  /** Time each backend task takes (default 0: done on the next tick). */
  readonly taskMs?: number;
  readonly partitioner?: (nodes: string[]) => Partitioner;
  readonly seed?: number;
}

/**
 * Nodes n-0 … n-(k-1), each with a KvStore and a KvCoordinator, on a scripted network
 * that delivers every message after a fixed latency. A crash isolates the node and stops
 * its components (keys and hints stay, as on disk); a restart heals and starts it again.
 * Every acknowledged put is recorded (the test-only history).
 */
export class TestCluster {
  readonly network: ScriptedNetwork;
  readonly membership: KvMembership;
  readonly nodes = new Map<string, TestNode>();
  /** Newest acknowledged version per key. */
  readonly acknowledged = new Map<string, number>();
  private readonly options: TestClusterOptions;

  constructor(options: TestClusterOptions) {
    this.options = options;
    this.network = new ScriptedNetwork(options.seed ?? 1);
    this.network.autoDeliver(options.latencyMs ?? 1);
    const ids = Array.from({ length: options.nodeCount }, (_, i) => `n-${i}`);
    const partitioner = (options.partitioner ?? ((nodes) => new RingPartitioner(nodes, { vnodes: 64 })))(ids);
    this.membership = new KvMembership(partitioner, options.replication ?? 3);
    ids.forEach((id, index) => this.addNode(id, index));
  }

  /** Create node `id` (not yet in the membership) and start it. */
  addNode(id: string, index = this.nodes.size): TestNode {
    const env = this.network.env(id);
    const taskMs = this.options.taskMs ?? 0;
    const backend: KvBackend = { perform: (_task, done) => void env.schedule(taskMs, done) };
    const store = new KvStore(env, id, this.membership, backend, this.options.store);
    const coordinator = new KvCoordinator(env, id, this.membership, { nodeIndex: index, ...this.options.coordinator }, (key, version) => {
      this.acknowledged.set(key, Math.max(version, this.acknowledged.get(key) ?? 0));
    });
    const node: TestNode = { id, env, store, coordinator, up: true };
    this.nodes.set(id, node);
    env.listen((from, message) => {
      if (!node.up || !isKvMessage(message)) return;
      if (!coordinator.receive(from, message)) store.receive(from, message);
    });
    store.start();
    return node;
  }

  node(id: string): TestNode {
    const node = this.nodes.get(id);
    if (node === undefined) throw new Error(`no node ${id}`);
    return node;
  }

  put(at: string, key: string, valueBytes = 100): { result?: PutResult } {
    const holder: { result?: PutResult } = {};
    this.node(at).coordinator.put(key, valueBytes, (result) => (holder.result = result));
    return holder;
  }

  get(at: string, key: string): { result?: GetResult } {
    const holder: { result?: GetResult } = {};
    this.node(at).coordinator.get(key, (result) => (holder.result = result));
    return holder;
  }

  crash(id: string): void {
    const node = this.node(id);
    node.up = false;
    this.network.isolate(id);
    node.store.stop();
    node.coordinator.reset();
  }

  restart(id: string): void {
    const node = this.node(id);
    node.up = true;
    this.network.heal(id);
    node.store.start();
  }

  run(ms: number): void {
    this.network.clock.advance(ms);
  }

  /** Versions of `key` held by its read replicas. */
  versions(key: string): number[] {
    return this.membership.readList(key).map((id) => this.node(id).store.get(key)?.version ?? 0);
  }

  checkInvariants(): void {
    for (const node of this.nodes.values()) {
      node.store.checkInvariants();
      node.coordinator.checkInvariants();
    }
  }
}
