/**
 * The KV store as a subsystem of the World: it builds the nodes of every `kind: kv`
 * service (KvCluster), draws each call's operation for the clients of those services
 * (kvWorkload), carries out membership faults (add-node, remove-node), and reports
 * `summary.kv` and the ring and B+tree views.
 */
import type { RequestStats } from '../request/request-stats';
import type { ClientSpec, FaultSpec, ServiceSpec } from '../scenario/types';
import type { FaultInterval } from '../subsystem/fault-interval';
import type { ReplicationParts, Subsystem, SubsystemRun } from '../subsystem/subsystem';
import type { WorldHost } from '../subsystem/world-host';
import { KvCluster } from './kv-cluster';
import { KvReader, mergeKvViews } from './kv-reader';
import { kvSection, kvSummary, poolKvSummaries } from './kv-summary';
import { kvWorkload } from './kv-workload';
import type { Call } from '../request/request';
import { kvScenarioPart } from './kv-scenario-part';

export const kvSubsystem: Subsystem = {
  name: 'kv',
  scenario: kvScenarioPart,
  attach: (world) => ([...world.scenario.services.values()].some(isKv) ? new KvRun(world) : undefined),
  ownsService: isKv,
  pool: (runs) => (runs[0]?.kv === undefined ? {} : { kv: poolKvSummaries(runs.map((run) => run.kv!)) }),
  sections: (summary) => (summary.kv === undefined ? [] : [kvSection(summary.kv)]),
  mergeView: mergeKvViews,
};

/** The kv services of one World. */
export class KvRun implements SubsystemRun {
  /** Clusters by service name, in file order. */
  readonly clusters = new Map<string, KvCluster>();

  constructor(private readonly world: WorldHost) {}

  buildService(name: string, spec: ServiceSpec, stats: RequestStats): void {
    this.clusters.set(name, new KvCluster(this.world, name, spec, stats));
  }

  clientHook(name: string, spec: ClientSpec): ((call: Call) => void) | undefined {
    return spec.kv && kvWorkload(spec.kv, this.world.streams.get(`workload/${name}/ops`));
  }

  /** A membership change is permanent: an instant, not an interval. */
  scheduleFault(fault: FaultSpec): FaultInterval | undefined {
    if (fault.kind !== 'add-node' && fault.kind !== 'remove-node') return undefined;
    const cluster = this.clusters.get(fault.service);
    if (cluster === undefined) throw new Error(`model: ${fault.kind} fault on ${fault.service}, which is not a kv service`);
    this.world.sim.at(fault.atMs, () => cluster.change(fault));
    return { kind: fault.kind, startMs: fault.atMs, endMs: fault.atMs, targets: [fault.node] };
  }

  collect(): ReplicationParts {
    return { kv: kvSummary([...this.clusters.values()].map((cluster) => cluster.summary())) };
  }

  observe(): KvReader {
    const later = this.world.scenario.faults.flatMap((fault) =>
      fault.kind === 'add-node' && !this.world.replicasOf(fault.service).some((replica) => replica.id === fault.node) ? [{ service: fault.service, node: fault.node, atMs: fault.atMs }] : []);
    return new KvReader(this.clusters, later);
  }
}

function isKv(spec: ServiceSpec): boolean {
  return spec.kv !== undefined;
}

/** The cluster of kv service `service` in `world`, for tests and tools. */
export function kvCluster(world: { readonly parts: ReadonlyMap<string, SubsystemRun> }, service: string): KvCluster {
  const cluster = (world.parts.get(kvSubsystem.name) as KvRun | undefined)?.clusters.get(service);
  if (cluster === undefined) throw new Error(`model: no kv service ${service} in this world`);
  return cluster;
}
