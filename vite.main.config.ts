import fs from 'node:fs';
import { defineConfig, type Plugin } from 'vite';
import { nodeBundle } from './vite.node.ts';

/** Migrations are plain SQL files read at start; ship them beside main.cjs (inside app.asar when packaged). */
function copyMigrations(): Plugin {
  return {
    name: 'copy-migrations',
    closeBundle() {
      fs.rmSync('dist-electron/migrations', { recursive: true, force: true });
      fs.cpSync('electron/db/migrations', 'dist-electron/migrations', { recursive: true });
    },
  };
}

export default defineConfig({ ...nodeBundle('electron/main.ts', 'main.cjs'), plugins: [copyMigrations()] });
