import { describe, expect, it } from 'vitest';
import { endpoint } from '../../../components/balancer/endpoint';
import { proxyAttempt, proxyCall, type ProxyAttempt, type ProxyCall } from '../../../components/proxy';
import { findInFlight, inFlightCount, trackAttempt, untrackAttempt } from '../../../components/proxy/proxy-call';

const attempt = (call: ProxyCall, number: number): ProxyAttempt => proxyAttempt(call, endpoint('h'), number, false, 0);

describe('proxyCall and proxyAttempt', () => {
  it('make records with the initial values ProxyCall and ProxyAttempt document', () => {
    const call = proxyCall(5, 'k');
    expect(call).toEqual({
      startedAtMs: 5, key: 'k', done: false, timer: undefined, inFlight: undefined, inFlightMore: undefined,
      attempts: 0, retries: 0, holdsRetry: false, hedge: undefined,
    });
    expect(proxyAttempt(call, endpoint('h'), 2, true, 7)).toEqual({ call, host: endpoint('h'), number: 2, isRetry: true, sentAtMs: 7, done: false, timer: undefined });
    expect(inFlightCount(call)).toBe(0);
  });
});

describe('attempts in flight of a call', () => {
  it('are tracked and found by number', () => {
    const call = proxyCall(0);
    const [a0, a1, a2] = [0, 1, 2].map((n) => attempt(call, n)) as [ProxyAttempt, ProxyAttempt, ProxyAttempt];
    trackAttempt(call, a0);
    trackAttempt(call, a1);
    trackAttempt(call, a2);
    expect(inFlightCount(call)).toBe(3);
    expect(findInFlight(call, 1)).toBe(a1);
    expect(findInFlight(call, 3)).toBeUndefined();
    untrackAttempt(call, a1);
    expect(findInFlight(call, 1)).toBeUndefined();
    expect(inFlightCount(call)).toBe(2);
  });

  it('untracking the first promotes another, so draining through inFlight reaches them all', () => {
    const call = proxyCall(0);
    for (const n of [0, 1, 2]) trackAttempt(call, attempt(call, n));
    const drained: number[] = [];
    for (let a = call.inFlight; a !== undefined; a = call.inFlight) {
      drained.push(a.number);
      untrackAttempt(call, a);
    }
    expect(drained.sort()).toEqual([0, 1, 2]);
    expect(inFlightCount(call)).toBe(0);
    expect(call.inFlightMore).toEqual([]);
  });

  it('ignores untracking an attempt that is not in flight', () => {
    const call = proxyCall(0);
    const a0 = attempt(call, 0);
    trackAttempt(call, a0);
    untrackAttempt(call, attempt(call, 7));
    expect(call.inFlight).toBe(a0);
    expect(inFlightCount(call)).toBe(1);
  });
});
