/**
 * Worker entry: exposes a SimSession over comlink.
 *
 * One module for both runtimes: in a browser Web Worker the endpoint is the worker's
 * global scope; under Node's worker_threads a boot script (test/viz/boot-worker.mjs) puts
 * comlink's node adapter around `parentPort` in `globalThis.meshsimWorkerEndpoint` before
 * importing this file, so no `node:` import ever reaches the browser bundle.
 */
import { expose, type Endpoint } from 'comlink';
import { SimSession } from './sim-session';

declare global {
  // Set by a Node boot script before this module loads; absent in browsers.
  var meshsimWorkerEndpoint: Endpoint | undefined;
}

const endpoint = globalThis.meshsimWorkerEndpoint ?? (globalThis as unknown as Endpoint);
expose(new SimSession(() => performance.now()), endpoint);
