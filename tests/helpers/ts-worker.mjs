// Worker bootstrap for tests: registers tsx, then loads the TypeScript worker named in workerData.__entry
// (the built app starts dist-electron/data-worker.cjs instead).
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.__entry);
