import type { GossipConfigInput } from '../../components/gossip/index';
import type { Simulation } from '../../sim/simulation';
import { GossipCluster } from './gossip-cluster';
import type { GossipFault } from './cluster-options';
import type { GossipSummary, QuantileSummary } from './gossip-summary';
import type { FaultSpec, Scenario } from '../scenario/types';
import type { GossipServiceSpec } from './gossip-spec';

/**
 * A gossip cluster of the scenario (`kind: gossip` service `name`) in simulation `sim`: its
 * members, its protocol settings, the scenario's network model (an instance of its own, so
 * its loss draws never shift the request path's) and the faults that name its members
 * (crash, leave, partition), network loss and `join`.
 */
export function buildCluster(scenario: Scenario, seed: number, name: string, spec: GossipServiceSpec, sim?: Simulation): GossipCluster {
  return new GossipCluster({
    ...(sim === undefined ? {} : { sim }),
    members: spec.members,
    durationMs: scenario.durationMs,
    seed,
    service: name,
    gossip: spec.config as GossipConfigInput,
    network: scenario.network,
    events: { rate: spec.eventsPerSec, ...(spec.payloadBytes === undefined ? {} : { payloadBytes: spec.payloadBytes }) },
    faults: scenario.faults.flatMap((fault) => clusterFaults(fault, name)),
  });
}

/** The member index of a node id `<name>-<i>`, or undefined for another service's node. */
function memberOf(id: string, name: string): number | undefined {
  const prefix = `${name}-`;
  if (!id.startsWith(prefix)) return undefined;
  const index = Number(id.slice(prefix.length));
  return Number.isInteger(index) ? index : undefined;
}

function clusterFaults(fault: FaultSpec, name: string): GossipFault[] {
  const forMs = 'forMs' in fault ? fault.forMs : undefined;
  const timing = { atMs: fault.atMs, ...(forMs === undefined ? {} : { forMs }) };
  const members = (ids: readonly string[]) => ids.map((id) => memberOf(id, name)).filter((i): i is number => i !== undefined);
  switch (fault.kind) {
    case 'crash':
      return members(fault.targets).map((member) => ({ kind: 'crash', ...timing, member }));
    case 'leave':
      return members(fault.targets).map((member) => ({ kind: 'leave', atMs: fault.atMs, member }));
    case 'join':
      return fault.service === name ? [{ kind: 'join', atMs: fault.atMs, count: fault.count }] : [];
    case 'loss':
      return [{ kind: 'loss', ...timing, probability: fault.probability }];
    case 'partition': {
      const groups = fault.groups.map(members).filter((g) => g.length > 0);
      return groups.length >= 2 ? [{ kind: 'partition', ...timing, groups }] : [];
    }
    default:
      return [];
  }
}

/** Pool one cluster's summaries over replications: means of the measured times, sums of counts. */
export function poolGossip(all: readonly GossipSummary[]): GossipSummary {
  const avg = (xs: (number | null)[]) => {
    const got = xs.filter((x): x is number => x !== null);
    return got.length === 0 ? null : Math.round((got.reduce((a, b) => a + b, 0) / got.length) * 1000) / 1000;
  };
  const q = (pick: (g: GossipSummary) => QuantileSummary): QuantileSummary => ({
    mean: avg(all.map((g) => pick(g).mean)),
    p50: avg(all.map((g) => pick(g).p50)),
    p99: avg(all.map((g) => pick(g).p99)),
    max: avg(all.map((g) => pick(g).max)),
  });
  return {
    members: all[0]!.members,
    dissemination: {
      fullMs: q((g) => g.dissemination.fullMs),
      events: all.reduce((a, g) => a + g.dissemination.events, 0),
    },
    detection: {
      firstSuspectMs: q((g) => g.detection.firstSuspectMs),
      allDeadMs: q((g) => g.detection.allDeadMs),
      falsePositives: all.reduce((a, g) => a + g.detection.falsePositives, 0),
    },
    load: {
      msgsPerMemberPerSec: avg(all.map((g) => g.load.msgsPerMemberPerSec))!,
      bytesPerMemberPerSec: avg(all.map((g) => g.load.bytesPerMemberPerSec))!,
    },
  };
}
