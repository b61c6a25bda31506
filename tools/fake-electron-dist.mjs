// Writes a stub Electron distribution so `electron-builder --linux dir` can run offline and prove the
// packaging config: what goes into app.asar, what is unpacked, which fuses are flipped. The stub cannot
// run; after its script it carries Electron's fuse sentinel and wire (as Electron 45 ships them), so
// electron-builder's electronFuses can flip the fuses and tools/check-packaged.mjs can read them back.
import fs from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const version = require('electron/package.json').version;
const dir = '.cache/fake-electron-dist';

// @electron/fuses' SENTINEL; then the wire: version 1, 9 fuses, each '0' (off) or '1' (on). Electron's
// defaults, in FuseV1Options order: RunAsNode on, cookie encryption off, NODE_OPTIONS on, --inspect on,
// asar integrity off, only-from-asar off, browser V8 snapshot off, file:// extra privileges on, WASM trap
// handlers on.
const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
const DEFAULT_WIRE = '101100011';

fs.rmSync(dir, { recursive: true, force: true });
fs.mkdirSync(`${dir}/resources`, { recursive: true });
const script = Buffer.from('#!/bin/sh\necho "stub electron for the offline packaging check"\nexit 0\n# ');
const wire = Buffer.concat([Buffer.from(SENTINEL), Buffer.from([1, DEFAULT_WIRE.length]), Buffer.from(DEFAULT_WIRE), Buffer.from('\n')]);
fs.writeFileSync(`${dir}/electron`, Buffer.concat([script, wire]), { mode: 0o755 });
fs.writeFileSync(`${dir}/version`, `v${version}`);
fs.writeFileSync(`${dir}/LICENSE`, 'stub');
console.log(`stub Electron ${version} dist written to ${dir} (fuse wire ${DEFAULT_WIRE})`);
