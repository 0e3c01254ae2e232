import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runScenario } from '../../../models/run/run-scenario';
import { loadScenario } from '../../../planner/scenario-file';

const load = (file: string, overrides: { path: string; value: string }[] = []) =>
  loadScenario(readFileSync(file, 'utf8'), file, { overrides });

describe('gossip clusters in scenarios', () => {
  it('a crash is suspected within a few protocol periods and declared dead everywhere, without false positives', () => {
    const s = load('scenarios/swim-crash-detection.yaml', [{ path: 'replications', value: '1' }]);
    expect(s.clients.size).toBe(0);
    const g = runScenario(s).summary.gossip!;
    expect(g.members).toBe(1000);
    expect(g.detection.firstSuspectMs.mean).toBeGreaterThan(500);
    expect(g.detection.firstSuspectMs.mean).toBeLessThan(4000);
    // Suspicion timeout at n = 1000: 4 · log10(1000) · 1 s = 12 s (shorter with confirmations).
    expect(g.detection.allDeadMs.mean).toBeGreaterThan(g.detection.firstSuspectMs.mean!);
    expect(g.detection.allDeadMs.mean).toBeLessThan(20_000);
    expect(g.detection.falsePositives).toBe(0);
  });

  it('suspicion keeps false positives at zero on a lossy network; declaring dead on timeout does not', () => {
    const short = [{ path: 'duration', value: '60s' }, { path: 'replications', value: '1' }];
    const withSuspicion = runScenario(load('scenarios/swim-lossy-network.yaml', short)).summary.gossip!;
    const naive = runScenario(load('scenarios/swim-lossy-network.yaml', [...short, { path: 'services.gossip.gossip.suspicion', value: 'false' }])).summary.gossip!;
    expect(withSuspicion.detection.falsePositives).toBe(0);
    expect(naive.detection.falsePositives).toBeGreaterThan(20);
  });

  it('push rumours reach every member in about 2 ln n gossip intervals', () => {
    const s = load('scenarios/gossip-convergence.yaml', [{ path: 'replications', value: '1' }, { path: 'duration', value: '20s' }]);
    const result = runScenario(s);
    const g = result.summary.gossip!;
    const rounds = g.dissemination.fullMs.mean! / 200;
    // The dissemination curves: the fraction informed rises to 1 for a completed rumour.
    const curve = result.gossipInformed!['gossip']!.find((r) => r.fullMs !== null)!;
    expect(curve.fractions[0]).toBeLessThan(0.05);
    expect(curve.fractions[curve.fractions.length - 1]).toBe(1);
    expect(rounds).toBeGreaterThan(2 * Math.log(1000) * 0.85);
    expect(rounds).toBeLessThan(2 * Math.log(1000) * 1.3);
    expect(g.dissemination.events).toBeGreaterThan(20);
  });
});
