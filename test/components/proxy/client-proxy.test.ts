import { describe, expect, it } from 'vitest';
import { ComponentError } from '../../../components/errors';
import { healthCheckReply } from '../../../components/resilience/health-checker';
import { RngStreams } from '../../../sim/rng';
import { setup } from './harness';

describe('ClientProxy: the plain path', () => {
  it('sends one attempt to the host the balancer picks and ends the call with the answer and its latency', () => {
    const { env, driver, balancer, offer, answer } = setup();
    offer('c1');
    expect(driver.log).toEqual(['send c1#0 a @0']);
    expect(balancer.get('a')!.active).toBe(1);
    env.advance(12);
    answer('ok');
    expect(driver.ended).toEqual([{ call: 'c1', outcome: 'ok', latencyMs: 12, atMs: 12 }]);
    expect(balancer.get('a')!.active).toBe(0);
  });

  it('hands the driver attempt 0, not a retry, sent now, and arms no timer without timeouts', () => {
    const { env, driver, offer } = setup();
    env.advance(5);
    offer('c1');
    expect(driver.sent[0]).toMatchObject({ number: 0, isRetry: false, sentAtMs: 5, done: false, timer: undefined });
    expect(env.clock.pendingTimerCount()).toBe(0);
  });

  it('passes a failure answer through as the call outcome, without retries', () => {
    const { driver, offer, answer } = setup();
    offer('c1');
    answer('error');
    expect(driver.ended.map((e) => e.outcome)).toEqual(['error']);
    expect(driver.sent).toHaveLength(1);
  });

  it('ignores an answer to an attempt it gave up on, and a second answer', () => {
    const { env, driver, offer, answer } = setup({ timeoutMs: 100 });
    offer('c1');
    const attempt = driver.sent[0]!;
    env.advance(100);
    answer('ok', attempt);
    answer('error', attempt);
    expect(driver.log).toEqual(['send c1#0 a @0', 'end c1 timeout 100ms @100']);
  });

  it('copes with an answer given synchronously inside transmit (a zero-latency network)', () => {
    const { driver, proxy, balancer, offer } = setup({ circuitBreaker: { maxConnections: 1 } });
    driver.answerAtOnce = () => 'ok';
    offer('c1');
    offer('c2');
    expect(driver.log).toEqual(['send c1#0 a @0', 'end c1 ok 0ms @0', 'send c2#0 b @0', 'end c2 ok 0ms @0']);
    expect(balancer.endpoints().map((h) => h.active)).toEqual([0, 0, 0]);
    expect(proxy.attemptsInFlight).toBe(0);
    proxy.checkInvariants();
  });

  it('passes the call as the pick context when it has a key, for hashing balancers', () => {
    const { driver, offer } = setup({}, ['a', 'b', 'c', 'd'], 'ring-hash');
    for (let i = 0; i < 3; i++) offer(`k${i}`, 'user-42');
    const hosts = new Set(driver.sent.map((a) => a.host.id));
    expect(hosts.size).toBe(1);
  });
});

describe('ClientProxy: timeouts', () => {
  it('ends a call unanswered after timeoutMs with timeout, and frees the host in the balancer', () => {
    const { env, driver, balancer, offer } = setup({ timeoutMs: 250 });
    offer('c1');
    env.advance(249);
    expect(driver.ended).toEqual([]);
    env.advance(1);
    expect(driver.ended).toEqual([{ call: 'c1', outcome: 'timeout', latencyMs: 250, atMs: 250 }]);
    expect(driver.sent[0]!.done).toBe(true);
    expect(balancer.get('a')!.active).toBe(0);
  });

  it('cancels the overall timeout when the answer comes first', () => {
    const { env, offer, answer } = setup({ timeoutMs: 250 });
    offer('c1');
    expect(env.clock.pendingTimerCount()).toBe(1);
    answer('ok');
    expect(env.clock.pendingTimerCount()).toBe(0);
  });

  it('ends an attempt at perTryTimeoutMs with timeout; without retries that ends the call', () => {
    const { env, driver, offer } = setup({ perTryTimeoutMs: 40, timeoutMs: 1000 });
    offer('c1');
    env.advance(40);
    expect(driver.log).toEqual(['send c1#0 a @0', 'end c1 timeout 40ms @40']);
    expect(env.clock.pendingTimerCount()).toBe(0);
  });
});

