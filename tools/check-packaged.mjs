// Checks the offline package made by `npm run dist:check`: the app, its migrations and the native
// SQLite binding are where the packaged app will look for them; the icons are there; and the fuses of
// the packaged Electron binary (the stub's wire, flipped by electron-builder) are set as required.
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { FuseState, FuseV1Options, getCurrentFuseWire } from '@electron/fuses';

const require = createRequire(import.meta.url);
const asar = require('@electron/asar');
const pkg = JSON.parse(fs.readFileSync('package.json', 'utf8'));
const unpacked = 'release-check/linux-unpacked';
const base = path.join(unpacked, 'resources');
const problems = [];

// What app.asar holds.
const files = new Set(asar.listPackage(path.join(base, 'app.asar')).map((f) => f.replaceAll('\\', '/')));
const expected = [
  '/package.json',
  '/dist/index.html',
  '/dist/icon.png',
  '/dist-electron/main.cjs',
  '/dist-electron/preload.cjs',
  '/dist-electron/data-worker.cjs',
  '/dist-electron/migrations/0010-initial.sql',
  '/node_modules/better-sqlite3-multiple-ciphers/package.json',
];
for (const f of expected) if (!files.has(f)) problems.push(`missing from app.asar: ${f}`);
const binding = path.join(base, 'app.asar.unpacked/node_modules/better-sqlite3-multiple-ciphers/build/Release/better_sqlite3.node');
if (!fs.existsSync(binding)) problems.push(`missing: ${binding}`);
// main.cjs, the data worker and the preload are bundled: the only package loaded from node_modules at run
// time is the native SQLite binding, with what it needs. Anything else packed is dead weight to ship and audit.
function runtimeClosure(names, seen = new Set()) {
  for (const name of names) {
    if (seen.has(name)) continue;
    seen.add(name);
    const manifest = path.join('node_modules', name, 'package.json');
    if (fs.existsSync(manifest)) runtimeClosure(Object.keys(JSON.parse(fs.readFileSync(manifest, 'utf8')).dependencies ?? {}), seen);
  }
  return seen;
}
const allowed = runtimeClosure(Object.keys(pkg.dependencies ?? {}));
const packed = new Set([...files].map((f) => /^\/node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(f)?.[1]).filter(Boolean));
const extra = [...packed].filter((name) => !allowed.has(name));
if (extra.length > 0) problems.push(`packed but not needed at run time (bundled, or a dev tool): ${extra.slice(0, 8).join(', ')}`);
if (Object.keys(pkg.dependencies ?? {}).join() !== 'better-sqlite3-multiple-ciphers') {
  problems.push(`package.json dependencies should be better-sqlite3-multiple-ciphers only (the rest is bundled): ${Object.keys(pkg.dependencies ?? {}).join(', ')}`);
}
const packedPkg = JSON.parse(asar.extractFile(path.join(base, 'app.asar'), 'package.json').toString('utf8'));
if (packedPkg.productName !== pkg.productName || packedPkg.version !== pkg.version) {
  problems.push(`packaged name/version ${packedPkg.productName} ${packedPkg.version}, package.json says ${pkg.productName} ${pkg.version}`);
}

// Icons, rendered from resources/icon.svg by tools/build-icons.mjs.
function pngSize(file) {
  const b = fs.readFileSync(file);
  if (b.subarray(1, 4).toString('latin1') !== 'PNG') return null;
  return { width: b.readUInt32BE(16), height: b.readUInt32BE(20) };
}
const magic = (file, bytes) => fs.existsSync(file) && fs.readFileSync(file).subarray(0, bytes.length).equals(Buffer.from(bytes));
const master = fs.existsSync('resources/build/icon.png') ? pngSize('resources/build/icon.png') : null;
if (master?.width !== 1024 || master?.height !== 1024) problems.push('resources/build/icon.png is not a 1024×1024 PNG (npm run icons)');
for (const size of [16, 32, 48, 128, 256, 512]) {
  const s = fs.existsSync(`resources/build/icons/${size}x${size}.png`) ? pngSize(`resources/build/icons/${size}x${size}.png`) : null;
  if (s?.width !== size) problems.push(`resources/build/icons/${size}x${size}.png missing or not ${size} px`);
}
if (!magic('resources/build/icon.ico', [0, 0, 1, 0])) problems.push('resources/build/icon.ico is missing or not an ICO');
if (!magic('resources/build/icon.icns', [...Buffer.from('icns')])) problems.push('resources/build/icon.icns is missing or not an ICNS');

// Fuses: every one of them set as electron-builder.yml asks (an "inherit" from the binary counts as wrong).
const REQUIRED = {
  RunAsNode: false,
  EnableCookieEncryption: true,
  EnableNodeOptionsEnvironmentVariable: false,
  EnableNodeCliInspectArguments: false,
  EnableEmbeddedAsarIntegrityValidation: true,
  OnlyLoadAppFromAsar: true,
  LoadBrowserProcessSpecificV8Snapshot: false,
  GrantFileProtocolExtraPrivileges: false,
};
const executable = path.join(unpacked, pkg.name);
let fuseSummary = '';
try {
  const wire = await getCurrentFuseWire(executable);
  const wrong = Object.entries(REQUIRED).filter(([name, on]) => wire[FuseV1Options[name]] !== (on ? FuseState.ENABLE : FuseState.DISABLE));
  for (const [name, on] of wrong) problems.push(`fuse ${name} should be ${on ? 'on' : 'off'}, the packaged binary has state ${wire[FuseV1Options[name]]}`);
  fuseSummary = `, ${Object.keys(REQUIRED).length} fuses as required`;
} catch (err) {
  problems.push(`fuses of ${executable} could not be read: ${err.message}`);
}

if (problems.length > 0) {
  console.error(`package check failed:\n  ${problems.join('\n  ')}`);
  process.exit(1);
}
console.log(`package check passed: ${files.size} entries in app.asar, native binding unpacked, icons present${fuseSummary}`);
