import type { GossipConfigInput } from '../../components/gossip/index';
import { GossipCluster } from './gossip-cluster';
import type { NetworkSpec } from '../scenario/types';

/**
 * The fidelity experiments of docs/components/gossip.md, shared by the tests (small) and
 * scripts/validate-gossip.ts (large). Each returns raw samples or counts; the theory they
 * are compared with is in `gossip-theory.ts`.
 */

/** A fixed, cheap LAN: the experiments measure the protocol, not latency noise. */
const lan: NetworkSpec = { latency: { dist: 'constant', value: 0.25 }, loss: 0 };

/**
 * Plain push rumour spreading (protocol 'push', unsynchronised timers): `rumours` rumours
 * one after another, each created at a random member when the previous has reached all.
 * Returns each one's time to reach every member, in gossip intervals.
 */
export function pushSpreadIntervals(members: number, rumours: number, seed: number, fanout = 1): number[] {
  const gossipIntervalMs = 200;
  const cluster = new GossipCluster({
    members,
    seed,
    durationMs: rumours * 200 * gossipIntervalMs,
    network: lan,
    gossip: { protocol: 'push', fanout, gossipIntervalMs },
    events: { rate: 0, sequential: rumours, payloadBytes: 0 },
    stopWhenDisseminated: true,
  });
  cluster.run();
  return cluster.dissemination.fullMsSamples.map((ms) => ms / gossipIntervalMs);
}

export interface DetectionOptions {
  readonly members: number;
  /** Members crashed at once in each run (each gives one sample). */
  readonly crashed: number;
  readonly runs: number;
  readonly seed: number;
  /** `aligned`: crash 1 ms before a protocol period starts (the SWIM paper's model). */
  readonly timerPhase: 'aligned' | 'random';
}

/**
 * Time from a crash to the first suspicion of the crashed member, in probe periods, with
 * no loss. Each run crashes `crashed` random members at once, 5 s (aligned: 5 s − 1 ms) in.
 */
export function firstDetectionPeriods(options: DetectionOptions): number[] {
  const samples: number[] = [];
  const crashAtMs = options.timerPhase === 'aligned' ? 4999 : 5000;
  for (let run = 0; run < options.runs; run++) {
    const cluster = new GossipCluster({
      members: options.members,
      seed: options.seed * 1_000_003 + run,
      durationMs: crashAtMs + 30_000,
      network: lan,
      gossip: { timerPhase: options.timerPhase, pushPullIntervalMs: 0 },
      faults: [{ kind: 'crash', atMs: crashAtMs, count: options.crashed }],
    });
    // Stop as soon as every crashed member has been suspected once.
    cluster.run(crashAtMs + 1);
    while (cluster.detection.firstSuspectSamples.length < options.crashed && cluster.sim.now() < crashAtMs + 30_000) {
      cluster.run(cluster.sim.now() + 1000);
    }
    for (const ms of cluster.detection.firstSuspectSamples) samples.push(ms / 1000);
  }
  return samples;
}

export interface LoadResult {
  readonly members: number;
  readonly msgsPerMemberPerSec: number;
  readonly bytesPerMemberPerSec: number;
}

/** Steady-state load per member (converged cluster, `eventsPerSec` user events, no faults). */
export function steadyLoad(members: number, durationMs: number, seed: number, eventsPerSec = 0): LoadResult {
  const cluster = new GossipCluster({ members, seed, durationMs, network: lan, events: { rate: eventsPerSec } });
  cluster.run();
  const { load } = cluster.summary();
  return { members, ...load };
}

export interface FalsePositiveResult {
  readonly suspicion: boolean;
  readonly falsePositives: number;
  readonly refutations: number;
  readonly probesFailed: number;
}

/** False dead declarations of running members under `loss` message loss, no crash at all. */
export function falsePositives(
  members: number,
  durationMs: number,
  loss: number,
  suspicion: boolean,
  seed: number,
  gossip: GossipConfigInput = {},
): FalsePositiveResult {
  const cluster = new GossipCluster({
    members,
    seed,
    durationMs,
    network: { ...lan, loss },
    gossip: { ...gossip, suspicion },
  });
  cluster.run();
  return {
    suspicion,
    falsePositives: cluster.detection.falsePositives,
    refutations: cluster.metrics.counter('gossip.refutations'),
    probesFailed: cluster.metrics.counter('gossip.probes-failed'),
  };
}

/** Mean and standard error of the mean. */
export function meanAndError(samples: readonly number[]): { mean: number; sd: number; se: number } {
  const n = samples.length;
  const mean = samples.reduce((sum, x) => sum + x, 0) / n;
  const variance = samples.reduce((sum, x) => sum + (x - mean) ** 2, 0) / (n - 1);
  return { mean, sd: Math.sqrt(variance), se: Math.sqrt(variance / n) };
}
