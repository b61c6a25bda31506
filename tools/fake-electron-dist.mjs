// Writes a stub Electron distribution so `electron-builder --linux dir` can run offline and prove the
// packaging config: what goes into app.asar, what is unpacked. The result cannot run.
import fs from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const version = require('electron/package.json').version;
const dir = '.cache/fake-electron-dist';
fs.rmSync(dir, { recursive: true, force: true });
fs.mkdirSync(`${dir}/resources`, { recursive: true });
fs.writeFileSync(`${dir}/electron`, '#!/bin/sh\necho "stub electron for the offline packaging check"\n', { mode: 0o755 });
fs.writeFileSync(`${dir}/version`, `v${version}`);
fs.writeFileSync(`${dir}/LICENSE`, 'stub');
console.log(`stub Electron ${version} dist written to ${dir}`);
