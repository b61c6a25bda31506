import { defineConfig } from 'vite';
import { nodeBundle } from './vite.node.ts';

export default defineConfig(nodeBundle('electron/preload.ts', 'preload.cjs'));
