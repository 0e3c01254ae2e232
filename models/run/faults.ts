import type { Simulation } from '../../sim/simulation';
import type { Network } from '../request/network';
import type { Replica } from '../request/replica';
import type { FaultSpec, MembershipFaultSpec } from '../scenario/types';

/** A fault as it happened, for results and plots (end = run end if it never healed). */
export interface FaultInterval {
  readonly kind: FaultSpec['kind'];
  readonly startMs: number;
  readonly endMs: number;
  /** Nodes affected (crash, slow), or every node named in a partition; empty for loss. */
  readonly targets: readonly string[];
}

/** Carries out membership faults (add-node, remove-node) on kv services; see models/kv. */
export interface MembershipChanges {
  change(fault: MembershipFaultSpec): void;
}

/**
 * Schedule each fault's start and end on the simulation. Faults act on the models only
 * through their public verbs (crash/restart, setSlow, partition, addLoss), as an operator
 * or a chaos tool would.
 */
export function scheduleFaults(
  sim: Simulation,
  faults: readonly FaultSpec[],
  replicas: ReadonlyMap<string, Replica>,
  network: Network,
  durationMs: number,
  membership?: MembershipChanges,
): FaultInterval[] {
  const intervals: FaultInterval[] = [];
  for (const fault of faults) {
    if (fault.kind === 'add-node' || fault.kind === 'remove-node') {
      // A membership change is permanent: an instant, not an interval.
      if (membership === undefined) throw new Error(`model: ${fault.kind} fault on ${fault.service} but no kv service to change`);
      sim.at(fault.atMs, () => membership.change(fault));
      intervals.push({ kind: fault.kind, startMs: fault.atMs, endMs: fault.atMs, targets: [fault.node] });
      continue;
    }
    const endMs = Math.min(durationMs, fault.forMs === undefined ? Infinity : fault.atMs + fault.forMs);
    const { start, end, targets } = actions(fault, replicas, network);
    sim.at(fault.atMs, start);
    if (endMs < durationMs) sim.at(endMs, end);
    intervals.push({ kind: fault.kind, startMs: fault.atMs, endMs, targets });
  }
  return intervals;
}

function actions(
  fault: Exclude<FaultSpec, MembershipFaultSpec>,
  replicas: ReadonlyMap<string, Replica>,
  network: Network,
): { start: () => void; end: () => void; targets: readonly string[] } {
  const nodes = (ids: readonly string[]) => ids.map((id) => replicas.get(id)).filter((r): r is Replica => r !== undefined);
  switch (fault.kind) {
    case 'crash':
      return {
        start: () => nodes(fault.targets).forEach((r) => r.crash()),
        end: () => nodes(fault.targets).forEach((r) => r.restart()),
        targets: fault.targets,
      };
    case 'slow':
      return {
        start: () => nodes(fault.targets).forEach((r) => r.node.setSlow(fault.factor)),
        end: () => nodes(fault.targets).forEach((r) => r.node.setSlow(1)),
        targets: fault.targets,
      };
    case 'errors':
      return {
        start: () => nodes(fault.targets).forEach((r) => (r.failFast = fault.probability)),
        end: () => nodes(fault.targets).forEach((r) => (r.failFast = 0)),
        targets: fault.targets,
      };
    case 'join':
    case 'leave':
      // Gossip membership changes: the gossip cluster model applies them, not the request path.
      return { start: () => {}, end: () => {}, targets: fault.kind === 'leave' ? fault.targets : [] };
    case 'partition': {
      let heal = () => {};
      return {
        start: () => (heal = network.partition(fault.groups)),
        end: () => heal(),
        targets: fault.groups.flat(),
      };
    }
    case 'loss': {
      let restore = () => {};
      return {
        start: () => (restore = network.addLoss(fault.probability)),
        end: () => restore(),
        targets: [],
      };
    }
  }
}
