import { ComponentError } from '../errors';
import { HashRing } from '../ring/hash-ring';
import { checkCount, type Partitioner } from './partitioner';

export interface RingPartitionerOptions {
  /** Points per node on the ring; integer in [1, 2^20] (the ring's default, 160, when absent). */
  readonly vnodes?: number;
}

/**
 * Dynamo/Cassandra SimpleStrategy placement: the preference list of a key is the first
 * distinct nodes met walking the consistent-hash ring clockwise from hash(key)
 * (`HashRing.replicas`). Adding a node inserts it into about 1/(n+1) of the preference
 * lists, each time in place of exactly one old member, which is what keeps rebalancing
 * to one stream per moved key copy.
 */
export class RingPartitioner implements Partitioner {
  readonly name = 'ring';
  readonly ring: HashRing;

  /** @param nodes the members, added in this order */
  constructor(nodes: readonly string[], private readonly options: RingPartitionerOptions = {}) {
    this.ring = new HashRing({ vnodes: options.vnodes });
    for (const node of nodes) this.ring.add(node);
  }

  nodes(): string[] {
    return this.ring.nodes();
  }

  /** The first `count` distinct owners clockwise from hash(key). O(log P + walk). */
  preferenceList(key: string, count: number): readonly string[] {
    checkCount(this.name, count, this.ring.nodes().length);
    return this.ring.replicas(key, count);
  }

  withNode(node: string): RingPartitioner {
    if (this.ring.nodes().includes(node)) throw new ComponentError('kv.duplicate-node', `kv: ring: node "${node}" is already a member`);
    return new RingPartitioner([...this.ring.nodes(), node], this.options);
  }

  withoutNode(node: string): RingPartitioner {
    const nodes = this.ring.nodes();
    if (!nodes.includes(node)) throw new ComponentError('kv.unknown-node', `kv: ring: unknown node "${node}"`);
    return new RingPartitioner(nodes.filter((n) => n !== node), this.options);
  }

  checkInvariants(): void {
    this.ring.checkInvariants();
  }
}
