/**
 * What the viz's ring and B+tree views show of the kv services during a run: per service,
 * the members of the read placement with their share of the hash space, the ring's points
 * (sent again only when the placement changes; at most `RING_POINTS_MAX`, an even sample),
 * and each node's B+tree shape. It only reads: it draws no random numbers and schedules
 * nothing, so an observed run stays byte-identical to a headless one.
 */
import type { LevelShape } from '../../components/btree/index';
import type { HashRing } from '../../components/ring/index';
import type { LaterNode, SubsystemObserver } from '../subsystem/subsystem';
import type { KvCluster } from './kv-cluster';

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

export class KvReader implements SubsystemObserver {
  /** Per service, the partitioner whose points were last sent. */
  private readonly sent = new Map<string, unknown>();
  readonly topology: readonly string[];

  constructor(private readonly clusters: ReadonlyMap<string, KvCluster>, readonly laterNodes: readonly LaterNode[] = []) {
    this.topology = [...clusters.keys()];
  }

  read(): KvView[] {
    const out: KvView[] = [];
    for (const [service, cluster] of this.clusters) out.push(this.readOne(service, cluster));
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

/** The page's copy of the kv views: the latest, each with the ring points of its latest placement (frames carry them only when they change). */
export function mergeKvViews(previous: unknown, next: unknown): KvView[] {
  const before = new Map(((previous ?? []) as readonly KvView[]).map((view) => [view.service, view]));
  return (next as readonly KvView[]).map((view) => {
    const points = view.points ?? before.get(view.service)?.points;
    return points === undefined ? view : { ...view, points };
  });
}
