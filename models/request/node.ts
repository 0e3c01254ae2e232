import type { Simulation } from '../../sim/simulation';
import { TimeWeighted } from '../../sim/time-weighted';

/** Work offered to a node: CPU demand in ms at speed 1. The node owns the other fields. */
export interface Job {
  readonly demandMs: number;
  /** Node epoch when the job entered; a crash bumps the epoch, orphaning stale events. */
  epoch: number;
  /** Processor sharing: the virtual time at which the job finishes. */
  finishVirtual: number;
  /** fifo: position in the node's in-service list, for O(1) removal. */
  serviceIndex: number;
}

export interface NodeOptions {
  readonly cores: number;
  readonly discipline: 'fifo' | 'ps';
  /** Jobs allowed to wait beyond the cores; undefined = unbounded. */
  readonly queueLimit?: number;
  /**
   * Work each core does per ms, relative to the demand's speed 1 (default 1): a container
   * limited to half a core's time runs at 0.5, its jobs taking twice their demand.
   */
  readonly speed?: number;
}

/** Where a node reports jobs: served (CPU work done) or lost in a crash. */
export interface NodeOwner {
  served(job: Job): void;
}

/**
 * A modelled machine: `cores` servers and a queue discipline.
 *
 * - fifo: first come, first served on the first free core.
 * - ps: processor sharing; n jobs share c cores, each progressing at min(1, c/n). Tracked
 *   with a virtual clock V that advances at that rate, so each job finishes when V reaches
 *   V(arrival) + demand; only the earliest finisher has a scheduled event (O(log n)).
 *
 * `slow` multiplies the demand of jobs that start (fifo) or the work rate (ps) while the
 * fault lasts. A crash drops every job (returned to the caller) and rejects work until
 * restart.
 */
export class Node {
  readonly cores: number;
  readonly discipline: 'fifo' | 'ps';
  readonly queueLimit: number;
  up = true;
  slowFactor = 1;
  /** Served jobs since the last stats reset. */
  completed = 0;
  readonly busy = new TimeWeighted();
  readonly waiting = new TimeWeighted();

  private epoch = 0;
  /** 1 / speed: how much longer than its demand a job takes on a free core. */
  private readonly stretch: number;
  // fifo state: a ring-buffer queue avoids Array.shift's O(n); it doubles when full.
  private queue: (Job | undefined)[] = [];
  private queueHead = 0;
  private queueLength = 0;
  /** Jobs holding a core (fifo); unordered, removed by swapping with the last. */
  private readonly inService: Job[] = [];
  // ps state
  private readonly sharing: Job[] = []; // binary heap by finishVirtual
  private virtual = 0;
  private virtualAt = 0;
  private psVersion = 0;

  private readonly completeFifo = (job: Job) => this.fifoDone(job);
  private readonly completePs = (version: number) => this.psDone(version);

  constructor(private readonly sim: Simulation, options: NodeOptions, private readonly owner: NodeOwner) {
    this.cores = options.cores;
    this.discipline = options.discipline;
    this.queueLimit = options.queueLimit ?? Infinity;
    this.stretch = 1 / (options.speed ?? 1);
  }

  /** Jobs in the node (waiting or in service). */
  get inSystem(): number {
    return this.discipline === 'fifo' ? this.inService.length + this.queueLength : this.sharing.length;
  }

  /** Offer a job. Returns false when the node is down or its queue is full (rejected). */
  submit(job: Job): boolean {
    if (!this.up) return false;
    job.epoch = this.epoch;
    return this.discipline === 'fifo' ? this.fifoSubmit(job) : this.psSubmit(job);
  }

  /** Crash: every job is dropped and returned; the node rejects work until `restart`. */
  crash(): Job[] {
    // Never spread a queue into a call: an overloaded node holds millions of jobs.
    const lost: Job[] = this.inService.slice();
    for (let i = 0; i < this.queueLength; i++) lost.push(this.queue[(this.queueHead + i) % this.queue.length]!);
    for (const job of this.sharing) lost.push(job);
    this.up = false;
    this.epoch++;
    this.inService.length = 0;
    this.queue = [];
    this.queueHead = 0;
    this.queueLength = 0;
    this.sharing.length = 0;
    this.psVersion++;
    this.recordLoad();
    return lost;
  }

  restart(): void {
    this.up = true;
  }

  setSlow(factor: number): void {
    if (this.discipline === 'ps') this.advanceVirtual();
    this.slowFactor = factor;
    if (this.discipline === 'ps') this.schedulePs();
  }

  /** Start measuring from `nowMs` (end of warm-up). */
  resetStats(nowMs: number): void {
    this.completed = 0;
    this.busy.reset(nowMs);
    this.waiting.reset(nowMs);
  }

