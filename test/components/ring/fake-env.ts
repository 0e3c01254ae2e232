import type { Env } from '../../../sim/env';
import { RngStreams } from '../../../sim/rng';

/** An Env for policy tests: seeded streams, no time, no network. */
export function fakeEnv(seed = 42): Env {
  const streams = new RngStreams(seed);
  return {
    now: () => 0,
    schedule: () => {
      throw new Error('fakeEnv: schedule is not used by hashing policies');
    },
    at: () => {
      throw new Error('fakeEnv: at is not used by hashing policies');
    },
    cancel: () => undefined,
    rng: (stream) => streams.get(stream),
    send: () => undefined,
    metrics: { count: () => undefined, gauge: () => undefined, observe: () => undefined },
  };
}
