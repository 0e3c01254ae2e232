import type { Rng } from '../../sim/env';
import type { Simulation } from '../../sim/simulation';
import { TimeWeighted } from '../../sim/time-weighted';
import type { Sampler } from '../sampling/distributions';

/** One request to the disk. */
interface DiskJob {
  readonly bytes: number;
  /** True for writes that must be durable before `done` (log append + fsync). */
  readonly fsync: boolean;
  readonly done: () => void;
}

export interface DiskOptions {
  /** Latency of one fsync (ms). */
  readonly fsync: Sampler;
  /** Sequential bandwidth, bits per second. */
  readonly bandwidthBps: number;
}

/**
 * A node's disk: one device serving its queue first come, first served, with group
 * commit, as a database's commit log does (Cassandra's group mode, PostgreSQL's
 * commit_delay): when the device becomes free it takes every queued request as one
 * batch, transfers their bytes at `bandwidthBps` and, if any of them is a write, pays
 * one fsync for the whole batch. Writes that arrive during an fsync wait for the next
 * one, so latency rises with load while throughput is not capped at 1/fsync.
 *
 * A crash drops the queue and the batch in progress (those writes were never durable,
 * so never acknowledged); a restarted disk starts empty.
 */
export class Disk {
  /** Time-average of busy (0/1), for utilisation. */
  readonly busy = new TimeWeighted();
  /** Batches and fsyncs done, for tests. */
  batchCount = 0;
  fsyncCount = 0;
  private up = true;
  private epoch = 0;
  private queue: DiskJob[] = [];
  private serving = false;
  private readonly msPerByte: number;
  private readonly finish = (arg: { readonly epoch: number; readonly batch: readonly DiskJob[] }) => this.batchDone(arg.epoch, arg.batch);

  constructor(private readonly sim: Simulation, private readonly options: DiskOptions, private readonly rng: Rng) {
    if (!(options.bandwidthBps > 0)) throw new RangeError(`model: disk bandwidth must be > 0 bps, got ${options.bandwidthBps}`);
    this.msPerByte = (8 / options.bandwidthBps) * 1000;
  }

  /** Requests waiting or in the batch being served. */
  get queued(): number {
    return this.queue.length;
  }

  /** Queue `bytes` (durably, with `fsync`); `done` runs when finished. Ignored while down. */
  submit(bytes: number, fsync: boolean, done: () => void): void {
    if (!this.up) return;
    this.queue.push({ bytes, fsync, done });
    if (!this.serving) this.startBatch();
  }

  crash(): void {
    this.up = false;
    this.epoch++;
    this.queue = [];
    this.serving = false;
    this.busy.set(this.sim.now(), 0);
  }

  restart(): void {
    this.up = true;
  }

  private startBatch(): void {
    const batch = this.queue;
    this.queue = [];
    let bytes = 0;
    let fsync = false;
    for (const job of batch) {
      bytes += job.bytes;
      fsync ||= job.fsync;
    }
    const serviceMs = bytes * this.msPerByte + (fsync ? this.options.fsync(this.rng) : 0);
    this.serving = true;
    this.batchCount++;
    if (fsync) this.fsyncCount++;
    this.busy.set(this.sim.now(), 1);
    this.sim.at(this.sim.now() + serviceMs, this.finish, { epoch: this.epoch, batch });
  }

  private batchDone(epoch: number, batch: readonly DiskJob[]): void {
    if (epoch !== this.epoch) return; // crashed meanwhile
    this.serving = false;
    this.busy.set(this.sim.now(), 0);
    if (this.queue.length > 0) this.startBatch();
    for (const job of batch) job.done();
  }
}
