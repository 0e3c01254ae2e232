// Starts viz/worker/sim-worker.ts in a Node worker thread, as the browser starts it in a
// Web Worker. tsx on Node 20 cannot start a .ts file as a worker directly, so this file
// registers tsx first, then hands comlink's node adapter to the worker module through
// `globalThis.meshsimWorkerEndpoint` (the module never imports node: itself).
import { parentPort } from 'node:worker_threads';
import nodeEndpoint from 'comlink/dist/esm/node-adapter.mjs';
import { register } from 'tsx/esm/api';

register();
globalThis.meshsimWorkerEndpoint = nodeEndpoint(parentPort);
await import('../../viz/worker/sim-worker.ts');
