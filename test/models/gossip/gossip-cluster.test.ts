import { describe, expect, it } from 'vitest';
import { GossipCluster, runGossipCluster, type GossipClusterOptions } from '../../../models/gossip/gossip-cluster';
import {
  falsePositives,
  firstDetectionPeriods,
  meanAndError,
  pushSpreadIntervals,
  steadyLoad,
} from '../../../models/gossip/experiments';
import {
  pushPeriodicIntervals,
  roundRobinDetectionPeriods,
  swimDetectionPeriods,
  unsynchronisedDetectionPeriods,
} from '../../../models/gossip/gossip-theory';

const churn: GossipClusterOptions = {
  members: 80,
  durationMs: 40_000,
  seed: 7,
  faults: [
    { kind: 'crash', atMs: 5000, count: 2 },
    { kind: 'leave', atMs: 8000, member: 3 },
    { kind: 'join', atMs: 10_000, count: 2 },
  ],
  events: { rate: 1 },
};

describe('GossipCluster: the summary.gossip v1 contract', () => {
  it('has exactly the v1 fields, with times in ms and rates per second', () => {
    const summary = runGossipCluster(churn);
    expect(Object.keys(summary)).toEqual(['members', 'dissemination', 'detection', 'load']);
    expect(Object.keys(summary.dissemination)).toEqual(['fullMs', 'events']);
    expect(Object.keys(summary.dissemination.fullMs)).toEqual(['mean', 'p50', 'p99', 'max']);
    expect(Object.keys(summary.detection)).toEqual(['firstSuspectMs', 'allDeadMs', 'falsePositives']);
    expect(Object.keys(summary.detection.firstSuspectMs)).toEqual(['mean', 'p50', 'p99', 'max']);
    expect(Object.keys(summary.load)).toEqual(['msgsPerMemberPerSec', 'bytesPerMemberPerSec']);
    expect(summary.members).toBe(80);
    expect(summary.dissemination.events).toBeGreaterThan(25);
    expect(summary.dissemination.fullMs.p50).toBeGreaterThan(100);
    expect(summary.dissemination.fullMs.max).toBeLessThan(3000);
    // Crash at 5 s: first suspicion within a few periods; everyone agrees after the suspicion timeout.
    expect(summary.detection.firstSuspectMs.mean).toBeGreaterThan(1000);
    expect(summary.detection.firstSuspectMs.mean).toBeLessThan(5000);
    expect(summary.detection.allDeadMs.mean).toBeGreaterThan(summary.detection.firstSuspectMs.mean!);
    expect(summary.detection.allDeadMs.mean).toBeLessThan(30_000);
    expect(summary.detection.falsePositives).toBe(0); // the leave is not a failure
    expect(summary.load.msgsPerMemberPerSec).toBeGreaterThan(2);
  });

  it('reports null, not NaN, for statistics without observations', () => {
    const summary = runGossipCluster({ members: 10, durationMs: 5000 });
    expect(summary.dissemination).toEqual({ fullMs: { mean: null, p50: null, p99: null, max: null }, events: 0 });
    expect(summary.detection.allDeadMs).toEqual({ mean: null, p50: null, p99: null, max: null });
    expect(JSON.stringify(summary)).not.toContain('NaN');
  });

  it('is deterministic: same seed, byte-identical JSON; another seed differs', () => {
    const runDetail = () => {
      const cluster = new GossipCluster(churn);
      cluster.run();
      return JSON.stringify(cluster.detail());
    };
    expect(runDetail()).toBe(runDetail());
    expect(JSON.stringify(runGossipCluster({ ...churn, seed: 8 }))).not.toBe(JSON.stringify(runGossipCluster(churn)));
  });

  it('the duplicate filter changes nothing but speed', () => {
    const run = (dedupe: boolean) => {
      const cluster = new GossipCluster({ ...churn, dedupe });
      cluster.run();
      return JSON.stringify(cluster.detail());
    };
    expect(run(true)).toBe(run(false));
  });

  it('rejects bad options with the field, the value and the range', () => {
    expect(() => new GossipCluster({ members: 0, durationMs: 1 })).toThrow(/members must be an integer in \[1, 100000\], got 0/);
    expect(() => new GossipCluster({ members: 3, durationMs: -1 })).toThrow(/durationMs must be a number >= 0, got -1/);
    expect(() => new GossipCluster({ members: 3, durationMs: 1, events: { rate: -2 } })).toThrow(/events\.rate/);
    expect(() => new GossipCluster({ members: 3, durationMs: 1, faults: [{ kind: 'loss', atMs: 0, probability: 2 }] })).toThrow(
      /faults\[0\]\.probability must be a probability in \[0, 1\], got 2/,
    );
    expect(() => new GossipCluster({ members: 3, durationMs: 1, gossip: { fanout: 0 } })).toThrow(/gossip: fanout/);
  });
});