  // --- fifo -------------------------------------------------------------------------

  private fifoSubmit(job: Job): boolean {
    if (this.inService.length < this.cores) {
      this.fifoStart(job);
    } else {
      if (this.queueLength >= this.queueLimit) return false;
      this.enqueue(job);
    }
    this.recordLoad();
    return true;
  }

  private fifoStart(job: Job): void {
    job.serviceIndex = this.inService.length;
    this.inService.push(job);
    this.sim.at(this.sim.now() + job.demandMs * (this.slowFactor * this.stretch), this.completeFifo, job);
  }

  private fifoDone(job: Job): void {
    if (job.epoch !== this.epoch) return; // crashed meanwhile
    const last = this.inService.pop()!;
    if (last !== job) {
      last.serviceIndex = job.serviceIndex;
      this.inService[job.serviceIndex] = last;
    }
    if (this.queueLength > 0) this.fifoStart(this.dequeue());
    this.completed++;
    this.recordLoad();
    this.owner.served(job);
  }

  private enqueue(job: Job): void {
    if (this.queueLength === this.queue.length) {
      // Grow by unrolling the ring into a fresh array twice the size, so indices stay contiguous.
      const grown = new Array<Job | undefined>(Math.max(16, this.queueLength * 2)).fill(undefined);
      for (let i = 0; i < this.queueLength; i++) grown[i] = this.queue[(this.queueHead + i) % this.queue.length];
      this.queue = grown;
      this.queueHead = 0;
    }
    this.queue[(this.queueHead + this.queueLength) % this.queue.length] = job;
    this.queueLength++;
  }

  private dequeue(): Job {
    const job = this.queue[this.queueHead]!;
    this.queue[this.queueHead] = undefined;
    this.queueHead = (this.queueHead + 1) % this.queue.length;
    this.queueLength--;
    return job;
  }

  // --- processor sharing ------------------------------------------------------------

  private psSubmit(job: Job): boolean {
    if (this.sharing.length >= this.cores + this.queueLimit) return false;
    this.advanceVirtual();
    job.finishVirtual = this.virtual + job.demandMs;
    heapPush(this.sharing, job);
    this.schedulePs();
    this.recordLoad();
    return true;
  }

  private psDone(version: number): void {
    if (version !== this.psVersion) return; // superseded by a later arrival or departure
    this.advanceVirtual();
    const job = heapPop(this.sharing)!;
    // Float rounding can leave V a hair short of finishVirtual; the job is due now.
    if (job.finishVirtual > this.virtual) this.virtual = job.finishVirtual;
    this.completed++;
    this.schedulePs();
    this.recordLoad();
    this.owner.served(job);
  }

  /** Per-job work rate with n jobs sharing c cores, slowed by the fault factor and the node's speed. */
  private psRate(): number {
    const n = this.sharing.length;
    return n === 0 ? 0 : Math.min(1, this.cores / n) / (this.slowFactor * this.stretch);
  }

  private advanceVirtual(): void {
    const now = this.sim.now();
    this.virtual += (now - this.virtualAt) * this.psRate();
    this.virtualAt = now;
  }

  private schedulePs(): void {
    const version = ++this.psVersion;
    if (this.sharing.length === 0) return;
    const next = this.sharing[0]!;
    const delay = Math.max(0, (next.finishVirtual - this.virtual) / this.psRate());
    this.sim.at(this.sim.now() + delay, this.completePs, version);
  }

  private recordLoad(): void {
    const now = this.sim.now();
    if (this.discipline === 'fifo') {
      this.busy.set(now, this.inService.length);
      this.waiting.set(now, this.queueLength);
    } else {
      const n = this.sharing.length;
      this.busy.set(now, Math.min(n, this.cores));
      this.waiting.set(now, Math.max(0, n - this.cores));
    }
  }
}

function heapPush(heap: Job[], job: Job): void {
  let i = heap.length;
  heap.push(job);
  while (i > 0) {
    const parent = (i - 1) >> 1;
    if (heap[parent]!.finishVirtual <= job.finishVirtual) break;
    heap[i] = heap[parent]!;
    i = parent;
  }
  heap[i] = job;
}

function heapPop(heap: Job[]): Job | undefined {
  const top = heap[0];
  const last = heap.pop();
  if (heap.length === 0 || last === undefined) return top;
  let i = 0;
  for (;;) {
    let child = 2 * i + 1;
    if (child >= heap.length) break;
    if (child + 1 < heap.length && heap[child + 1]!.finishVirtual < heap[child]!.finishVirtual) child++;
    if (heap[child]!.finishVirtual >= last.finishVirtual) break;
    heap[i] = heap[child]!;
    i = child;
  }
  heap[i] = last;
  return top;
}
