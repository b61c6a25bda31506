#!/usr/bin/env node
// Builds better-sqlite3 for Electron's ABI into .cache/electron-native/…, leaving node_modules'
// Node-ABI build (used by the tests) untouched. Runs before `npm start` and `npm run dist`;
// does nothing when the binary is already there.
//   node tools/ensure-electron-native.mjs [--platform linux|win32|darwin] [--arch x64|arm64]
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { electronNativeDir } from './electron-native-path.mjs';

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback;
};
const platform = arg('platform', process.platform);
const arch = arg('arch', process.arch);
const electronVersion = require('electron/package.json').version;
const target = path.join(electronNativeDir(root, electronVersion, platform, arch), 'better_sqlite3.node');

if (fs.existsSync(target)) process.exit(0);

console.log(`Building better-sqlite3 for Electron ${electronVersion} (${platform}-${arch}); this happens once.`);
const source = path.dirname(require.resolve('better-sqlite3-multiple-ciphers/package.json'));
const work = path.join(root, '.cache', 'electron-native', 'work');
fs.rmSync(work, { recursive: true, force: true });
fs.cpSync(source, work, { recursive: true, filter: (p) => !p.includes(`${path.sep}build${path.sep}`) });
fs.rmSync(path.join(work, 'build'), { recursive: true, force: true });

// node-gyp must fetch Electron's headers, not use the local Node headers an offline .npmrc may point at.
const env = { ...process.env };
for (const key of Object.keys(env)) if (key.toLowerCase() === 'npm_config_nodedir') delete env[key];

function run(cmd, args) {
  const r = spawnSync(cmd, args, { cwd: work, env, stdio: 'inherit', shell: process.platform === 'win32' });
  return r.status === 0;
}

const bin = (name) => path.join(root, 'node_modules', '.bin', process.platform === 'win32' ? `${name}.cmd` : name);
const ok =
  // A published prebuild for this Electron version, when the network allows it…
  run(bin('prebuild-install'), ['--runtime', 'electron', '--target', electronVersion, '--platform', platform, '--arch', arch]) ||
  // …otherwise a source build against Electron's headers.
  (platform === process.platform &&
    run(bin('node-gyp'), ['rebuild', '--release', '--runtime=electron', `--target=${electronVersion}`, `--arch=${arch}`, '--dist-url=https://electronjs.org/headers']));

const built = path.join(work, 'build', 'Release', 'better_sqlite3.node');
if (!ok || !fs.existsSync(built)) {
  console.error(
    'Could not build better-sqlite3 for Electron. It needs network access (Electron headers or a prebuild) ' +
      'and a C++ toolchain (build-essential / Xcode / Visual Studio Build Tools). node_modules was not changed.',
  );
  process.exit(1);
}
fs.mkdirSync(path.dirname(target), { recursive: true });
fs.copyFileSync(built, target);
fs.rmSync(work, { recursive: true, force: true });
console.log(`Electron build of better-sqlite3 ready: ${path.relative(root, target)}`);