describe('GossipCluster: faults and membership changes', () => {
  it('a crashed member is detected and declared dead by every running member', () => {
    const cluster = new GossipCluster({ members: 50, durationMs: 40_000, seed: 3, faults: [{ kind: 'crash', atMs: 2000, member: 9 }] });
    cluster.run();
    for (const slot of cluster.runningSlots()) expect(cluster.member(slot)!.stateOf('gossip-9')?.state).toBe('dead');
    expect(cluster.detection.allDeadMs.count).toBe(1);
    cluster.checkInvariants();
  });

  it('a restarted member rejoins with a higher incarnation and is alive everywhere', () => {
    const cluster = new GossipCluster({
      members: 40,
      durationMs: 60_000,
      seed: 4,
      faults: [{ kind: 'crash', atMs: 2000, member: 5, forMs: 20_000 }],
    });
    cluster.run();
    const restarted = cluster.member(5)!;
    expect(restarted.incarnation).toBeGreaterThan(1);
    expect(restarted.alive().length).toBe(40);
    for (const slot of cluster.runningSlots()) expect(cluster.member(slot)!.stateOf('gossip-5')?.state).toBe('alive');
    cluster.checkInvariants();
  });

  it('joiners become known to all; leavers are left everywhere and stop', () => {
    const cluster = new GossipCluster({
      members: 30,
      durationMs: 30_000,
      seed: 5,
      faults: [
        { kind: 'join', atMs: 1000, count: 3 },
        { kind: 'leave', atMs: 2000, member: 0 },
      ],
    });
    cluster.run();
    expect(cluster.slotCount).toBe(33);
    expect(cluster.member(0)).toBeUndefined();
    for (const slot of cluster.runningSlots()) {
      const member = cluster.member(slot)!;
      expect(member.stateOf('gossip-0')?.state).toBe('left');
      for (const joiner of [30, 31, 32]) expect(member.stateOf(`gossip-${joiner}`)?.state).toBe('alive');
    }
    expect(cluster.summary().detection.falsePositives).toBe(0);
  });

  it('a partition makes each side declare the other dead: counted as false positives', () => {
    const groups = [Array.from({ length: 10 }, (_, i) => i), Array.from({ length: 20 }, (_, i) => i + 10)];
    const cluster = new GossipCluster({ members: 30, durationMs: 25_000, seed: 6, faults: [{ kind: 'partition', atMs: 1000, groups }] });
    cluster.run();
    expect(cluster.member(0)!.alive().length).toBe(10);
    expect(cluster.member(15)!.alive().length).toBe(20);
    expect(cluster.summary().detection.falsePositives).toBe(30);
  });

  it('a loss window causes failed probes only while it lasts', () => {
    const cluster = new GossipCluster({ members: 30, durationMs: 20_000, seed: 2, faults: [{ kind: 'loss', atMs: 5000, forMs: 5000, probability: 0.3 }] });
    cluster.run(5000);
    expect(cluster.metrics.counter('gossip.probes-failed')).toBe(0);
    cluster.run(11_000); // a probe sent just before 10 s concludes one period later
    const during = cluster.metrics.counter('gossip.probes-failed');
    expect(during).toBeGreaterThan(0);
    cluster.run(20_000);
    expect(cluster.metrics.counter('gossip.probes-failed')).toBe(during);
    expect(cluster.network.dropped).toBeGreaterThan(0);
  });

  it('records a bounded informed-fraction series per rumour, rising to 1', () => {
    const cluster = new GossipCluster({
      members: 100,
      durationMs: 20_000,
      seed: 1,
      events: { rate: 2 },
      series: { windowMs: 100, rumoursMax: 4, pointsMax: 50 },
    });
    cluster.run();
    const series = cluster.informedSeries();
    expect(series.length).toBe(4);
    for (const s of series) {
      expect(s.fractions.length).toBeLessThanOrEqual(50);
      expect(s.fractions.at(-1)).toBe(1);
      for (let i = 1; i < s.fractions.length; i++) expect(s.fractions[i]).toBeGreaterThanOrEqual(s.fractions[i - 1]!);
      expect(s.fullMs).toBeGreaterThan(0);
    }
  });
});

