import { describe, expect, it } from 'vitest';
import type { Message } from '../../../sim/env';
import { healthCheckDefaults } from '../../../components/resilience/defaults';
import { HealthChecker, healthCheckReply, type HealthCheckerOptions } from '../../../components/resilience/health-checker';
import { ScriptedNetwork } from '../../support/scripted-env';

/** A checker at 'proxy' probing hosts h0..h(n-1); replies are delivered by hand. */
function setup(hostCount: number, options: HealthCheckerOptions = {}) {
  const network = new ScriptedNetwork(5);
  const env = network.env('proxy');
  const calls: string[] = [];
  const checker = new HealthChecker(
    env,
    { eject: (id) => calls.push(`eject ${id}@${env.now()}`), uneject: (id) => calls.push(`uneject ${id}@${env.now()}`) },
    options,
  );
  env.listen((from, message) => checker.receive(from, message));
  const hosts = Array.from({ length: hostCount }, (_, i) => `h${i}`);
  checker.setHosts(hosts);
  checker.start();
  return { network, env, calls, checker, hosts };
}

/** Make `host` answer probes (healthy or not) from now on. */
function serve(network: ScriptedNetwork, host: string, healthy = true): void {
  const hostEnv = network.env(host);
  hostEnv.listen((from, message: Message) => {
    const reply = healthCheckReply(message, healthy);
    if (reply !== undefined) hostEnv.send(from, reply);
  });
}

describe('HealthChecker', () => {
  it('has the documented defaults: every 5 s, 1 s timeout, 3 to fail, 2 to recover', () => {
    expect(setup(1).checker.settings).toEqual({ intervalMs: 5_000, timeoutMs: 1_000, unhealthyThreshold: 3, healthyThreshold: 2 });
    expect(healthCheckDefaults.intervalMs).toBe(5_000);
  });

  it('jitters each host’s first probe within one interval', () => {
    const { network, env } = setup(20);
    env.advance(4_999);
    const times = network.log.map((m) => m.sentAtMs);
    expect(network.log.map((m) => m.message.type)).toEqual(Array(20).fill('health-check'));
    expect(new Set(times).size).toBe(20);
    expect(Math.max(...times)).toBeLessThan(5_000);
    expect(new Set(network.log.map((m) => m.to)).size).toBe(20);
  });

  it('keeps a host that answers healthy, probing every interval after each reply', () => {
    const { network, env, calls, checker } = setup(1);
    serve(network, 'h0');
    network.autoDeliver(2);
    env.advance(60_000);
    expect(calls).toEqual([]);
    expect(checker.isHealthy('h0')).toBe(true);
    const sent = network.log.filter((m) => m.message.type === 'health-check').map((m) => m.sentAtMs);
    for (let i = 1; i < sent.length; i++) expect(sent[i]! - sent[i - 1]!).toBeCloseTo(5_004, 9);
    expect(env.metrics.counter('healthCheck.probes')).toBe(sent.length);
  });

  it('marks a silent host unhealthy after exactly unhealthyThreshold timeouts', () => {
    const { network, env, calls, checker } = setup(1);
    env.advance(5_000);
    const first = network.log[0]!.sentAtMs;
    // Failures at first + 1 s, + 7 s, + 13 s (timeout, then 5 s to the next probe).
    env.advanceTo(first + 12_999);
    expect(checker.isHealthy('h0')).toBe(true);
    env.advanceTo(first + 13_000);
    expect(checker.isHealthy('h0')).toBe(false);
    expect(calls).toEqual([`eject h0@${first + 13_000}`]);
    expect(env.metrics.counter('healthCheck.timeouts')).toBe(3);
    expect(env.metrics.counter('healthCheck.unhealthy')).toBe(1);
    checker.checkInvariants();
  });

  it('marks an unhealthy host healthy after healthyThreshold passes', () => {
    const { network, env, calls, checker } = setup(1, { unhealthyThreshold: 1 });
    env.advance(6_000);
    expect(checker.isHealthy('h0')).toBe(false);
    network.take();
    serve(network, 'h0');
    network.autoDeliver(1);
    env.advance(5_002); // first pass
    expect(checker.isHealthy('h0')).toBe(false);
    env.advance(5_002); // second pass
    expect(checker.isHealthy('h0')).toBe(true);
    expect(calls.map((c) => c.split('@')[0])).toEqual(['eject h0', 'uneject h0']);
  });

  it('ignores a reply that arrives after the timeout', () => {
    const { network, env, checker } = setup(1, { unhealthyThreshold: 1 });
    serve(network, 'h0');
    env.advance(5_000);
    network.deliver(); // the probe reaches h0, its reply waits in flight
    env.advance(1_000); // timeout
    expect(checker.isHealthy('h0')).toBe(false);
    network.deliver(); // late reply
    expect(env.metrics.counter('healthCheck.failures')).toBe(1);
    expect(checker.isHealthy('h0')).toBe(false);
  });

  it('fails a probe at once on a health-fail reply', () => {
    const { network, env, checker } = setup(1, { unhealthyThreshold: 1 });
    serve(network, 'h0', false);
    network.autoDeliver(0);
    env.advance(5_000);
    expect(checker.isHealthy('h0')).toBe(false);
    expect(env.metrics.counter('healthCheck.timeouts')).toBe(0);
  });

  it('ignores messages that are not its replies', () => {
    const { checker } = setup(1);
    expect(checker.receive('h0', { type: 'response' })).toBe(false);
    expect(checker.receive('stranger', { type: 'health-ok', id: 1 })).toBe(true);
  });

  it('stop() and removing hosts cancel their timers', () => {
    const a = setup(3);
    a.checker.stop();
    expect(a.env.clock.pendingTimerCount()).toBe(0);
    const b = setup(3);
    b.checker.setHosts([]);
    expect(b.env.clock.pendingTimerCount()).toBe(0);
  });

  it('healthCheckReply answers probes only', () => {
    expect(healthCheckReply({ type: 'health-check', id: 7 })).toEqual({ type: 'health-ok', id: 7 });
    expect(healthCheckReply({ type: 'health-check', id: 7 }, false)).toEqual({ type: 'health-fail', id: 7 });
    expect(healthCheckReply({ type: 'request', id: 7 })).toBeUndefined();
  });

  it('rejects bad options', () => {
    expect(() => setup(1, { timeoutMs: 0 })).toThrow('health-checker: timeoutMs must be a number in (0, 3600000], got 0');
    expect(() => setup(1, { healthyThreshold: 0 })).toThrow(/healthyThreshold must be an integer in \[1, 1000000\]/);
  });
});
