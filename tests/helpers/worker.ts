import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { SpawnWorker } from '../../electron/workers/run-task.ts';

const BOOT = path.resolve(import.meta.dirname, 'ts-worker.mjs');
const ENTRY = pathToFileURL(path.resolve(import.meta.dirname, '../../electron/workers/data-worker.ts')).href;

/** The app's data worker, from its TypeScript source, as a real worker thread. */
export const spawnTsWorker: SpawnWorker = (input) => new Worker(BOOT, { workerData: { ...input, __entry: ENTRY } });
