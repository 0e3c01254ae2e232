import type { Address, TimerHandle } from '../../../sim/env';
import { Balancer } from '../../../components/balancer/balancer';
import type { Endpoint } from '../../../components/balancer/endpoint';
import { createPolicy } from '../../../components/balancer/policies';
import { ClientProxy, proxyAttempt, type ProxyAttempt, type ProxyCall, type ProxyDriver, type ProxyOptions, type RequestOutcome } from '../../../components/proxy';
import type { HedgedRequest } from '../../../components/resilience/hedging';
import { ScriptedNetwork, type ScriptedEnv } from '../../support/scripted-env';

/** A call with a name, for transcripts: a driver's own call class, declaring the proxy's fields as ProxyCall says. */
export class TestCall implements ProxyCall {
  done = false;
  timer: TimerHandle | undefined = undefined;
  inFlight: ProxyAttempt | undefined = undefined;
  inFlightMore: ProxyAttempt[] | undefined = undefined;
  attempts = 0;
  retries = 0;
  holdsRetry = false;
  hedge: HedgedRequest | undefined = undefined;

  constructor(readonly name: string, readonly startedAtMs: number, readonly key?: string) {}
}

export type TestAttempt = ProxyAttempt<TestCall>;

/** How a call ended, as the driver heard it. */
export interface Ended {
  readonly call: string;
  readonly outcome: RequestOutcome;
  readonly latencyMs: number;
  readonly atMs: number;
}

/**
 * A driver that holds every attempt the proxy transmits until the test answers it, and
 * keeps a transcript: `send c1#0 a @0` (call c1, attempt 0 to host a at 0 ms; `retry`
 * marks a retry), `end c1 ok 12ms @12`.
 */
export class HeldDriver implements ProxyDriver<TestCall, TestAttempt> {
  /** Attempts transmitted, oldest first (answered ones stay: look at `done`). */
  readonly sent: TestAttempt[] = [];
  readonly ended: Ended[] = [];
  readonly log: string[] = [];
  /** When set, answers each attempt inside `transmit` (as a zero-latency network does). */
  answerAtOnce: ((attempt: TestAttempt) => RequestOutcome) | undefined = undefined;
  proxy: ClientProxy<TestCall, TestAttempt> | undefined = undefined;

  constructor(private readonly env: ScriptedEnv) {}

  createAttempt(call: TestCall, host: Endpoint, number: number, isRetry: boolean, sentAtMs: number): TestAttempt {
    return proxyAttempt(call, host, number, isRetry, sentAtMs);
  }

  transmit(attempt: TestAttempt): void {
    this.sent.push(attempt);
    this.log.push(`send ${attempt.call.name}#${attempt.number} ${attempt.host.id}${attempt.isRetry ? ' retry' : ''} @${this.env.now()}`);
    if (this.answerAtOnce !== undefined) this.proxy!.answered(attempt, this.answerAtOnce(attempt));
  }

  callEnded(call: TestCall, outcome: RequestOutcome, latencyMs: number): void {
    this.ended.push({ call: call.name, outcome, latencyMs, atMs: this.env.now() });
    this.log.push(`end ${call.name} ${outcome} ${latencyMs}ms @${this.env.now()}`);
  }

  /** Attempts transmitted and not yet answered or given up on. */
  pending(): TestAttempt[] {
    return this.sent.filter((a) => !a.done);
  }
}

export interface Setup {
  readonly network: ScriptedNetwork;
  readonly env: ScriptedEnv;
  readonly balancer: Balancer;
  readonly driver: HeldDriver;
  readonly proxy: ClientProxy<TestCall, TestAttempt>;
  /** Offer a new call named `name` now. */
  offer(name: string, key?: string): TestCall;
  /** Answer the attempt (default: the oldest pending one) with `outcome`. */
  answer(outcome: RequestOutcome, attempt?: TestAttempt): TestAttempt;
  /** The counter `name` of the shared metrics. */
  counter(name: string): number;
}

/**
 * A started ClientProxy at 'caller' over hosts (default a, b, c; round-robin, so picks
 * are predictable) on a scripted clock and network, with a HeldDriver.
 */
export function setup(options: ProxyOptions = {}, hosts: readonly Address[] = ['a', 'b', 'c'], policy = 'round-robin', seed = 1): Setup {
  const network = new ScriptedNetwork(seed);
  const env = network.env('caller');
  const balancer = new Balancer(createPolicy(policy, env), { panicThresholdPercent: 0 });
  balancer.setHosts(hosts.map((id) => ({ id })));
  const driver = new HeldDriver(env);
  const proxy = new ClientProxy(env, balancer, driver, options);
  driver.proxy = proxy;
  if (proxy.health !== undefined) env.listen((from, message) => proxy.receive(from, message));
  proxy.start();
  return {
    network,
    env,
    balancer,
    driver,
    proxy,
    offer(name, key) {
      const call = new TestCall(name, env.now(), key);
      proxy.offer(call);
      return call;
    },
    answer(outcome, attempt) {
      const target = attempt ?? driver.pending()[0];
      if (target === undefined) throw new Error('harness: no attempt pending');
      proxy.answered(target, outcome);
      return target;
    },
    counter: (name) => network.metrics.counter(name),
  };
}
