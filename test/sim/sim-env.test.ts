import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Address, Message, MessageHandler, TraceEvent } from '../../sim/env';
import { MetricsRegistry } from '../../sim/metrics';
import { RngStreams, SeededRng } from '../../sim/rng';
import { SimEnv, type TraceSink, type Transport } from '../../sim/sim-env';
import { Simulation } from '../../sim/simulation';

/**
 * A transport for the test: records every send and delivers it `latencyMs` later through
 * the simulation to the handler of `to`, if one listens; otherwise the message is lost.
 */
class LoopbackTransport implements Transport {
  readonly sent: { from: Address; to: Address; message: Message }[] = [];
  private readonly handlers = new Map<Address, MessageHandler>();

  constructor(
    private readonly sim: Simulation,
    private readonly latencyMs: number,
  ) {}

  send(from: Address, to: Address, message: Message): void {
    this.sent.push({ from, to, message });
    this.sim.schedule(this.latencyMs, () => this.handlers.get(to)?.(from, message));
  }

  listen(address: Address, handler: MessageHandler): void {
    this.handlers.set(address, handler);
  }
}

interface World {
  sim: Simulation;
  streams: RngStreams;
  transport: LoopbackTransport;
  metrics: MetricsRegistry;
  env(address: Address, options?: { traceSink?: TraceSink; streamPrefix?: string }): SimEnv;
}

function world(seed = 7): World {
  const sim = new Simulation();
  const streams = new RngStreams(seed);
  const transport = new LoopbackTransport(sim, 2);
  const metrics = new MetricsRegistry();
  return {
    sim,
    streams,
    transport,
    metrics,
    env: (address, options = {}) => new SimEnv(sim, streams, address, transport, metrics, options.traceSink, options.streamPrefix),
  };
}

const draws = (rng: { next(): number }, count: number): number[] => Array.from({ length: count }, () => rng.next());

describe('SimEnv time and timers', () => {
  it('now() is the simulation clock: 0 at first, the timer time inside a callback, untilMs after a run', () => {
    const { sim, env } = world();
    const a = env('a');
    const seen: number[] = [];
    expect(a.now()).toBe(0);
    a.schedule(12.5, () => seen.push(a.now()));
    sim.run({ untilMs: 40 });
    expect(seen).toEqual([12.5]);
    expect(a.now()).toBe(40);
  });

  it('runs callbacks in time order, ties in the order they were scheduled, across Envs sharing the engine', () => {
    const { sim, env } = world();
    const a = env('a');
    const b = env('b');
    const log: string[] = [];
    a.schedule(10, () => log.push('a1@10'));
    b.schedule(5, () => log.push('b1@5'));
    b.schedule(10, () => log.push('b2@10'));
    a.schedule(10, () => log.push('a3@10'));
    a.schedule(0, () => log.push('a4@0'));
    sim.run({ untilMs: 100 });
    expect(log).toEqual(['a4@0', 'b1@5', 'a1@10', 'b2@10', 'a3@10']);
  });

  it('never runs a callback inside schedule; a zero delay runs after what is already due at that instant', () => {
    const { sim, env } = world();
    const a = env('a');
    const log: string[] = [];
    a.schedule(1, () => {
      log.push('first');
      a.schedule(0, () => log.push('scheduled by first'));
      log.push('first returns');
    });
    a.schedule(1, () => log.push('second'));
    sim.run({ untilMs: 1 });
    expect(log).toEqual(['first', 'first returns', 'second', 'scheduled by first']);
  });

  it('returns a handle carrying the absolute time it fires at', () => {
    const { sim, env } = world();
    const a = env('a');
    sim.run({ untilMs: 30 });
    expect(a.schedule(7, () => {}).at).toBe(37);
  });

  it('cancel stops a pending callback; cancelling twice, or after it ran, changes nothing', () => {
    const { sim, env } = world();
    const a = env('a');
    const log: string[] = [];
    const cancelled = a.schedule(5, () => log.push('cancelled'));
    const ran = a.schedule(3, () => log.push('ran'));
    a.cancel(cancelled);
    a.cancel(cancelled);
    sim.run({ untilMs: 10 });
    a.cancel(ran);
    expect(log).toEqual(['ran']);
  });

  it('a callback can cancel another one due at the same instant, and it does not run', () => {
    const { sim, env } = world();
    const a = env('a');
    const log: string[] = [];
    a.schedule(4, () => {
      log.push('canceller');
      a.cancel(victim);
    });
    const victim = a.schedule(4, () => log.push('victim'));
    sim.run({ untilMs: 4 });
    expect(log).toEqual(['canceller']);
  });

  it('one Env can cancel a timer another Env scheduled (they share the engine)', () => {
    const { sim, env } = world();
    const log: string[] = [];
    const timer = env('a').schedule(1, () => log.push('a'));
    env('b').cancel(timer);
    sim.run({ untilMs: 2 });
    expect(log).toEqual([]);
  });

  it('rejects a negative or NaN delay', () => {
    const a = world().env('a');
    expect(() => a.schedule(-1, () => {})).toThrow('sim: delay must be >= 0 ms, got -1');
    expect(() => a.schedule(Number.NaN, () => {})).toThrow(/delay must be >= 0 ms/);
  });
});

