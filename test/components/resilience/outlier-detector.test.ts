import { describe, expect, it } from 'vitest';
import { outlierDetectionDefaults } from '../../../components/resilience/defaults';
import type { HostHealthListener } from '../../../components/resilience/health-listener';
import { OutlierDetector, type OutlierDetectorOptions, type ResultOutcome } from '../../../components/resilience/outlier-detector';
import { ScriptedEnv } from '../../support/scripted-env';

/** A listener that records calls as "eject a@0" with the time in ms. */
function recorder(env: ScriptedEnv): HostHealthListener & { calls: string[] } {
  const calls: string[] = [];
  return {
    calls,
    eject: (id) => calls.push(`eject ${id}@${env.now()}`),
    uneject: (id) => calls.push(`uneject ${id}@${env.now()}`),
  };
}

function setup(hostCount: number, options: OutlierDetectorOptions = {}) {
  const env = new ScriptedEnv({ seed: 2 });
  const listener = recorder(env);
  const detector = new OutlierDetector(env, listener, options);
  const hosts = Array.from({ length: hostCount }, (_, i) => `h${i}`);
  detector.setHosts(hosts);
  detector.start();
  return { env, listener, detector, hosts };
}

function record(detector: OutlierDetector, host: string, outcome: ResultOutcome, count: number): void {
  for (let i = 0; i < count; i++) detector.recordResult(host, outcome);
}

