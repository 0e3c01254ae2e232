import { describe, expect, it } from 'vitest';
import { endpoint } from '../../../components/balancer/endpoint';
import { ProxyCall, type ProxyAttempt } from '../../../components/proxy';

const attempt = (call: ProxyCall, number: number): ProxyAttempt => ({
  call, host: endpoint('h'), number, isRetry: false, sentAtMs: 0, done: false, timer: undefined,
});

describe('ProxyCall', () => {
  it('starts not done, with no attempts, retries or timers', () => {
    const call = new ProxyCall(5, 'k');
    expect(call).toMatchObject({ done: false, timer: undefined, attempts: 0, retries: 0, holdsRetry: false, hedge: undefined, startedAtMs: 5, key: 'k' });
    expect(call.anyInFlight()).toBeUndefined();
    expect(call.inFlightCount()).toBe(0);
  });

  it('tracks attempts in flight and finds them by number', () => {
    const call = new ProxyCall(0);
    const [a0, a1, a2] = [0, 1, 2].map((n) => attempt(call, n)) as [ProxyAttempt, ProxyAttempt, ProxyAttempt];
    call.track(a0);
    call.track(a1);
    call.track(a2);
    expect(call.inFlightCount()).toBe(3);
    expect(call.findInFlight(1)).toBe(a1);
    expect(call.findInFlight(3)).toBeUndefined();
    call.untrack(a1);
    expect(call.findInFlight(1)).toBeUndefined();
    expect(call.inFlightCount()).toBe(2);
  });

  it('untracking the current attempt promotes another, so anyInFlight drains them all', () => {
    const call = new ProxyCall(0);
    for (const n of [0, 1, 2]) call.track(attempt(call, n));
    const drained: number[] = [];
    for (let a = call.anyInFlight(); a !== undefined; a = call.anyInFlight()) {
      drained.push(a.number);
      call.untrack(a);
    }
    expect(drained.sort()).toEqual([0, 1, 2]);
    expect(call.inFlightCount()).toBe(0);
  });

  it('ignores untracking an attempt that is not in flight', () => {
    const call = new ProxyCall(0);
    const a0 = attempt(call, 0);
    call.track(a0);
    call.untrack(attempt(call, 7));
    expect(call.anyInFlight()).toBe(a0);
  });
});
