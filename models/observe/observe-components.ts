/**
 * Readers of the components inside a run, for the viz's ring, B+tree and gossip views:
 * beside `WorldObserver` (models/observe/observe.ts), which adds what they return to its
 * snapshots. They only read; they draw no random numbers and schedule nothing in the
 * World, so an observed run stays byte-identical to a headless one.
 *
 * - `KvReader`: per kv service, the members of the read placement with their share of
 *   the hash space, the ring's points (sent again only when the placement changes; at
 *   most `RING_POINTS_MAX`, an even sample), and each node's B+tree shape.
 * - `GossipReader`: gossip clusters run as their own simulation (models/gossip/gossip-scenario.ts);
 *   the reader builds the cluster exactly as `runGossipServices` does and runs it in step
 *   with the World's clock, so the view shows the same run as the result JSON.
 */
import type { LevelShape } from '../../components/btree/tree-shape';
import type { HashRing } from '../../components/ring/hash-ring';
import { GossipCluster, type GossipSummary, type RumourSeries } from '../gossip/gossip-cluster';
import { buildCluster } from '../gossip/gossip-scenario';
import type { KvCluster } from '../kv/kv-cluster';
import type { World } from '../run/world';

/** Most ring points sent per placement: a 10-node ring with 160 vnodes has 1,600. */
export const RING_POINTS_MAX = 4096;

/** One kv service's ring and trees at a moment. */
export interface KvView {
  readonly service: string;
  /** Members of the read placement, in the order added. */
  readonly members: readonly string[];
  /** Share of the hash space per member (same order), summing to 1. */
  readonly shares: readonly number[];
  /** A membership change is streaming. */
  readonly changing: boolean;
  /**
   * The ring's points when the placement changed since the previous snapshot (else
   * absent): `angles[i]` = hash / 2^32 in [0, 1), `owners[i]` an index into `members`.
   */
  readonly points?: { readonly angles: Float32Array; readonly owners: Uint16Array; readonly total: number };
  /** Per member (same order), its B+tree's levels, root first. */
  readonly trees: readonly (readonly LevelShape[])[];
}

/** Member state codes of `GossipView.states`. */
export const GOSSIP_STATES = ['alive', 'suspect', 'dead', 'left', 'unknown'] as const;
/** Bit set in a `GossipView.states` entry when the member itself is not running. */
export const GOSSIP_DOWN = 8;

/** One gossip cluster at a moment. */
export interface GossipView {
  readonly service: string;
  /** The member whose view `states` is (the first running one), or -1. */
  readonly observer: number;
  /** Per slot: index into GOSSIP_STATES as the observer sees it, | GOSSIP_DOWN when not running. */
  readonly states: Uint8Array;
  readonly series: readonly RumourSeries[];
  readonly summary: GossipSummary;
}

export class KvReader {
  /** Per service, the partitioner whose points were last sent. */
  private readonly sent = new Map<string, unknown>();

  constructor(private readonly world: World) {}

  /** Nothing to read: no kv service. */
  get empty(): boolean {
    return this.world.kv.size === 0;
  }

  /** Forget what was sent: the next `read` sends the points again. */
  reset(): void {
    this.sent.clear();
  }

  read(): KvView[] {
    const out: KvView[] = [];
    for (const [service, cluster] of this.world.kv) out.push(this.readOne(service, cluster));
    return out;
  }

  private readOne(service: string, cluster: KvCluster): KvView {
    const membership = cluster.membership;
    const partitioner = membership.pending ?? membership.partitioner;
    const members = partitioner.nodes();
    const ring = partitioner.ring;
    const ownership = ring?.ownership();
    const shares = members.map((id) => ownership?.get(id) ?? 1 / members.length);
    const trees = members.map((id) => cluster.replica(id).store.treeShape().levels);
    const view: KvView = { service, members, shares, changing: membership.changing, trees };
    if (ring === undefined || this.sent.get(service) === partitioner) return view;
    this.sent.set(service, partitioner);
    return { ...view, points: ringPoints(ring, members) };
  }
}

/** At most RING_POINTS_MAX of the ring's points, evenly spaced in index order. */
function ringPoints(ring: HashRing, members: readonly string[]): NonNullable<KvView['points']> {
  const total = ring.pointCount();
  const count = Math.min(total, RING_POINTS_MAX);
  const angles = new Float32Array(count);
  const owners = new Uint16Array(count);
  const indexOf = new Map(members.map((id, i) => [id, i]));
  for (let i = 0; i < count; i++) {
    const p = Math.floor((i * total) / count);
    angles[i] = ring.pointHash(p) / 2 ** 32;
    owners[i] = indexOf.get(ring.pointOwner(p)) ?? 0;
  }
  return { angles, owners, total };
}

export class GossipReader {
  private readonly clusters: { readonly service: string; readonly cluster: GossipCluster }[] = [];

  constructor(world: World) {
    const scenario = world.scenario;
    for (const [service, spec] of scenario.gossip ?? []) {
      this.clusters.push({ service, cluster: buildCluster(scenario, world.seed, service, spec) });
    }
  }

  get empty(): boolean {
    return this.clusters.length === 0;
  }

  /** Run every cluster to `tMs` of its own sim time. */
  runTo(tMs: number): void {
    for (const { cluster } of this.clusters) if (cluster.sim.now() < tMs) cluster.run(tMs);
  }

  read(): GossipView[] {
    return this.clusters.map(({ service, cluster }) => {
      const running = cluster.runningSlots();
      const observer = running.length > 0 ? running[0]! : -1;
      const viewer = observer >= 0 ? cluster.member(observer) : undefined;
      const states = new Uint8Array(cluster.slotCount);
      const isRunning = new Set(running);
      for (let i = 0; i < states.length; i++) {
        const state = viewer?.stateOf(cluster.address(i))?.state;
        const code = state === undefined ? GOSSIP_STATES.length - 1 : GOSSIP_STATES.indexOf(state);
        states[i] = code | (isRunning.has(i) ? 0 : GOSSIP_DOWN);
      }
      return { service, observer, states, series: cluster.informedSeries(), summary: cluster.summary() };
    });
  }
}