describe('ClientProxy: retries', () => {
  const firstBackoff = (seed = 1) => new RngStreams(seed).get('caller/retry.backoff').next() * 25;

  it('retries a retryable failure after a jittered backoff from its own stream, as a fresh pick', () => {
    const { env, driver, offer, answer, counter } = setup({ retries: { max: 2 } });
    offer('c1');
    answer('error');
    expect(driver.sent).toHaveLength(1);
    const delay = firstBackoff();
    expect(delay).toBeGreaterThan(0);
    expect(delay).toBeLessThan(25);
    env.advanceTo(delay);
    expect(driver.log).toEqual(['send c1#0 a @0', `send c1#1 b retry @${delay}`]);
    answer('ok');
    expect(driver.ended).toEqual([{ call: 'c1', outcome: 'ok', latencyMs: delay, atMs: delay }]);
    expect(counter('retries')).toBe(1);
  });

  it('gives up after max retries with the last outcome', () => {
    const { env, driver, offer, answer, counter } = setup({ retries: { max: 2, retryOn: ['5xx', 'reset'] } });
    offer('c1');
    answer('error');
    env.advance(25);
    answer('reset');
    env.advance(75);
    answer('error');
    expect(driver.sent.map((a) => a.number)).toEqual([0, 1, 2]);
    expect(driver.ended.map((e) => e.outcome)).toEqual(['error']);
    expect(counter('retries')).toBe(2);
  });

  it('does not retry outcomes outside retryOn (timeouts are opt-in)', () => {
    const { env, driver, offer } = setup({ retries: { max: 2 }, perTryTimeoutMs: 10 });
    offer('c1');
    env.advance(10);
    expect(driver.ended.map((e) => e.outcome)).toEqual(['timeout']);
    expect(driver.sent).toHaveLength(1);
  });

  it('retries a per-try timeout when retryOn has it, while the overall timeout still bounds the call', () => {
    const { env, driver, proxy, offer } = setup({ retries: { max: 5, retryOn: ['timeout'] }, perTryTimeoutMs: 30, timeoutMs: 100 });
    offer('c1');
    env.advance(100);
    expect(driver.ended).toEqual([{ call: 'c1', outcome: 'timeout', latencyMs: 100, atMs: 100 }]);
    expect(driver.sent.length).toBeGreaterThanOrEqual(3);
    expect(driver.pending()).toEqual([]);
    // A backoff still running when the call ended sends nothing and frees its retry unit.
    const sent = driver.sent.length;
    env.advance(1000);
    expect(driver.sent).toHaveLength(sent);
    expect(proxy.breaker!.active('retries')).toBe(0);
  });

  it('never retries no-host: there would be no host for the retry either', () => {
    const { env, driver, offer, counter } = setup({ retries: { max: 3 } }, []);
    offer('c1');
    env.advance(0);
    expect(driver.ended.map((e) => e.outcome)).toEqual(['no-host']);
    expect(counter('retries')).toBe(0);
  });

  it('suppresses retries beyond the breaker’s maxRetries, counting retries.suppressed', () => {
    const { driver, proxy, offer, answer, counter } = setup({ retries: { max: 1 }, circuitBreaker: { maxRetries: 1 } });
    offer('c1');
    offer('c2');
    answer('error');
    answer('error');
    expect(counter('retries')).toBe(1);
    expect(counter('retries.suppressed')).toBe(1);
    expect(driver.ended.map((e) => `${e.call} ${e.outcome}`)).toEqual(['c2 error']);
    expect(proxy.breaker!.active('retries')).toBe(1);
  });

  it('holds the retry unit through the backoff until the retry ends (Envoy), then gives it back', () => {
    const { env, proxy, offer, answer } = setup({ retries: { max: 1 } });
    offer('c1');
    answer('error');
    expect(proxy.breaker!.active('retries')).toBe(1);
    env.advance(25);
    expect(proxy.breaker!.active('retries')).toBe(1);
    answer('ok');
    expect(proxy.breaker!.active('retries')).toBe(0);
    proxy.checkInvariants();
  });

  it('under a budget of 0% with no minimum, retries nothing', () => {
    const { counter, offer, answer, driver } = setup({ retries: { max: 3, budgetPercent: 0, minRetryConcurrency: 0 } });
    offer('c1');
    answer('error');
    expect(counter('retries.suppressed')).toBe(1);
    expect(driver.ended.map((e) => e.outcome)).toEqual(['error']);
  });

  it('releases the retry unit of a call that timed out during its backoff', () => {
    const { env, driver, proxy, offer, answer } = setup({ retries: { max: 1, baseBackoffMs: 500 }, timeoutMs: 10 });
    offer('c1');
    answer('error');
    env.advance(10);
    expect(driver.ended.map((e) => e.outcome)).toEqual(['timeout']);
    env.advance(1000);
    expect(driver.sent).toHaveLength(1);
    expect(proxy.breaker!.active('retries')).toBe(0);
  });
});

