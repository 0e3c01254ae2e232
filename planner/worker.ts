/**
 * The planner's worker thread: runs the units the pool sends, one at a time, and posts
 * back progress and the result. Built as dist/planner-worker.mjs; from the TypeScript
 * sources it is started through boot-worker.mjs (tsx cannot start a .ts worker on Node 20).
 */
import { parentPort } from 'node:worker_threads';
import { fidelityCases } from './fidelity/cases/index';
import { runUnit, type UnitRequest } from './run-unit';

/** One replication of a fidelity case (`meshsim fidelity`), run by the same pool. */
export interface FidelityUnit {
  readonly fidelity: { readonly id: string; readonly seed: number; readonly scale: number };
}

/** Messages between the pool and a worker. */
export type ToWorker = { readonly id: number; readonly request: UnitRequest | FidelityUnit };
export type FromWorker =
  | { readonly id: number; readonly kind: 'progress'; readonly fraction: number }
  | { readonly id: number; readonly kind: 'result'; readonly result: unknown }
  | { readonly id: number; readonly kind: 'error'; readonly message: string };

const port = parentPort;
if (port === null) throw new Error('planner: worker.ts runs in a worker thread');
port.on('message', ({ id, request }: ToWorker) => {
  const post = (message: FromWorker) => port.postMessage(message);
  try {
    const result = 'fidelity' in request
      ? fidelityCases.find((c) => c.id === request.fidelity.id)!.run(request.fidelity.seed, request.fidelity.scale)
      : runUnit(request, (fraction) => post({ id, kind: 'progress', fraction }));
    post({ id, kind: 'result', result });
  } catch (error) {
    post({ id, kind: 'error', message: (error as Error).message });
  }
});
