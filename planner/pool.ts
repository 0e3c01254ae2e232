/**
 * Runs units of work (variant × replication) in parallel on worker threads, or in this
 * thread with one worker. Results come back in request order whatever the number of
 * workers and whichever finishes first, and each unit is a pure function of its request,
 * so the output is identical for any `--workers`.
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { ReplicationResult } from '../models/run/result';
import { runUnit, type UnitRequest } from './run-unit';
import type { FromWorker, ToWorker } from './worker';

/** Runs batches of units; `close` when done so the process can exit. */
export interface UnitRunner {
  /** Workers in use at most. */
  readonly workers: number;
  /**
   * Runs every request and returns the results in request order.
   * @param onProgress units done so far, fractions of running units included
   */
  run(requests: readonly UnitRequest[], onProgress?: (unitsDone: number) => void): Promise<ReplicationResult[]>;
  close(): Promise<void>;
}

/** The pool, for any request the worker understands (see ToWorker): results are unknown. */
export interface AnyRunner {
  runAny(requests: readonly ToWorker['request'][], onProgress?: (unitsDone: number) => void): Promise<unknown[]>;
  close(): Promise<void>;
}

/** A worker pool of `workers` threads for any worker request (e.g. fidelity units). */
export function createAnyRunner(workers: number): AnyRunner {
  const pool = new WorkerPool(workers);
  return { runAny: (requests, onProgress) => pool.run(requests as readonly UnitRequest[], onProgress) as Promise<unknown[]>, close: () => pool.close() };
}

/** One worker per core by default. */
export const defaultWorkerCount = (): number => availableParallelism();

/** A runner with `workers` threads (at most), or the calling thread when `workers` ≤ 1. */
export function createRunner(workers: number): UnitRunner {
  return workers <= 1 ? new InThreadRunner() : new WorkerPool(workers);
}

/**
 * The worker module: the bundle's dist/planner-worker.mjs beside dist/cli.mjs, or, when
 * running from the TypeScript sources, a boot file that registers tsx first.
 */
function workerUrl(): URL {
  const here = import.meta.url;
  return here.endsWith('.ts') ? new URL('./boot-worker.mjs', here) : new URL('./planner-worker.mjs', here);
}

class InThreadRunner implements UnitRunner {
  readonly workers = 1;

  async run(requests: readonly UnitRequest[], onProgress?: (unitsDone: number) => void): Promise<ReplicationResult[]> {
    const results: ReplicationResult[] = [];
    for (const [index, request] of requests.entries()) {
      results.push(runUnit(request, onProgress === undefined ? undefined : (fraction) => onProgress(index + fraction)));
      onProgress?.(index + 1);
    }
    return results;
  }

  async close(): Promise<void> {}
}

class WorkerPool implements UnitRunner {
  private readonly threads: Worker[] = [];

  private readonly url = workerUrl();

  constructor(readonly workers: number) {
    if (!existsSync(this.url)) throw new Error(`planner: the worker ${this.url.pathname} is missing; rebuild with \`npm run build\``);
  }

  run(requests: readonly UnitRequest[], onProgress?: (unitsDone: number) => void): Promise<ReplicationResult[]> {
    if (requests.length === 0) return Promise.resolve([]);
    while (this.threads.length < Math.min(this.workers, requests.length)) this.threads.push(new Worker(this.url));
    const active = this.threads.slice(0, Math.min(this.workers, requests.length));
    return new Promise((resolve, reject) => {
      const results: ReplicationResult[] = new Array(requests.length);
      const running = new Map<number, number>();
      let next = 0;
      let done = 0;
      const detach: (() => void)[] = [];
      const finish = (error?: Error) => {
        for (const off of detach) off();
        if (error === undefined) resolve(results);
        else reject(error);
      };
      const dispatch = (thread: Worker) => {
        if (next >= requests.length) return;
        const id = next++;
        running.set(id, 0);
        thread.postMessage({ id, request: requests[id]! } satisfies ToWorker);
      };
      for (const thread of active) {
        const onMessage = (message: FromWorker) => {
          if (message.kind === 'error') return finish(new Error(message.message));
          if (message.kind === 'progress') running.set(message.id, message.fraction);
          else {
            results[message.id] = message.result as ReplicationResult;
            running.delete(message.id);
            done++;
            dispatch(thread);
          }
          let partial = 0;
          for (const fraction of running.values()) partial += fraction;
          onProgress?.(done + partial);
          if (done === requests.length) finish();
        };
        const onError = (error: Error) => finish(new Error(`planner worker failed: ${error.message}`));
        const onExit = (code: number) => finish(new Error(`planner worker exited with code ${code}`));
        thread.on('message', onMessage).on('error', onError).on('exit', onExit);
        detach.push(() => thread.off('message', onMessage).off('error', onError).off('exit', onExit));
      }
      for (const thread of active) dispatch(thread);
    });
  }

  async close(): Promise<void> {
    await Promise.all(this.threads.map((thread) => thread.terminate()));
    this.threads.length = 0;
  }
}
