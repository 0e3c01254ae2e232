import type { Address, Rng } from '../../sim/env';
import type { SimEnv } from '../../sim/sim-env';
import type { Balancer, Endpoint } from '../../components/balancer/index';
import { ClientProxy, type ProxyDriver } from '../../components/proxy/index';
import type { Sampler } from '../sampling/distributions';
import type { Network } from './network';
import { Attempt, deliverRequest, type Call, type Outcome, type RequestReceiver, type ResponseReceiver } from './request';
import type { ResilienceSpec } from '../scenario/types';

export interface CallerOptions {
  /** Overall timeout of a call, every attempt included. */
  readonly timeoutMs?: number;
  readonly requestSizeBytes: number;
  readonly resilience: ResilienceSpec;
  /** Service time of the target, for retries and hedges (a new execution costs a new draw). */
  readonly demand: Sampler;
}

/** What a Caller is made of: its place on the network and its target's replicas, with its options. */
export interface CallerParts extends CallerOptions {
  /** The Env of this caller (random streams namespaced by caller and target). */
  readonly env: SimEnv;
  readonly network: Network;
  readonly address: Address;
  readonly balancer: Balancer;
  /** The replicas attempts are delivered to, by address. */
  readonly receivers: ReadonlyMap<Address, RequestReceiver>;
}

/**
 * The calling side of the request path on the modelled network: the IO of a ClientProxy
 * (components/proxy), which holds the whole client-side protocol (balancer, timeouts,
 * retries, hedging, circuit breaker, outlier detection, health checks). The proxy decides
 * what to send where and when a call is over; this driver makes each attempt the job that
 * travels the network to a replica, transmits it, hands answers back, and tells the call's
 * listener. One Caller per (client instance | replica, target service).
 */
export class Caller implements ResponseReceiver, ProxyDriver<Call, Attempt> {
  readonly proxy: ClientProxy<Call, Attempt>;
  /** Fresh demands of retries and hedges: the caller's own stream, so the workload's stays untouched. */
  private readonly demandRng: Rng;

  readonly address: Address;
  readonly balancer: Balancer;
  private readonly network: Network;
  private readonly receivers: ReadonlyMap<Address, RequestReceiver>;
  private readonly options: CallerOptions;

  constructor(parts: CallerParts) {
    const { env, balancer, ...options } = parts;
    this.address = parts.address;
    this.balancer = balancer;
    this.network = parts.network;
    this.receivers = parts.receivers;
    this.options = options;
    this.demandRng = env.rng('attempt.demand');
    this.proxy = new ClientProxy(env, balancer, this, { timeoutMs: options.timeoutMs, ...options.resilience });
    // Health-check replies come to the caller's address; without checks nothing listens
    // there for them (and the network drops what nobody listens for).
    if (this.proxy.health !== undefined) env.listen((from, message) => this.proxy.receive(from, message));
    this.proxy.start();
  }

  /** Time the hosts outlier detection has ejected now have been out (0 without it). */
  ejectedSoFarMs(): number {
    return this.proxy.ejectedSoFarMs();
  }

  /** Replace the endpoints (a discovery update), keeping those that are replicas of this model. */
  setHosts(endpoints: readonly { id: Address; weight?: number }[]): void {
    this.proxy.setHosts(endpoints.filter((e) => this.receivers.has(e.id)));
  }

  /** Start a call. */
  start(call: Call): void {
    this.proxy.offer(call);
  }

  /** A response (success or failure) arrived for `attempt`. */
  responded(attempt: Attempt): void {
    this.proxy.answered(attempt, attempt.outcome);
  }

  // --- ProxyDriver -------------------------------------------------------------------------

  createAttempt(call: Call, host: Endpoint, number: number, isRetry: boolean, sentAtMs: number): Attempt {
    const receiver = this.receivers.get(host.id);
    if (receiver === undefined) throw new Error(`model: no replica at ${host.id} (caller ${this.address})`);
    // A retry or hedge is another execution on (usually) another host: its own service time.
    const demandMs = number > 0 ? this.options.demand(this.demandRng) : call.demandMs;
    return new Attempt(call, host, number, isRetry, sentAtMs, this.address, this, receiver, demandMs);
  }

  transmit(attempt: Attempt): void {
    this.network.transmit(this.address, attempt.host.id, this.options.requestSizeBytes, deliverRequest, attempt);
  }

  callEnded(call: Call, outcome: Outcome, latencyMs: number): void {
    call.listener.callEnded(call, outcome, latencyMs);
  }
}
