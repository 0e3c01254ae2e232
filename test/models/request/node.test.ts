import { describe, expect, it } from 'vitest';
import { Node, type Job } from '../../../models/request/node';
import { Simulation } from '../../../sim/simulation';

function job(demandMs: number): Job & { name: string } {
  return { demandMs, epoch: 0, finishVirtual: 0, serviceIndex: 0, name: `${demandMs}` };
}

function harness(options: ConstructorParameters<typeof Node>[1]) {
  const sim = new Simulation();
  const done: string[] = [];
  const node = new Node(sim, options, { served: (j) => done.push(`${(j as Job & { name: string }).name}@${sim.now()}`) });
  return { sim, node, done };
}

describe('Node', () => {
  it('fifo serves in arrival order on the first free core', () => {
    const { sim, node, done } = harness({ cores: 2, discipline: 'fifo' });
    for (const d of [10, 10, 1, 1]) node.submit(job(d));
    sim.run({ untilMs: 100 });
    expect(done).toEqual(['10@10', '10@10', '1@11', '1@11']);
  });

  it('fifo rejects beyond queueLimit', () => {
    const { node } = harness({ cores: 1, discipline: 'fifo', queueLimit: 1 });
    expect(node.submit(job(1))).toBe(true);
    expect(node.submit(job(1))).toBe(true);
    expect(node.submit(job(1))).toBe(false);
  });

  it('processor sharing splits the core: two equal jobs both finish at twice their demand', () => {
    const { sim, node, done } = harness({ cores: 1, discipline: 'ps' });
    node.submit(job(10));
    node.submit(job(10));
    sim.run({ untilMs: 100 });
    expect(done).toEqual(['10@20', '10@20']);
  });

  it('a node of speed 0.5 takes twice the demand, fifo and processor sharing alike', () => {
    const fifo = harness({ cores: 1, discipline: 'fifo', speed: 0.5 });
    fifo.node.submit(job(10));
    fifo.node.submit(job(10));
    fifo.sim.run({ untilMs: 100 });
    expect(fifo.done).toEqual(['10@20', '10@40']);
    const ps = harness({ cores: 1, discipline: 'ps', speed: 0.5 });
    ps.node.submit(job(10));
    ps.node.submit(job(10));
    ps.sim.run({ untilMs: 100 });
    expect(ps.done).toEqual(['10@40', '10@40']);
  });

  it('a slow fault stacks on the speed', () => {
    const { sim, node, done } = harness({ cores: 1, discipline: 'fifo', speed: 2 });
    node.setSlow(4);
    node.submit(job(10));
    sim.run({ untilMs: 100 });
    expect(done).toEqual(['10@20']);
  });

  it('processor sharing lets a short job overtake a long one', () => {
    const { sim, node, done } = harness({ cores: 1, discipline: 'ps' });
    node.submit(job(100));
    sim.run({ untilMs: 10 });
    node.submit(job(5)); // shares from t=10: needs 10 ms of wall time
    sim.run({ untilMs: 1000 });
    expect(done).toEqual(['5@20', '100@105']);
  });

  it('with more cores than jobs, processor sharing runs each at full speed', () => {
    const { sim, node, done } = harness({ cores: 4, discipline: 'ps' });
    node.submit(job(10));
    node.submit(job(20));
    sim.run({ untilMs: 100 });
    expect(done).toEqual(['10@10', '20@20']);
  });

  it('a crash returns every job and stale completions never fire', () => {
    const { sim, node, done } = harness({ cores: 1, discipline: 'fifo' });
    node.submit(job(10));
    node.submit(job(10));
    sim.run({ untilMs: 5 });
    expect(node.crash()).toHaveLength(2);
    expect(node.submit(job(1))).toBe(false);
    node.restart();
    node.submit(job(1));
    sim.run({ untilMs: 100 });
    expect(done).toEqual(['1@6']);
  });

  it('slow multiplies the demand of jobs that start while it lasts', () => {
    const { sim, node, done } = harness({ cores: 1, discipline: 'fifo' });
    node.setSlow(5);
    node.submit(job(2));
    sim.run({ untilMs: 100 });
    expect(done).toEqual(['2@10']);
  });

  it('measures utilisation and mean queue length as time averages', () => {
    const { sim, node } = harness({ cores: 2, discipline: 'fifo' });
    node.submit(job(10));
    node.submit(job(10));
    node.submit(job(10)); // waits 10 ms
    sim.run({ untilMs: 40 });
    expect(node.busy.average(40) / node.cores).toBeCloseTo(30 / 80, 9);
    expect(node.waiting.average(40)).toBeCloseTo(10 / 40, 9);
  });
});

describe('Node under overload', () => {
  // An overloaded node's queue grows without bound; it must hold a quarter of a million
  // waiting jobs (the stack overflows around 10^5 arguments if an array is ever spread).
  const WAITING = 250_000;

  it.each(['fifo', 'ps'] as const)('%s holds 250k waiting jobs, serves them in order and crashes cleanly', (discipline) => {
    const { sim, node, done } = harness({ cores: 1, discipline });
    for (let i = 0; i < WAITING; i++) expect(node.submit(job(1))).toBe(true);
    expect(node.inSystem).toBe(WAITING);
    sim.run({ untilMs: 10 });
    expect(done.length).toBe(discipline === 'fifo' ? 10 : 0);
    const lost = node.crash();
    expect(lost.length + done.length).toBe(WAITING);
    expect(node.inSystem).toBe(0);
  });
});
