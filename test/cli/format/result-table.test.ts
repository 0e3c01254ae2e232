import { describe, expect, it } from 'vitest';
import { resultMarkdown } from '../../../cli/format/result-md';
import { resultTable } from '../../../cli/format/result-table';
import { loadScenario } from '../../../planner/scenario-file';
import { runScenario } from '../../../models/run/run-scenario';

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

  it('puts warnings first and counts requests still in flight at the end', () => {
    const overloaded = runScenario(loadScenario(`name: o
seed: 1
duration: 20s
network: { latency: 1ms }
services:
  api: { serviceTime: { dist: exponential, mean: 10ms } }
clients:
  load: { target: api, arrival: { process: poisson, rate: 200/s } }
`, 'o.yaml'));
    const text = resultTable(overloaded);
    expect(text).toMatch(/^meshsim run .*\n\nwarnings\n {2}⚠ api is overloaded: .*\n {2}⚠ api fell behind: /);
    expect(text).toMatch(/ {2}sent +completed +failed +timed out +rejected +in flight +error rate/);
    expect(text).toContain(` ${overloaded.summary.inFlight.toLocaleString('en-US')} `);
    expect(resultMarkdown(overloaded)).toContain('**warnings**');
    expect(resultTable(runScenario(scenario(1, '10s')))).not.toContain('warnings');
  });

  it('says no requests were sent when the clients sent none', () => {
    const idle = runScenario(loadScenario(`name: idle
seed: 1
duration: 5s
network: { latency: 1ms }
services:
  api: { serviceTime: 10ms }
clients:
  load: { target: api, arrival: { process: poisson, rate: 0/s } }
`, 'idle.yaml'));
    expect(resultTable(idle)).toContain('requests\n  no requests were sent');
  });

  it('divides the last row of the time series by the time it covers, not a whole window', () => {
    // 10.5 s in 1 s windows: the last window covers 0.5 s; at a constant 100/s every row reads 100.
    const result = runScenario(loadScenario(`name: c
seed: 1
duration: 10500ms
network: { latency: 1ms }
services:
  api: { serviceTime: 1ms }
clients:
  load: { target: api, arrival: { process: constant, rate: 100/s } }
`, 'c.yaml'));
    const rows = resultTable(result).split('time series')[1]!.split('\n').slice(2).filter((l) => l.trim() !== '');
    expect(rows).toHaveLength(11);
    for (const row of rows.slice(1)) expect(row).toMatch(/^ {2}\S+ +(99|100)\.\d /);
    expect(resultTable(result)).toContain('the last row covers 500ms');
  });

  it('gives percentile intervals at least the histogram\'s resolution, and none from one replication', () => {
    const two = runScenario(scenario(2, '10s'));
    for (const key of ['p50Ms', 'p90Ms', 'p99Ms', 'p999Ms'] as const) {
      const [lo, hi] = two.summary.ci95[key]!;
      expect((hi - lo) / two.summary.latencyMs[key.replace('Ms', '') as 'p50']).toBeGreaterThan(0.0078 * 0.99);
    }
    expect(Object.values(runScenario(scenario(1, '10s')).summary.ci95)).toEqual([null, null, null, null, null, null, null]);
  });

  it('fills the gossip table\'s max column', () => {
    const result = runScenario(loadScenario(`name: g
seed: 1
duration: 30s
network: { latency: 1ms }
services:
  gossip: { kind: gossip, replicas: 20, gossip: { protocol: swim } }
faults:
  - { at: 5s, crash: gossip-3 }
`, 'g.yaml'));
    const max = result.summary.gossip!.detection.allDeadMs.max!;
    expect(max).toBeGreaterThan(0);
    expect(resultTable(result)).toMatch(/crash → dead everywhere +\S+ +\S+ +\S+ +\d[\d.]*m?s\n/);
  });

  it('labels ejected time as summed over hosts, instances and replications', () => {
    const result = runScenario(loadScenario(`name: e
seed: 1
duration: 20s
network: { latency: 1ms }
services:
  api: { replicas: 3, serviceTime: 1ms }
clients:
  web:
    target: api
    instances: 2
    arrival: { process: poisson, rate: 300/s }
    balancer: { policy: round-robin }
    outlierDetection: { consecutive5xx: 5, baseEjectionTime: 30s }
faults:
  - { at: 5s, errors: api-1, rate: 100% }
`, 'e.yaml'));
    const text = resultTable(result);
    expect(text).toContain('ejected host-time');
    expect(text).toContain('summed over hosts, client instances (each ejects on its own) and replications');
  });
});

