// Worker thread entry (bundled to dist-electron/data-worker.cjs): runs one task from workerData and
// answers with progress messages, then the result or the error (code and message, as AppError has them).
import { parentPort, workerData } from 'node:worker_threads';
import { AppError } from '../../shared/ipc/result.ts';
import { runTaskHere, type TaskInput } from './tasks.ts';

const port = parentPort;
if (!port) throw new Error('data-worker: not started as a worker thread');
const input = workerData as TaskInput;
runTaskHere(input, (p) => port.postMessage({ type: 'progress', ...p })).then(
  (value) => port.postMessage({ type: 'done', value }),
  (err: unknown) =>
    port.postMessage({
      type: 'error',
      code: err instanceof AppError ? err.code : null,
      message: err instanceof Error ? err.message : String(err),
      stack: err instanceof Error ? err.stack : undefined,
    }),
);
