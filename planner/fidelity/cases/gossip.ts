import { firstDetectionPeriods, pushSpreadIntervals, steadyLoad } from '../../../models/gossip/experiments';
import { pushPeriodicIntervals, swimDetectionPeriods } from '../../../models/gossip/gossip-theory';
import type { FidelityCase } from '../fidelity-case';

const mean = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

export const gossipCases: FidelityCase[] = [
  {
    id: 'gossip/push-1000', area: 'gossip', title: 'push, fanout 1: gossip intervals to reach all', params: 'n = 1,000, unsynchronised timers',
    reference: pushPeriodicIntervals(1000), source: 'continuous-time push (Frieze & Grimmett; Pittel) with periodic timers, docs/components/gossip.md',
    tolerance: { kind: 'relative', value: 0.1 }, replications: 5,
    run: (seed, scale) => mean(pushSpreadIntervals(1000, Math.max(2, Math.round(20 * scale)), seed)),
  },
  {
    id: 'gossip/swim-first-detection', area: 'gossip', title: 'SWIM: protocol periods to first suspicion of a crash', params: 'n = 100, synchronised periods, no loss',
    reference: swimDetectionPeriods(100), source: 'Das, Gupta, Motivala, DSN 2002 §3.1: 1/(1 − (1 − 1/(n−1))^(n−1))',
    tolerance: { kind: 'relative', value: 0.1 }, replications: 5,
    run: (seed, scale) => mean(firstDetectionPeriods({ members: 100, crashed: 1, runs: Math.max(10, Math.round(80 * scale)), seed, timerPhase: 'aligned' })),
  },
  {
    id: 'gossip/swim-load', area: 'gossip', title: 'SWIM: messages per member per second, n = 1,000 over n = 100', params: 'quiet cluster, memberlist LAN defaults',
    reference: 1, source: 'SWIM: per-member load is constant in n',
    tolerance: { kind: 'relative', value: 0.05 }, replications: 3,
    run: (seed, scale) => {
      const durationMs = Math.max(10_000, 30_000 * scale);
      return steadyLoad(1000, durationMs, seed).msgsPerMemberPerSec / steadyLoad(100, durationMs, seed).msgsPerMemberPerSec;
    },
  },
];
