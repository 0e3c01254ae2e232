import type { Address } from '../sim/env';
import type { Simulation } from '../sim/simulation';
import type { Balancer } from '../components/balancer/balancer';
import type { Network } from './network';
import { Attempt, deliverRequest, type Call, type Outcome, type RequestReceiver, type ResponseReceiver } from './request';

export interface CallerOptions {
  readonly timeoutMs?: number;
  readonly requestSizeBytes: number;
}

/**
 * The calling side of the request path: pick a host with the real balancer, send the
 * request over the modelled network, enforce the timeout, and report the outcome to the
 * call's listener. One Caller per (client instance | replica, target service), each with
 * its own balancer state.
 */
export class Caller implements ResponseReceiver {
  private readonly onTimeout = (call: Call) => this.timedOut(call);

  constructor(
    private readonly sim: Simulation,
    private readonly network: Network,
    readonly address: Address,
    readonly balancer: Balancer,
    private readonly receivers: ReadonlyMap<Address, RequestReceiver>,
    private readonly options: CallerOptions,
  ) {}

  /** Start a call: pick a host and send the first attempt. */
  start(call: Call): void {
    const host = this.balancer.pick();
    if (host === undefined) {
      this.finish(call, 'no-host');
      return;
    }
    const receiver = this.receivers.get(host.id);
    if (receiver === undefined) throw new Error(`model: no replica at ${host.id} (caller ${this.address})`);
    const now = this.sim.now();
    const attempt = new Attempt(call, host, this.address, now, this, receiver);
    call.attempt = attempt;
    this.balancer.onStart(host);
    if (this.options.timeoutMs !== undefined) {
      call.timer = this.sim.timer(now + this.options.timeoutMs, this.onTimeout, call);
    }
    this.network.transmit(this.address, host.id, this.options.requestSizeBytes, deliverRequest, attempt);
  }

  /** A response (success or failure) arrived for `attempt`. */
  responded(attempt: Attempt): void {
    if (attempt.done) return; // the caller gave up already
    attempt.done = true;
    const call = attempt.call;
    call.attempt = undefined;
    this.balancer.onEnd(attempt.host, this.sim.now() - attempt.sentAt, attempt.outcome === 'ok');
    if (call.timer !== undefined) this.sim.cancel(call.timer);
    this.finish(call, attempt.outcome);
  }

  private timedOut(call: Call): void {
    const attempt = call.attempt;
    if (attempt !== undefined) {
      attempt.done = true;
      call.attempt = undefined;
      this.balancer.onEnd(attempt.host, this.sim.now() - attempt.sentAt, false);
    }
    this.finish(call, 'timeout');
  }

  private finish(call: Call, outcome: Outcome): void {
    if (call.done) return;
    call.done = true;
    call.listener.callEnded(call, outcome, this.sim.now() - call.startedAt);
  }
}
