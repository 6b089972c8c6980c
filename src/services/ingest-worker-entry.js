// The worker thread's entry. Worker threads do not inherit tsx's loader from the process that starts them, and
// `--import tsx` in a worker's execArgv does not take either (privatenumber/tsx#354): this plain module registers
// tsx in the worker, then loads the TypeScript worker.
import { register } from 'tsx/esm/api';

register();
await import('./ingest-worker.ts');
