/**
 * The planner's worker thread: runs the units the pool sends, one at a time, and posts
 * back progress and the result. Built as dist/planner-worker.mjs; from the TypeScript
 * sources it is started through boot-worker.mjs (tsx cannot start a .ts worker on Node 20).
 */
import { parentPort } from 'node:worker_threads';
import type { FidelityCase } from './fidelity/fidelity-case';
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

let fidelityCases: Promise<readonly FidelityCase[]> | undefined;

/**
 * The fidelity cases, loaded on the first fidelity unit: they import mathjs (through
 * planner/theory/queueing.ts, about 1 s to load), which the workers of compare, plan and check
 * never need.
 */
async function fidelityCase(id: string): Promise<FidelityCase> {
  fidelityCases ??= import('./fidelity/cases/index').then((m) => m.fidelityCases);
  const found = (await fidelityCases).find((c) => c.id === id);
  if (found === undefined) throw new Error(`planner: no fidelity case "${id}"`);
  return found;
}

const port = parentPort;
if (port === null) throw new Error('planner: worker.ts runs in a worker thread');
port.on('message', ({ id, request }: ToWorker) => {
  const post = (message: FromWorker) => port.postMessage(message);
  const fail = (error: unknown) => post({ id, kind: 'error', message: (error as Error).message });
  if ('fidelity' in request) {
    const { id: caseId, seed, scale } = request.fidelity;
    fidelityCase(caseId).then((c) => post({ id, kind: 'result', result: c.run(seed, scale) })).catch(fail);
    return;
  }
  try {
    post({ id, kind: 'result', result: runUnit(request, (fraction) => post({ id, kind: 'progress', fraction })) });
  } catch (error) {
    fail(error);
  }
});
