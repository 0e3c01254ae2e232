import { describe, expect, it } from 'vitest';
import { Simulation } from '../../../sim/simulation';
import { SeededRng } from '../../../sim/rng';
import { Disk } from '../../../models/kv/disk';

function disk(fsyncMs: number, bandwidthBps = 8_000_000): { sim: Simulation; disk: Disk } {
  const sim = new Simulation();
  return { sim, disk: new Disk(sim, { fsync: () => fsyncMs, bandwidthBps }, new SeededRng(1, 'disk')) };
}

describe('Disk', () => {
  it('a write costs its bytes at the bandwidth plus one fsync', () => {
    const { sim, disk: d } = disk(2); // 8 Mbit/s = 1 byte per µs
    let doneAt = -1;
    d.submit(1_000, true, () => (doneAt = sim.now()));
    sim.run({ untilMs: 100 });
    expect(doneAt).toBeCloseTo(1 + 2, 9);
  });

  it('a read (no fsync) costs only its bytes', () => {
    const { sim, disk: d } = disk(2);
    let doneAt = -1;
    d.submit(500, false, () => (doneAt = sim.now()));
    sim.run({ untilMs: 100 });
    expect(doneAt).toBeCloseTo(0.5, 9);
    expect(d.fsyncCount).toBe(0);
  });

  it('writes that queue during an fsync share the next one (group commit)', () => {
    const { sim, disk: d } = disk(5, 8e12);
    const done: number[] = [];
    d.submit(0, true, () => done.push(sim.now()));
    for (let i = 0; i < 10; i++) sim.at(1 + i * 0.1, () => d.submit(0, true, () => done.push(sim.now())));
    sim.run({ untilMs: 100 });
    expect(done).toEqual([5, ...Array(10).fill(10)]);
    expect(d.fsyncCount).toBe(2);
    expect(d.batchCount).toBe(2);
  });

  it('a crash drops the queue and the batch in progress; the restarted disk is empty', () => {
    const { sim, disk: d } = disk(5);
    let done = 0;
    d.submit(0, true, () => done++);
    d.submit(0, true, () => done++);
    sim.at(1, () => d.crash());
    sim.at(2, () => d.submit(0, true, () => done++)); // ignored while down
    sim.at(3, () => d.restart());
    sim.at(4, () => d.submit(0, true, () => done++));
    sim.run({ untilMs: 100 });
    expect(done).toBe(1);
  });

  it('rejects a bandwidth that is not positive', () => {
    expect(() => new Disk(new Simulation(), { fsync: () => 1, bandwidthBps: 0 }, new SeededRng(1, 'd'))).toThrow('model: disk bandwidth must be > 0 bps, got 0');
  });
});