describe('ClientProxy: circuit breaker', () => {
  it('queues beyond maxConnections, rejects beyond maxPendingRequests at once, and sends the queued one when a connection frees', () => {
    const { driver, proxy, offer, answer, counter } = setup({ circuitBreaker: { maxConnections: 1, maxPendingRequests: 1 } });
    offer('c1');
    offer('c2');
    expect(proxy.waitingCount).toBe(1);
    offer('c3');
    expect(driver.log).toEqual(['send c1#0 a @0', 'end c3 rejected 0ms @0']);
    expect(counter('circuitBreaker.rejections')).toBe(1);
    expect(counter('circuitBreaker.overflow.pendingRequests')).toBe(1);
    proxy.checkInvariants();
    answer('ok');
    // The freed connection goes to the waiting request before the answered call ends.
    expect(driver.log.slice(2)).toEqual(['send c2#0 b @0', 'end c1 ok 0ms @0']);
    expect(proxy.waitingCount).toBe(0);
    proxy.checkInvariants();
  });

  it('rejects beyond maxRequests', () => {
    const { driver, offer, counter } = setup({ circuitBreaker: { maxRequests: 2 } });
    for (const name of ['c1', 'c2', 'c3']) offer(name);
    expect(driver.sent).toHaveLength(2);
    expect(driver.ended.map((e) => `${e.call} ${e.outcome}`)).toEqual(['c3 rejected']);
    expect(counter('circuitBreaker.overflow.requests')).toBe(1);
  });

  it('skips a queued request whose call timed out while it waited, and frees what it held', () => {
    const { env, driver, proxy, offer, answer } = setup({ timeoutMs: 50, retries: { max: 1 }, circuitBreaker: { maxConnections: 1, maxPendingRequests: 5 } });
    offer('c1');
    answer('error'); // c1 will retry after its backoff...
    offer('c2'); // ...but c2 takes the only connection first, so c1's retry waits for it
    env.advance(49);
    expect(proxy.waitingCount).toBe(1);
    expect(proxy.breaker!.active('retries')).toBe(1);
    env.advance(1);
    // c1 timed out while its retry waited; when c2's timeout freed the connection the
    // retry was dropped, never sent, and gave its request and retry units back.
    expect(driver.log).toEqual(['send c1#0 a @0', 'send c2#0 b @0', 'end c1 timeout 50ms @50', 'end c2 timeout 50ms @50']);
    expect(proxy.waitingCount).toBe(0);
    for (const resource of ['requests', 'connections', 'pendingRequests', 'retries'] as const) expect(proxy.breaker!.active(resource)).toBe(0);
    proxy.checkInvariants();
  });

  it('fails a retry the breaker refuses with rejected, releasing its retry unit', () => {
    const { env, driver, proxy, offer, answer } = setup({ retries: { max: 1 }, circuitBreaker: { maxRequests: 1, maxConnections: 1, maxPendingRequests: 0 } });
    offer('c1');
    answer('error');
    offer('c2'); // takes the only request slot during c1's backoff
    env.advance(25);
    expect(driver.ended.map((e) => `${e.call} ${e.outcome}`)).toEqual(['c1 rejected']);
    expect(proxy.breaker!.active('retries')).toBe(0);
    proxy.checkInvariants();
  });
});

describe('ClientProxy: hedging', () => {
  it('sends a hedge to another host after delayMs; the first success wins and the loser is abandoned', () => {
    const { env, driver, balancer, offer, answer, counter } = setup({ hedging: { delayMs: 10 } });
    offer('c1');
    env.advance(10);
    expect(driver.log).toEqual(['send c1#0 a @0', 'send c1#1 b @10']);
    expect(counter('hedges')).toBe(1);
    env.advance(2);
    answer('ok', driver.sent[1]);
    expect(driver.ended).toEqual([{ call: 'c1', outcome: 'ok', latencyMs: 12, atMs: 12 }]);
    expect(driver.sent[0]!.done).toBe(true);
    expect(balancer.endpoints().map((h) => h.active)).toEqual([0, 0, 0]);
    answer('ok', driver.sent[0]);
    expect(driver.ended).toHaveLength(1);
    expect(env.clock.pendingTimerCount()).toBe(0);
  });

  it('sends the next hedge at once when an attempt fails, and fails when every attempt has', () => {
    const { env, driver, offer, answer } = setup({ hedging: { delayMs: 10, maxHedges: 1 } });
    offer('c1');
    env.advance(3);
    answer('error');
    expect(driver.log).toEqual(['send c1#0 a @0', 'send c1#1 b @3']);
    answer('reset');
    expect(driver.ended.map((e) => e.outcome)).toEqual(['reset']);
  });

  it('cancels hedging when the overall timeout fires', () => {
    const { env, driver, offer } = setup({ hedging: { delayMs: 10, maxHedges: 3 }, timeoutMs: 25 });
    offer('c1');
    env.advance(100);
    expect(driver.sent.map((a) => a.number)).toEqual([0, 1, 2]);
    expect(driver.ended.map((e) => `${e.outcome} ${e.atMs}`)).toEqual(['timeout 25']);
    expect(driver.pending()).toEqual([]);
  });
});

