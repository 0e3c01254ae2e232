import { describe, expect, it } from 'vitest';
import { resultMarkdown } from '../../../cli/format/result-md';
import { resultTable } from '../../../cli/format/result-table';
import { loadScenario } from '../../../models/scenario/load';
import { runScenario } from '../../../models/run-scenario';

const scenario = (replications: number, faultAt: string) =>
  loadScenario(
    `name: t
seed: 1
duration: 20s
warmup: 2s
window: 1s
replications: ${replications}
network: { latency: 1ms }
services:
  api: { replicas: 2, serviceTime: { dist: exponential, mean: 5ms } }
clients:
  load: { target: api, arrival: { process: poisson, rate: 100/s } }
faults:
  - { at: ${faultAt}, crash: api-0, for: 3s }
`,
    't.yaml',
  );

describe('resultTable', () => {
  it('shows 95% intervals with several replications, none with one', () => {
    const two = resultTable(runScenario(scenario(2, '10s')));
    expect(two).toContain('mean of replications with 95% CI');
    expect(two).toMatch(/\n {2}95% CI +\[/);
    const one = resultTable(runScenario(scenario(1, '10s')));
    expect(one).toContain('one replication, so no confidence intervals');
    expect(one).not.toContain('95% CI');
    expect(resultMarkdown(runScenario(scenario(1, '10s')))).not.toContain('95% CI');
  });

  it('marks a fault with no pre-fault window as having no baseline, not as recovered', () => {
    const early = resultTable(runScenario(scenario(1, '2s')));
    expect(early).toMatch(/\n {2}crash +2s +5s +api-0 +- +- +-\n/);
    expect(early).toContain('-: no baseline, the fault starts before a whole 1s window after the warm-up');
    const later = resultTable(runScenario(scenario(1, '10s')));
    expect(later).toMatch(/\n {2}crash +10s +13s +api-0 +[\d.]+m?s +[\d.]+m?s +1\/1\n/);
  });
});