describe('SimEnv.at, the allocation-free timer', () => {
  /** A record and a function that captures nothing, as a component passes them. */
  interface Tick {
    readonly name: string;
    readonly log: string[];
    readonly env: SimEnv;
  }
  const fire = (tick: Tick) => tick.log.push(`${tick.name}@${tick.env.now()}`);

  it('runs fn(arg) at the absolute time given, with now() equal to it', () => {
    const { sim, env } = world();
    const a = env('a');
    const log: string[] = [];
    sim.run({ untilMs: 10 });
    const timer = a.at(12.5, fire, { name: 'x', log, env: a });
    expect(timer.at).toBe(12.5);
    sim.run({ untilMs: 20 });
    expect(log).toEqual(['x@12.5']);
  });

  it('shares one order with schedule: ties run in the order scheduled, by either verb', () => {
    const { sim, env } = world();
    const a = env('a');
    const log: string[] = [];
    a.schedule(5, () => log.push('schedule-1@5'));
    a.at(5, fire, { name: 'at-2', log, env: a });
    a.schedule(5, () => log.push('schedule-3@5'));
    a.at(1, fire, { name: 'at-0', log, env: a });
    sim.run({ untilMs: 10 });
    expect(log).toEqual(['at-0@1', 'schedule-1@5', 'at-2@5', 'schedule-3@5']);
  });

  it('never runs inside at, not even at now(): it runs after what is already due', () => {
    const { sim, env } = world();
    const a = env('a');
    const log: string[] = [];
    a.schedule(3, () => {
      a.at(a.now(), fire, { name: 'inner', log, env: a });
      log.push('outer returns');
    });
    a.schedule(3, () => log.push('due already'));
    sim.run({ untilMs: 3 });
    expect(log).toEqual(['outer returns', 'due already', 'inner@3']);
  });

  it('returns a handle that cancel stops, as schedule does', () => {
    const { sim, env } = world();
    const a = env('a');
    const log: string[] = [];
    const cancelled = a.at(4, fire, { name: 'cancelled', log, env: a });
    a.at(4, fire, { name: 'kept', log, env: a });
    a.cancel(cancelled);
    sim.run({ untilMs: 10 });
    expect(log).toEqual(['kept@4']);
  });

  it('rejects a time before now, or NaN', () => {
    const { sim, env } = world();
    const a = env('a');
    sim.run({ untilMs: 10 });
    expect(() => a.at(9, () => {}, undefined)).toThrow('sim: cannot schedule at 9 ms, before now (10 ms)');
    expect(() => a.at(Number.NaN, () => {}, undefined)).toThrow(/cannot schedule at NaN ms/);
  });
});

