import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Balancer } from '../../../components/balancer/balancer';
import type { Endpoint } from '../../../components/balancer/endpoint';
import { createPolicy } from '../../../components/balancer/policies';
import { ClientProxy, proxyAttempt, proxyCall, type ProxyAttempt, type ProxyCall, type ProxyDriver, type ProxyOptions, type RequestOutcome } from '../../../components/proxy';
import type { Address, Message, MessageHandler } from '../../../sim/env';
import { MetricsRegistry } from '../../../sim/metrics';
import { RngStreams } from '../../../sim/rng';
import { SimEnv, type Transport } from '../../../sim/sim-env';
import { Simulation } from '../../../sim/simulation';
import { setup } from './harness';

// The proxy against a trivial reference of what must hold whatever happens: every call
// offered ends exactly once (all options here set an overall timeout), nothing is left in
// flight, in the balancer or in the breaker once every call has ended, and the breaker's
// counts match the proxy's between any two steps.

type Step =
  | { readonly kind: 'offer' }
  | { readonly kind: 'answer'; readonly index: number; readonly outcome: RequestOutcome }
  | { readonly kind: 'advance'; readonly ms: number };

const step: fc.Arbitrary<Step> = fc.oneof(
  fc.constant({ kind: 'offer' } as const),
  fc.record({ kind: fc.constant('answer' as const), index: fc.nat(20), outcome: fc.constantFrom<RequestOutcome>('ok', 'ok', 'error', 'reset', 'rejected') }),
  fc.record({ kind: fc.constant('advance' as const), ms: fc.integer({ min: 0, max: 40 }) }),
);

const optionSets: readonly ProxyOptions[] = [
  { timeoutMs: 100 },
  { timeoutMs: 100, perTryTimeoutMs: 30, retries: { max: 2, retryOn: ['5xx', 'reset', 'timeout', 'rejected'] }, circuitBreaker: { maxConnections: 2, maxPendingRequests: 2, maxRequests: 5, maxRetries: 1 } },
  { timeoutMs: 100, retries: { max: 3, budgetPercent: 25, minRetryConcurrency: 1 }, outlierDetection: { consecutive5xx: 2, maxEjectionPercent: 50 } },
  { timeoutMs: 100, hedging: { delayMs: 15, maxHedges: 2 }, circuitBreaker: { maxConnections: 3, maxPendingRequests: 1 } },
];

describe('ClientProxy under random offers, answers and time', () => {
  it('ends every call exactly once, keeps the breaker in step, and leaves nothing held', () => {
    fc.assert(
      fc.property(fc.constantFrom(...optionSets), fc.array(step, { maxLength: 120 }), (options, steps) => {
        const { env, driver, balancer, proxy, offer, answer } = setup(options);
        let offered = 0;
        for (const s of steps) {
          if (s.kind === 'offer') offer(`c${offered++}`);
          else if (s.kind === 'advance') env.advance(s.ms);
          else {
            const pending = driver.pending();
            if (pending.length > 0) answer(s.outcome, pending[s.index % pending.length]);
          }
          proxy.checkInvariants();
        }
        env.advance(1000);
        proxy.checkInvariants();
        const ended = driver.ended.map((e) => e.call).sort();
        expect(ended).toEqual(Array.from({ length: offered }, (_, i) => `c${i}`).sort());
        expect(proxy.attemptsInFlight).toBe(0);
        expect(proxy.waitingCount).toBe(0);
        expect(balancer.endpoints().every((h) => h.active === 0)).toBe(true);
        for (const resource of ['requests', 'connections', 'pendingRequests', 'retries'] as const) expect(proxy.breaker?.active(resource) ?? 0).toBe(0);
      }),
      { seed: 14, numRuns: 300 },
    );
  });
});

/** Answers every attempt `latencyMs` later on the engine: ok, except from host 'b', which fails. */
class EngineDriver implements ProxyDriver<ProxyCall, ProxyAttempt> {
  readonly transcript: string[] = [];
  proxy: ClientProxy | undefined;
  private readonly onArrive = (attempt: ProxyAttempt) => this.proxy!.answered(attempt, attempt.host.id === 'b' ? 'error' : 'ok');

  constructor(private readonly env: SimEnv, private readonly latencyMs: number) {}

  createAttempt(call: ProxyCall, host: Endpoint, number: number, isRetry: boolean, sentAtMs: number): ProxyAttempt {
    return proxyAttempt(call, host, number, isRetry, sentAtMs);
  }

  transmit(attempt: ProxyAttempt): void {
    this.transcript.push(`${this.env.now().toFixed(3)} send #${attempt.number} ${attempt.host.id}`);
    this.env.at(this.env.now() + this.latencyMs, this.onArrive, attempt);
  }

  callEnded(_call: ProxyCall, outcome: RequestOutcome, latencyMs: number): void {
    this.transcript.push(`${this.env.now().toFixed(3)} end ${outcome} ${latencyMs.toFixed(3)}`);
  }
}

class NoNetwork implements Transport {
  send(_from: Address, _to: Address, _message: Message): void {}
  listen(_address: Address, _handler: MessageHandler): void {}
}

/** A proxy on a SimEnv over hosts a, b, c with least-request picks and retries; the transcript of `calls` calls. */
function runOnEngine(seed: number, calls: number): string[] {
  const sim = new Simulation();
  const env = new SimEnv(sim, new RngStreams(seed), 'caller', new NoNetwork(), new MetricsRegistry());
  const balancer = new Balancer(createPolicy('least-request', env));
  balancer.setHosts(['a', 'b', 'c'].map((id) => ({ id })));
  const driver = new EngineDriver(env, 2);
  const proxy = new ClientProxy(env, balancer, driver, { timeoutMs: 50, retries: { max: 2, retryOn: ['5xx'] } });
  driver.proxy = proxy;
  proxy.start();
  for (let i = 0; i < calls; i++) sim.at(i * 3, () => proxy.offer(proxyCall(sim.now())));
  sim.run({ untilMs: calls * 3 + 100 });
  return driver.transcript;
}

describe('ClientProxy on the engine (SimEnv)', () => {
  it('runs on the simulation clock and, for one seed, gives the same transcript every time', () => {
    const first = runOnEngine(7, 30);
    expect(first.filter((line) => line.includes(' end ')).length).toBe(30);
    // b answers with errors: its calls are retried (a fresh pick each time), most then succeed.
    expect(first.some((line) => / send #1 /.test(line))).toBe(true);
    expect(first.filter((line) => line.includes(' end ok')).length).toBeGreaterThan(20);
    expect(runOnEngine(7, 30)).toEqual(first);
    expect(runOnEngine(8, 30)).not.toEqual(first);
  });
});