describe('GossipCluster fidelity (seeded; bigger runs in scripts/validate-gossip.ts)', () => {
  it.each([
    [1000, 20],
    [10_000, 3],
  ])('push, fanout 1, unsynchronised timers, n = %i: ≈ 2 ln n + γ + 0.08 intervals, within 10%', (n, rumours) => {
    const { mean } = meanAndError(pushSpreadIntervals(n, rumours, 11));
    const reference = pushPeriodicIntervals(n);
    expect(Math.abs(mean / reference - 1)).toBeLessThan(0.1);
    expect(Math.abs(mean / (2 * Math.log(n)) - 1)).toBeLessThan(0.1);
  });

  it('SWIM, aligned periods (the paper\'s model): first detection ≈ e/(e−1) periods', () => {
    // 400 samples: sd ≈ 0.93 periods, so the standard error is 0.047 (3% of 1.6).
    // The tolerance, 4 standard errors, leaves a seeded run no room to pass by luck
    // if the protocol were off by 12% or more.
    const samples = firstDetectionPeriods({ members: 200, crashed: 10, runs: 40, seed: 1, timerPhase: 'aligned' });
    const { mean, se } = meanAndError(samples);
    const paper = swimDetectionPeriods(200, 10);
    expect(Math.abs(roundRobinDetectionPeriods(200, 10) / paper - 1)).toBeLessThan(0.005);
    expect(Math.abs(mean - paper)).toBeLessThan(4 * se);
    expect(Math.abs(mean / (Math.E / (Math.E - 1)) - 1)).toBeLessThan(0.12);
  });

  it('SWIM, unsynchronised timers: first detection ≈ 1 + (n−1)/(n−c+1) ≈ 2 periods', () => {
    const samples = firstDetectionPeriods({ members: 200, crashed: 10, runs: 40, seed: 2, timerPhase: 'random' });
    const { mean, se } = meanAndError(samples);
    expect(Math.abs(mean - unsynchronisedDetectionPeriods(200, 10))).toBeLessThan(4 * se);
  });

  it('message load per member is constant from n = 100 to n = 1,000', () => {
    const loads = [100, 1000].map((n) => steadyLoad(n, 30_000, 1));
    for (const load of loads) expect(load.msgsPerMemberPerSec).toBeCloseTo(2, 1); // one ping and one ack
    expect(Math.abs(loads[1]!.bytesPerMemberPerSec / loads[0]!.bytesPerMemberPerSec - 1)).toBeLessThan(0.05);
  });

  it('with 10% loss, suspicion gives far fewer false positives than dead-on-timeout', () => {
    const withSuspicion = falsePositives(100, 60_000, 0.1, true, 1);
    const without = falsePositives(100, 60_000, 0.1, false, 1);
    // ~0.8% of probes fail (direct: 19%, × all three indirect paths: 4.1%): 0.77 per second.
    expect(without.falsePositives).toBeGreaterThan(20);
    expect(withSuspicion.falsePositives).toBeLessThanOrEqual(1);
    expect(withSuspicion.refutations).toBeGreaterThan(10);
  });
});