describe('SimEnv random streams', () => {
  it('derives stream "<address>/<name>" from the master seed', () => {
    const a = world(42).env('client-0');
    expect(draws(a.rng('balancer'), 5)).toEqual(draws(new SeededRng(42, 'client-0/balancer'), 5));
  });

  it('gives the same numbers for the same (seed, address, name) in a fresh world', () => {
    expect(draws(world(3).env('a').rng('x'), 20)).toEqual(draws(world(3).env('a').rng('x'), 20));
  });

  it('gives different numbers for another seed, another address or another name', () => {
    const reference = draws(world(3).env('a').rng('x'), 5);
    expect(draws(world(4).env('a').rng('x'), 5)).not.toEqual(reference);
    expect(draws(world(3).env('b').rng('x'), 5)).not.toEqual(reference);
    expect(draws(world(3).env('a').rng('y'), 5)).not.toEqual(reference);
  });

  it('returns one stream per name: asking again continues it rather than restarting it', () => {
    const a = world(1).env('a');
    const first = a.rng('x').next();
    const second = a.rng('x').next();
    expect([first, second]).toEqual(draws(new SeededRng(1, 'a/x'), 2));
    expect(a.rng('x')).toBe(a.rng('x'));
  });

  it('two Envs of one address share its streams (same engine and RngStreams)', () => {
    const w = world(1);
    const first = w.env('a').rng('x').next();
    const second = w.env('a').rng('x').next();
    expect([first, second]).toEqual(draws(new SeededRng(1, 'a/x'), 2));
  });

  it('a stream prefix replaces the address as the namespace, and only the namespace', () => {
    const w = world(9);
    const prefixed = w.env('10.0.0.1', { streamPrefix: 'client-0->api' });
    expect(prefixed.address).toBe('10.0.0.1');
    expect(draws(prefixed.rng('balancer'), 3)).toEqual(draws(new SeededRng(9, 'client-0->api/balancer'), 3));
  });

  it('drawing from one stream never shifts another (property, against one SeededRng per name)', () => {
    const name = fc.constantFrom('a/x', 'a/y', 'b/x', 'b/balancer', 'c/gossip.choice');
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 31 }), fc.array(name, { maxLength: 60 }), (seed, order) => {
        const w = world(seed);
        const envs = new Map<string, SimEnv>();
        const reference = new Map<string, SeededRng>();
        for (const full of order) {
          const [address, stream] = full.split('/') as [string, string];
          if (!envs.has(address)) envs.set(address, w.env(address));
          if (!reference.has(full)) reference.set(full, new SeededRng(seed, full));
          expect(envs.get(address)!.rng(stream).next()).toBe(reference.get(full)!.next());
        }
      }),
      { seed: 42, numRuns: 300 },
    );
  });
});

describe('SimEnv network', () => {
  it('send hands the transport (own address, destination, the message itself)', () => {
    const { transport, env } = world();
    const message = { type: 'ping', size: 40, seq: 1 };
    env('a').send('b', message);
    expect(transport.sent).toEqual([{ from: 'a', to: 'b', message }]);
    expect(transport.sent[0]!.message).toBe(message);
  });

  it('listen registers for its own address: a message arrives with its sender, when the transport delivers it', () => {
    const { sim, env } = world();
    const a = env('a');
    const b = env('b');
    const received: string[] = [];
    b.listen((from, message) => {
      received.push(`${from}:${message.type}@${b.now()}`);
      b.send(from, { type: 'pong' });
    });
    a.listen((from, message) => received.push(`${from}:${message.type}@${a.now()}`));
    a.schedule(1, () => a.send('b', { type: 'ping' }));
    sim.run({ untilMs: 10 });
    expect(received).toEqual(['a:ping@3', 'b:pong@5']);
  });

  it('send returns at once and says nothing about delivery: a message to nobody is simply lost', () => {
    const { sim, env, transport } = world();
    expect(env('a').send('nobody', { type: 'ping' })).toBeUndefined();
    expect(sim.run({ untilMs: 10 })).toBe(true);
    expect(transport.sent).toHaveLength(1);
  });
});

describe('SimEnv metrics and trace', () => {
  it('exposes the metrics it was given, shared by every Env of the run', () => {
    const { metrics, env } = world();
    env('a').metrics.count('retries');
    env('b').metrics.count('retries', 2);
    env('a').metrics.observe('latency', 3);
    expect(env('a').metrics).toBe(metrics);
    expect(metrics.counter('retries')).toBe(3);
    expect(metrics.histograms.get('latency')?.count).toBe(1);
  });

  it('has no trace function without a sink, so components build no trace records', () => {
    expect(world().env('a').trace).toBeUndefined();
  });

  it('stamps trace records with the sim time and its address, keeps their fields and leaves the event as it was', () => {
    const { sim, env } = world();
    const records: (TraceEvent & { t: number; at: Address })[] = [];
    const a = env('a', { traceSink: (record) => records.push(record) });
    const event = { type: 'eject', host: 'h1' };
    a.schedule(8, () => a.trace!(event));
    sim.run({ untilMs: 20 });
    expect(records).toEqual([{ type: 'eject', host: 'h1', t: 8, at: 'a' }]);
    expect(event).toEqual({ type: 'eject', host: 'h1' });
  });
});
