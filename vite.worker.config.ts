import { defineConfig } from 'vite';
import { nodeBundle } from './vite.node.ts';

/** The data worker (export, import, backup off the main thread), started by main.ts as a worker thread. */
export default defineConfig(nodeBundle('electron/workers/data-worker.ts', 'data-worker.cjs'));