describe('OutlierDetector', () => {
  it('has Envoy defaults', () => {
    const { detector } = setup(1);
    expect(detector.settings).toEqual({
      consecutive5xx: 5,
      enforcingConsecutive5xxPercent: 100,
      consecutiveGatewayFailure: 5,
      enforcingConsecutiveGatewayFailurePercent: 0,
      intervalMs: 10_000,
      baseEjectionTimeMs: 30_000,
      maxEjectionTimeMs: 300_000,
      maxEjectionPercent: 10,
      successRateMinimumHosts: 5,
      successRateRequestVolume: 100,
      successRateStdevFactor: 1.9,
      enforcingSuccessRatePercent: 100,
    });
    expect(outlierDetectionDefaults.consecutive5xx).toBe(5);
  });

  it('ejects a 100%-failing host after exactly consecutive5xx errors', () => {
    const { env, listener, detector } = setup(10);
    record(detector, 'h3', '5xx', 4);
    expect(detector.isEjected('h3')).toBe(false);
    detector.recordResult('h3', '5xx');
    expect(detector.isEjected('h3')).toBe(true);
    expect(listener.calls).toEqual(['eject h3@0']);
    expect(env.metrics.counter('outlier.ejections')).toBe(1);
    expect(env.metrics.counter('outlier.ejections.consecutive5xx')).toBe(1);
    expect(env.metrics.gauges.get('outlier.ejected')).toBe(1);
    record(detector, 'h3', '5xx', 20);
    expect(listener.calls).toHaveLength(1);
    detector.checkInvariants();
  });

  it('a success resets the consecutive count', () => {
    const { detector } = setup(10, { consecutive5xx: 3 });
    record(detector, 'h1', '5xx', 2);
    detector.recordResult('h1', 'ok');
    record(detector, 'h1', '5xx', 2);
    expect(detector.isEjected('h1')).toBe(false);
    detector.recordResult('h1', 'timeout');
    expect(detector.isEjected('h1')).toBe(true);
  });

  it('never ejects more than maxEjectionPercent of hosts, but always at least one', () => {
    const twenty = setup(20);
    for (const host of twenty.hosts) record(twenty.detector, host, '5xx', 5);
    expect(twenty.detector.ejectedCount()).toBe(2);
    expect(twenty.env.metrics.counter('outlier.overflow')).toBe(18);

    const five = setup(5);
    for (const host of five.hosts) record(five.detector, host, 'reset', 5);
    expect(five.detector.ejectedCount()).toBe(1);

    const half = setup(10, { maxEjectionPercent: 50 });
    for (const host of half.hosts) record(half.detector, host, '5xx', 5);
    expect(half.detector.ejectedCount()).toBe(5);
    half.detector.checkInvariants();
  });

  it('returns a host after baseEjectionTime × times ejected, on the interval sweep', () => {
    const { env, listener, detector } = setup(10);
    record(detector, 'h0', '5xx', 5); // ejected at 0 for 30 s
    env.advance(29_999);
    expect(detector.isEjected('h0')).toBe(true);
    expect(detector.ejectedSoFarMs()).toBe(29_999); // still out: not in the counter yet
    expect(env.metrics.counter('outlier.ejectedTimeMs')).toBe(0);
    env.advance(1); // sweep at 30 s
    expect(detector.ejectedSoFarMs()).toBe(0);
    expect(detector.isEjected('h0')).toBe(false);
    record(detector, 'h0', '5xx', 5); // second ejection at 30 s: 60 s
    expect(detector.ejectionCount('h0')).toBe(2);
    env.advance(59_999);
    expect(detector.isEjected('h0')).toBe(true);
    env.advance(1);
    expect(listener.calls).toEqual(['eject h0@0', 'uneject h0@30000', 'eject h0@30000', 'uneject h0@90000']);
    expect(env.metrics.counter('outlier.ejectedTimeMs')).toBe(90_000);
  });

  it('rounds an ejection up to the next sweep', () => {
    const { env, listener, detector } = setup(10);
    env.advance(3_000);
    record(detector, 'h0', '5xx', 5);
    env.advance(40_000);
    expect(listener.calls).toEqual(['eject h0@3000', 'uneject h0@40000']);
  });

  it('decrements the ejection multiplier for every sweep a host stays in, as Envoy', () => {
    const { env, detector } = setup(10);
    record(detector, 'h0', '5xx', 5);
    env.advance(30_000);
    record(detector, 'h0', '5xx', 5); // multiplier 2
    env.advance(60_000); // out at 90 s
    expect(detector.ejectionTimeMs('h0')).toBe(90_000);
    env.advance(20_000); // two sweeps in: multiplier 2 → 0
    expect(detector.ejectionTimeMs('h0')).toBe(30_000);
  });

  it('caps one ejection at maxEjectionTime', () => {
    const { env, detector } = setup(10, { baseEjectionTimeMs: 30_000, maxEjectionTimeMs: 60_000, intervalMs: 1_000 });
    const durations: number[] = [];
    for (let i = 0; i < 4; i++) {
      const start = env.now();
      record(detector, 'h0', '5xx', 5);
      while (detector.isEjected('h0')) env.advance(1_000);
      durations.push(env.now() - start);
    }
    expect(durations).toEqual([30_000, 60_000, 60_000, 60_000]);
  });

  it('detects consecutive gateway failures but enforces them only when asked', () => {
    const counted = setup(10, { consecutive5xx: 100 });
    record(counted.detector, 'h0', 'gateway', 5);
    expect(counted.detector.isEjected('h0')).toBe(false);
    expect(counted.env.metrics.counter('outlier.detections.consecutiveGatewayFailure')).toBe(1);

    const enforced = setup(10, { consecutive5xx: 100, enforcingConsecutiveGatewayFailurePercent: 100 });
    record(enforced.detector, 'h0', 'timeout', 4);
    enforced.detector.recordResult('h0', '5xx'); // a non-gateway 5xx breaks the run
    record(enforced.detector, 'h0', 'gateway', 4);
    expect(enforced.detector.isEjected('h0')).toBe(false);
    enforced.detector.recordResult('h0', 'reset');
    expect(enforced.detector.isEjected('h0')).toBe(true);
    expect(enforced.env.metrics.counter('outlier.ejections.consecutiveGatewayFailure')).toBe(1);
  });

  it('enforces a partial percentage with the outlier.enforcement stream', () => {
    const { detector } = setup(100, { enforcingConsecutive5xxPercent: 50, maxEjectionPercent: 100 });
    for (let i = 0; i < 100; i++) record(detector, `h${i}`, '5xx', 5);
    expect(detector.ejectedCount()).toBeGreaterThan(35);
    expect(detector.ejectedCount()).toBeLessThan(65);
  });

  it('ejects by success rate below mean − 1.9·stdev at the sweep', () => {
    const { env, listener, detector, hosts } = setup(10);
    for (const host of hosts) {
      const failures = host === 'h7' ? 60 : host === 'h2' ? 3 : 1;
      record(detector, host, 'ok', 200 - failures);
      // Interleave so no host has 5 consecutive failures.
      for (let i = 0; i < failures; i++) {
        detector.recordResult(host, '5xx');
        detector.recordResult(host, 'ok');
      }
    }
    expect(detector.ejectedCount()).toBe(0);
    env.advance(10_000);
    expect(listener.calls).toEqual(['eject h7@10000']);
    expect(env.metrics.counter('outlier.ejections.successRate')).toBe(1);
  });

  it('skips success-rate analysis with too few hosts or too little volume', () => {
    const few = setup(4);
    for (const host of few.hosts) record(few.detector, host, host === 'h0' ? '5xx' : 'ok', 1);
    for (const host of few.hosts) record(few.detector, host, 'ok', 150);
    few.env.advance(10_000);
    expect(few.detector.ejectedCount()).toBe(0);

    const quiet = setup(10);
    for (const host of quiet.hosts) {
      for (let i = 0; i < 45; i++) {
        quiet.detector.recordResult(host, host === 'h0' ? '5xx' : 'ok');
        quiet.detector.recordResult(host, 'ok');
      }
    }
    quiet.env.advance(10_000);
    expect(quiet.detector.ejectedCount()).toBe(0);
  });

  it('forgets removed hosts and ignores results for unknown hosts', () => {
    const { env, detector, hosts } = setup(10);
    record(detector, 'h0', '5xx', 5);
    env.advance(5_000);
    detector.setHosts(hosts.slice(1));
    expect(detector.ejectedCount()).toBe(0);
    expect(env.metrics.counter('outlier.ejectedTimeMs')).toBe(5_000);
    record(detector, 'h0', '5xx', 10);
    expect(detector.isEjected('h0')).toBe(false);
    detector.checkInvariants();
  });

  it('stop() cancels the sweep', () => {
    const { env, detector } = setup(3);
    detector.stop();
    expect(env.clock.pendingTimerCount()).toBe(0);
  });

  it('rejects bad options with the field, value and range', () => {
    const env = new ScriptedEnv();
    const listener = recorder(env);
    expect(() => new OutlierDetector(env, listener, { consecutive5xx: 0 })).toThrow(
      'outlier-detector: consecutive5xx must be an integer in [1, 1000000], got 0',
    );
    expect(() => new OutlierDetector(env, listener, { maxEjectionPercent: 101 })).toThrow(/maxEjectionPercent must be a number in \[0, 100\]/);
    expect(() => new OutlierDetector(env, listener, { baseEjectionTimeMs: 60_000, maxEjectionTimeMs: 30_000 })).toThrow(
      'outlier-detector: maxEjectionTimeMs must be a number in [60000, 3600000], got 30000',
    );
    expect(new OutlierDetector(env, listener, { baseEjectionTimeMs: 600_000 }).settings.maxEjectionTimeMs).toBe(600_000);
    expect(() => new OutlierDetector(env, listener, { interval: 5 } as never)).toThrow(/unknown option "interval"/);
  });
});
