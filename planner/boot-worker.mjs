// Starts planner/worker.ts in a worker thread when meshsim runs from its TypeScript
// sources (tests, `tsx cli/index.ts`): tsx on Node 20 cannot start a .ts file as a worker
// directly, so register it first. The bundled CLI starts dist/planner-worker.mjs instead.
import { register } from 'tsx/esm/api';

register();
await import('./worker.ts');
