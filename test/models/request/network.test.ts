import { describe, expect, it } from 'vitest';
import { Network } from '../../../models/request/network';
import { SeededRng } from '../../../sim/rng';
import { Simulation } from '../../../sim/simulation';

function net(spec: Partial<ConstructorParameters<typeof Network>[1]> = {}) {
  const sim = new Simulation();
  const network = new Network(sim, { latency: { dist: 'constant', value: 2 }, loss: 0, ...spec }, new SeededRng(1, 'net'));
  const arrivals: number[] = [];
  const send = (from = 'a', to = 'b', size = 0) => network.transmit(from, to, size, () => arrivals.push(sim.now()), undefined);
  return { sim, network, arrivals, send };
}

describe('Network', () => {
  it('delays by latency plus size / bandwidth', () => {
    const { sim, arrivals, send } = net({ bandwidthBps: 8e6 }); // 1 MB/s
    send('a', 'b', 1000); // 1 ms transfer
    sim.run({ untilMs: 10 });
    expect(arrivals).toEqual([3]);
  });

  it('drops the configured fraction of messages', () => {
    const { sim, arrivals, send } = net({ loss: 0.25 });
    for (let i = 0; i < 20_000; i++) send();
    sim.run({ untilMs: 10 });
    expect(arrivals.length / 20_000).toBeCloseTo(0.75, 1);
  });

  it('partitions cut traffic between groups only, and heal', () => {
    const { network, send } = net();
    const heal = network.partition([['a'], ['b']]);
    expect(send('a', 'b')).toBe(false);
    expect(send('b', 'a')).toBe(false);
    expect(send('a', 'c')).toBe(true);
    heal();
    expect(send('a', 'b')).toBe(true);
  });

  it('fault loss adds to the base loss and is removed', () => {
    const { network, send } = net();
    const restore = network.addLoss(1);
    expect(send()).toBe(false);
    restore();
    expect(send()).toBe(true);
  });

  it('delivers component messages to the registered handler', () => {
    const { sim, network } = net();
    const got: string[] = [];
    network.listen('b', (from, m) => got.push(`${from}:${m.type}@${sim.now()}`));
    network.send('a', 'b', { type: 'ping' });
    network.send('a', 'nobody', { type: 'ping' });
    sim.run({ untilMs: 10 });
    expect(got).toEqual(['a:ping@2']);
  });
});
