import type { Address, Rng } from '../../sim/env';
import type { Simulation } from '../../sim/simulation';
import type { Caller } from './caller';
import type { Sampler } from '../sampling/distributions';
import type { Network } from './network';
import { Node, type Job, type NodeOwner } from './node';
import { Call, deliverResponse, type Attempt, type CallListener, type Outcome, type RequestReceiver } from './request';
import type { RequestStats } from './request-stats';
import type { CallSpec, ServiceSpec } from '../scenario/types';

/** One downstream step of a request: `count` calls to a service, in parallel or in turn. */
interface Step {
  readonly spec: CallSpec;
  readonly caller: Caller;
  readonly demand: Sampler;
}

/**
 * The downstream calls of one request after its CPU work: a small state machine that
 * walks the service's `calls` list and answers the original attempt when done.
 * A failed call fails the request (5xx), after the calls already in flight return.
 */
class DownstreamWork implements CallListener {
  private stepIndex = 0;
  private issued = 0;
  private outstanding = 0;
  private failed = false;
  /** True while `next` runs: a synchronous answer (zero-latency network) must not re-enter it. */
  private stepping = false;

  constructor(private readonly replica: Replica, readonly attempt: Attempt, private readonly epoch: number) {}

  begin(): void {
    this.next();
  }

  callEnded(_call: Call, outcome: Outcome): void {
    this.outstanding--;
    if (this.epoch !== this.replica.epoch) return; // the replica crashed; the attempt was reset
    if (outcome !== 'ok') this.failed = true;
    this.next();
  }

  /** Issue the next calls, or answer when every step has finished. */
  private next(): void {
    if (this.stepping) return;
    this.stepping = true;
    const steps = this.replica.steps;
    while (this.outstanding === 0) {
      if (this.failed || this.stepIndex >= steps.length) {
        this.replica.finishWork(this, this.failed ? 'error' : 'ok');
        break;
      }
      const step = steps[this.stepIndex]!;
      const batch = step.spec.parallel ? step.spec.count - this.issued : 1;
      for (let i = 0; i < batch; i++) this.issue(step);
      if (this.issued >= step.spec.count) {
        this.stepIndex++;
        this.issued = 0;
      }
    }
    this.stepping = false;
  }

  private issue(step: Step): void {
    this.issued++;
    this.outstanding++;
    const sim = this.replica.sim;
    const measured = this.attempt.call.measured;
    step.caller.start(new Call(step.demand(this.replica.demandRng), sim.now(), measured, this));
  }
}

/** What a Replica is made of. */
export interface ReplicaOptions {
  readonly sim: Simulation;
  readonly network: Network;
  readonly id: Address;
  readonly service: string;
  readonly spec: ServiceSpec;
  /** Server-side stats of the service this replica belongs to (shared by its replicas). */
  readonly stats: RequestStats;
  /** Its own streams: errors it answers with, and the demands of its downstream calls. */
  readonly errorRng: Rng;
  readonly demandRng: Rng;
  /** Its CPU when not the service's (a pod's, from its CPU limit): cores, at a speed (default 1). */
  readonly capacity?: ReplicaCapacity;
}

/** The CPU of one replica: `cores` servers, each doing `speed` ms of demand per ms. */
export interface ReplicaCapacity {
  readonly cores: number;
  readonly speed?: number;
}

/**
 * A service replica: receives requests, queues them on its Node for the CPU work, then
 * makes its downstream calls and responds. A crash resets every request it holds and
 * refuses new ones until restart, as a real process's sockets would.
 */
export class Replica implements RequestReceiver, NodeOwner {
  readonly node: Node;
  /** Bumped by each crash so answers for work from before the crash are ignored. */
  epoch = 0;
  /** Probability of answering at once with an error, set by an `errors` fault. */
  failFast = 0;
  steps: Step[] = [];
  private readonly waiting = new Set<DownstreamWork>();
  /** Called after a crash and after a restart (the registry agent stops and starts with the process). */
  readonly lifecycle: { crashed(): void; restarted(): void }[] = [];

  readonly sim: Simulation;
  readonly id: Address;
  readonly service: string;
  readonly demandRng: Rng;
  private readonly network: Network;
  private readonly spec: ServiceSpec;
  private readonly stats: RequestStats;
  private readonly errorRng: Rng;

  constructor(options: ReplicaOptions) {
    this.sim = options.sim;
    this.network = options.network;
    this.id = options.id;
    this.service = options.service;
    this.spec = options.spec;
    this.stats = options.stats;
    this.errorRng = options.errorRng;
    this.demandRng = options.demandRng;
    const capacity = options.capacity;
    this.node = new Node(this.sim, capacity === undefined ? this.spec : { cores: capacity.cores, discipline: this.spec.discipline, queueLimit: this.spec.queueLimit, speed: capacity.speed }, this);
  }

  /** Wire the downstream callers (after every replica exists). */
  connect(steps: Step[]): void {
    this.steps = steps;
  }

  receive(attempt: Attempt): void {
    attempt.arrivedAt = this.sim.now();
    if (attempt.call.measured) this.stats.started();
    if (!this.node.up) {
      this.respond(attempt, 'reset');
      return;
    }
    if (this.failFast > 0 && this.errorRng.next() < this.failFast) {
      this.respond(attempt, 'error');
      return;
    }
    if (!this.node.submit(attempt)) this.respond(attempt, 'rejected');
  }

  /** The node finished the CPU work of `job`. */
  served(job: Job): void {
    const attempt = job as Attempt;
    if (this.steps.length === 0) {
      this.respond(attempt, this.drawError() ? 'error' : 'ok');
      return;
    }
    const work = new DownstreamWork(this, attempt, this.epoch);
    this.waiting.add(work);
    work.begin();
  }

  finishWork(work: DownstreamWork, outcome: Outcome): void {
    this.waiting.delete(work);
    this.respond(work.attempt, outcome === 'ok' && this.drawError() ? 'error' : outcome);
  }

  crash(): void {
    const lost = this.node.crash() as Attempt[];
    for (const work of this.waiting) lost.push(work.attempt);
    this.waiting.clear();
    this.epoch++;
    for (const attempt of lost) this.respond(attempt, 'reset');
    for (const hook of this.lifecycle) hook.crashed();
  }

  restart(): void {
    this.node.restart();
    for (const hook of this.lifecycle) hook.restarted();
  }

  private drawError(): boolean {
    return this.spec.errorRate > 0 && this.errorRng.next() < this.spec.errorRate;
  }

  private respond(attempt: Attempt, outcome: Outcome): void {
    attempt.outcome = outcome;
    if (attempt.call.measured) this.stats.ended(outcome, this.sim.now() - attempt.arrivedAt);
    this.network.transmit(this.id, attempt.from, this.spec.responseSizeBytes, deliverResponse, attempt);
  }
}

export type { Step as DownstreamStep };
