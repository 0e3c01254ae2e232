import { describe, expect, it } from 'vitest';
import { Simulation } from '../../sim/simulation';

describe('Simulation', () => {
  it('runs callbacks at their times, same-instant ones in scheduling order', () => {
    const sim = new Simulation();
    const log: string[] = [];
    sim.schedule(10, () => log.push(`b@${sim.now()}`));
    sim.schedule(0, () => log.push(`a@${sim.now()}`));
    sim.schedule(10, () => log.push(`c@${sim.now()}`));
    sim.run({ untilMs: 100 });
    expect(log).toEqual(['a@0', 'b@10', 'c@10']);
    expect(sim.now()).toBe(100);
  });

  it('never runs a cancelled timer, and cancelling twice or after firing is harmless', () => {
    const sim = new Simulation();
    const log: number[] = [];
    const t = sim.schedule(5, () => log.push(5));
    const u = sim.schedule(1, () => log.push(1));
    sim.cancel(t);
    sim.cancel(t);
    sim.run({ untilMs: 10 });
    sim.cancel(u);
    expect(log).toEqual([1]);
  });

  it('stops at untilMs and leaves later events pending', () => {
    const sim = new Simulation();
    let fired = false;
    sim.schedule(50, () => (fired = true));
    expect(sim.run({ untilMs: 49 })).toBe(true);
    expect(fired).toBe(false);
    expect(sim.pending).toBe(1);
    sim.run({ untilMs: 50 });
    expect(fired).toBe(true);
  });

  it('rejects scheduling in the past and negative delays', () => {
    const sim = new Simulation();
    sim.run({ untilMs: 10 });
    expect(() => sim.at(5, () => {})).toThrow(/before now/);
    expect(() => sim.schedule(-1, () => {})).toThrow(/>= 0/);
  });

  it('bounds a run by maxEvents', () => {
    const sim = new Simulation();
    const tick = () => sim.schedule(1, tick);
    tick();
    expect(sim.run({ untilMs: 1e9, maxEvents: 100 })).toBe(false);
    expect(sim.events).toBe(100);
  });

  it('compacts cancelled timers so memory follows live timers', () => {
    const sim = new Simulation();
    for (let i = 0; i < 20_000; i++) sim.cancel(sim.schedule(1000 + i, () => {}));
    expect(sim.pending).toBeLessThan(10_000);
  });

  it('reports progress and can be stopped from the progress callback', () => {
    const sim = new Simulation();
    const tick = () => sim.schedule(1, tick);
    tick();
    const seen: number[] = [];
    const finished = sim.run({ untilMs: 1e6, progressEvery: 10, onProgress: (p) => { seen.push(p.nowMs); if (seen.length === 3) sim.stop(); } });
    expect(finished).toBe(false);
    expect(seen).toEqual([10, 20, 30]);
  });
});
