// Checks the offline package made by `npm run dist:check`: the app, its migrations and the native
// SQLite binding are where the packaged app will look for them.
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const asar = require('@electron/asar');
const base = 'release-check/linux-unpacked/resources';
const files = new Set(asar.listPackage(path.join(base, 'app.asar')).map((f) => f.replaceAll('\\', '/')));
const expected = [
  '/package.json',
  '/dist/index.html',
  '/dist-electron/main.cjs',
  '/dist-electron/preload.cjs',
  '/dist-electron/migrations/0010-initial.sql',
  '/node_modules/better-sqlite3/package.json',
];
const missing = expected.filter((f) => !files.has(f));
const unpacked = path.join(base, 'app.asar.unpacked/node_modules/better-sqlite3/build/Release/better_sqlite3.node');
if (!fs.existsSync(unpacked)) missing.push(unpacked);
const forbidden = [...files].filter((f) => /^\/node_modules\/(react|konva|vite|vitest|electron)\//.test(f));
if (missing.length > 0 || forbidden.length > 0) {
  console.error(`package check failed.\n missing: ${missing.join(', ') || 'none'}\n should not be packed: ${forbidden.slice(0, 5).join(', ') || 'none'}`);
  process.exit(1);
}
console.log(`package check passed: ${files.size} entries in app.asar, native binding unpacked`);
