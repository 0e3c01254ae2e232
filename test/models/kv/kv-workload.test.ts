import { describe, expect, it } from 'vitest';
import { kvRequestOf, kvWorkload } from '../../../models/kv/kv-workload';
import { Call } from '../../../models/request/request';
import { SeededRng } from '../../../sim/rng';

const listener = { callEnded: () => {} };

describe('kvWorkload', () => {
  it('tags each call with a get or a put in the given shares, from its own stream', () => {
    const tag = kvWorkload({ ops: { get: 0.8, put: 0.2 }, valueSizeBytes: 512 }, new SeededRng(1, 'workload/app/ops'));
    let puts = 0;
    for (let i = 0; i < 20_000; i++) {
      const call = new Call(1, 0, true, listener, 'key-1');
      tag(call);
      const request = kvRequestOf(call)!;
      if (request.op === 'put') {
        puts++;
        expect(request.valueBytes).toBe(512);
      }
    }
    expect(puts / 20_000).toBeCloseTo(0.2, 2);
  });

  it('a call that was never tagged has no operation', () => {
    expect(kvRequestOf(new Call(1, 0, true, listener))).toBeUndefined();
  });

  it('shares of 1 and 0 give only that operation', () => {
    const tag = kvWorkload({ ops: { get: 0, put: 1 }, valueSizeBytes: 1 }, new SeededRng(1, 'x'));
    for (let i = 0; i < 100; i++) {
      const call = new Call(1, 0, true, listener);
      tag(call);
      expect(kvRequestOf(call)!.op).toBe('put');
    }
  });
});
