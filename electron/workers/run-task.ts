// Runs a task in a worker thread (when the shell gave a way to start one) or in-process, reporting progress.
import type { Worker } from 'node:worker_threads';
import { AppError, type ErrorCode } from '../../shared/ipc/result.ts';
import { currentDatabaseKey } from '../db/sqlite.ts';
import { runTaskHere, type TaskInput, type TaskOutput, type TaskProgress } from './tasks.ts';

/** Starts the data worker on a task's input (main.ts: dist-electron/data-worker.cjs; tests: the .ts file through tsx). */
export type SpawnWorker = (input: TaskInput) => Worker;

type WorkerMessage =
  | ({ type: 'progress' } & TaskProgress)
  | { type: 'done'; value: unknown }
  | { type: 'error'; code: ErrorCode | null; message: string; stack?: string };

export function runTask<I extends TaskInput>(spawn: SpawnWorker | null, input: I, progress: (p: TaskProgress) => void): Promise<TaskOutput<I['task']>> {
  if (!spawn) return runTaskHere(input, progress) as Promise<TaskOutput<I['task']>>;
  return new Promise((resolve, reject) => {
    // A worker thread has its own module state: it gets the key with its input (in memory, never on disk).
    const key = currentDatabaseKey();
    const worker = spawn(key ? { ...input, databaseKey: key.toString('hex') } : input);
    let settled = false;
    worker.on('message', (m: WorkerMessage) => {
      if (m.type === 'progress') progress({ phase: m.phase, done: m.done, total: m.total });
      else if (m.type === 'done') {
        settled = true;
        resolve(m.value as TaskOutput<I['task']>);
      } else {
        settled = true;
        const err = m.code ? new AppError(m.code, m.message) : new Error(m.message);
        if (m.stack && !m.code) err.stack = m.stack;
        reject(err);
      }
    });
    worker.on('error', (err) => {
      if (!settled) reject(err);
      settled = true;
    });
    worker.on('exit', (code) => {
      if (!settled) reject(new Error(`the data worker stopped (exit code ${code}) before it finished`));
      settled = true;
    });
  });
}
