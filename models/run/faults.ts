import type { Simulation } from '../../sim/simulation';
import type { Network } from '../request/network';
import type { Replica } from '../request/replica';
import type { FaultSpec } from '../scenario/types';
import { faultEndMs, type FaultInterval } from '../subsystem/fault-interval';
import type { SubsystemRun } from '../subsystem/subsystem';

/** The faults the request path carries out itself; the others belong to a subsystem. */
type RequestPathFault = Extract<FaultSpec, { kind: 'crash' | 'slow' | 'errors' | 'partition' | 'loss' }>;
const REQUEST_PATH_FAULTS: ReadonlySet<FaultSpec['kind']> = new Set(['crash', 'slow', 'errors', 'partition', 'loss']);

/**
 * Schedule each fault's start and end on the simulation. Faults act on the models only
 * through their public verbs (crash/restart, setSlow, partition, addLoss), as an operator
 * or a chaos tool would. Faults of a subsystem (membership changes) go to the subsystem
 * that carries them out, in file order with the others.
 */
export function scheduleFaults(
  sim: Simulation,
  faults: readonly FaultSpec[],
  replicas: ReadonlyMap<string, Replica>,
  network: Network,
  durationMs: number,
  subsystems: readonly SubsystemRun[] = [],
): FaultInterval[] {
  const intervals: FaultInterval[] = [];
  for (const fault of faults) {
    if (!isRequestPathFault(fault)) {
      intervals.push(subsystemFault(fault, subsystems));
      continue;
    }
    const endMs = faultEndMs(fault, durationMs);
    const { start, end, targets } = actions(fault, replicas, network);
    sim.at(fault.atMs, start);
    if (endMs < durationMs) sim.at(endMs, end);
    intervals.push({ kind: fault.kind, startMs: fault.atMs, endMs, targets });
  }
  return intervals;
}

function isRequestPathFault(fault: FaultSpec): fault is RequestPathFault {
  return REQUEST_PATH_FAULTS.has(fault.kind);
}

/** The subsystem that carries out `fault` schedules it; it is a bug for none to. */
function subsystemFault(fault: FaultSpec, subsystems: readonly SubsystemRun[]): FaultInterval {
  for (const subsystem of subsystems) {
    const interval = subsystem.scheduleFault?.(fault);
    if (interval !== undefined) return interval;
  }
  throw new Error(`model: no subsystem of this scenario carries out ${fault.kind} faults`);
}

function actions(
  fault: RequestPathFault,
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