describe('ClientProxy: no host', () => {
  it('ends the call with no-host on the next event at the same instant, never inside offer', () => {
    const { env, driver, offer, proxy } = setup({ circuitBreaker: {} }, []);
    offer('c1');
    expect(driver.ended).toEqual([]);
    env.advance(0);
    expect(driver.ended).toEqual([{ call: 'c1', outcome: 'no-host', latencyMs: 0, atMs: 0 }]);
    expect(proxy.breaker!.active('requests')).toBe(0);
  });
});

describe('ClientProxy: outlier detection', () => {
  it('ejects a host after consecutive errors, so picks skip it, and reports the time it has been out', () => {
    const { env, driver, balancer, proxy, offer, answer, counter } = setup({ outlierDetection: { consecutive5xx: 3, maxEjectionPercent: 50 } });
    for (let i = 0; i < 9; i++) {
      offer(`c${i}`);
      answer(driver.sent[i]!.host.id === 'b' ? 'error' : 'ok');
    }
    expect(balancer.get('b')!.healthy).toBe(false);
    expect(counter('outlier.ejections')).toBe(1);
    const before = driver.sent.length;
    for (let i = 0; i < 4; i++) offer(`d${i}`);
    expect(driver.sent.slice(before).map((a) => a.host.id)).not.toContain('b');
    env.advance(1000);
    expect(proxy.ejectedSoFarMs()).toBe(1000);
  });

  it('hears a per-try timeout as a timeout, a gateway failure', () => {
    const { env, offer, counter } = setup({ perTryTimeoutMs: 5, outlierDetection: { consecutiveGatewayFailure: 1, consecutive5xx: 100 } }, ['a']);
    offer('c1');
    env.advance(5);
    expect(counter('outlier.detections.consecutiveGatewayFailure')).toBe(1);
  });
});

describe('ClientProxy: active health checks', () => {
  it('probes every host over env.send once started, and takes a host out after unhealthyThreshold failed probes', () => {
    const { network, env, balancer, proxy } = setup({ healthCheck: { intervalMs: 100, timeoutMs: 10, unhealthyThreshold: 2, healthyThreshold: 1 } });
    // a and b answer, c never does.
    for (const host of ['a', 'b']) {
      const hostEnv = network.env(host);
      hostEnv.listen((from, message) => {
        const reply = healthCheckReply(message);
        if (reply !== undefined) hostEnv.send(from, reply);
      });
    }
    network.autoDeliver(1);
    env.advance(250);
    const probed = new Set(network.log.filter((m) => m.message.type === 'health-check').map((m) => m.to));
    expect([...probed].sort()).toEqual(['a', 'b', 'c']);
    expect(balancer.endpoints().map((h) => `${h.id} ${h.healthy}`)).toEqual(['a true', 'b true', 'c false']);
    expect(proxy.receive('a', { type: 'gossip' })).toBe(false);
  });

  it('receive takes nothing when health checks are off', () => {
    const { proxy } = setup();
    expect(proxy.receive('a', { type: 'health-ok', id: 1 })).toBe(false);
  });
});

describe('ClientProxy: hosts and lifecycle', () => {
  it('setHosts replaces the balancer’s hosts and the checked ones, keeping the state of hosts that stay', () => {
    const { network, env, balancer, proxy, offer } = setup({ healthCheck: { intervalMs: 100 } });
    offer('c1');
    proxy.setHosts([{ id: 'a' }, { id: 'd', weight: 2 }]);
    expect(balancer.endpoints().map((h) => `${h.id}:${h.weight}:${h.active}`)).toEqual(['a:1:1', 'd:2:0']);
    env.advance(100);
    const probed = new Set(network.log.filter((m) => m.message.type === 'health-check').map((m) => m.to));
    expect([...probed].sort()).toEqual(['a', 'd']);
  });

  it('stop cancels the background timers (sweeps and probes)', () => {
    const { env, proxy } = setup({ outlierDetection: {}, healthCheck: {} });
    expect(env.clock.pendingTimerCount()).toBe(4); // one sweep, three first probes
    proxy.stop();
    expect(env.clock.pendingTimerCount()).toBe(0);
  });

  it('checkInvariants finds a breaker count the proxy does not account for', () => {
    const { proxy, offer } = setup({ circuitBreaker: {} });
    offer('c1');
    proxy.checkInvariants();
    proxy.breaker!.tryAcquire('connections');
    const error = (() => {
      try {
        proxy.checkInvariants();
      } catch (e) {
        return e;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(ComponentError);
    expect((error as ComponentError).code).toBe('proxy.invariant-violated');
    expect((error as ComponentError).message).toBe('proxy: invariant violated at 0 ms: breaker connections 2, expected 1');
  });
});
