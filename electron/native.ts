import fs from 'node:fs';
import path from 'node:path';

const SQLITE_PACKAGE = 'better-sqlite3-multiple-ciphers';

/**
 * The SQLite binding (better-sqlite3-multiple-ciphers: better-sqlite3 with SQLite3MultipleCiphers inside)
 * is a native module with one ABI per runtime. node_modules keeps the Node build (for the tests); `npm start`
 * builds an Electron build into its own folder (tools/ensure-electron-native.mjs, tools/electron-native-path.mjs)
 * and the app passes it as `nativeBinding`. A packaged app has the Electron build in place instead.
 */
export function electronNativeBinding(projectRoot: string, electronVersion: string): string | undefined {
  const manifest = path.join(projectRoot, 'node_modules', SQLITE_PACKAGE, 'package.json');
  if (!fs.existsSync(manifest)) return undefined;
  const { version } = JSON.parse(fs.readFileSync(manifest, 'utf8')) as { version: string };
  const file = path.join(
    projectRoot,
    '.cache',
    'electron-native',
    `${SQLITE_PACKAGE}-${version}-electron-${electronVersion}-${process.platform}-${process.arch}`,
    'better_sqlite3.node',
  );
  return fs.existsSync(file) ? file : undefined;
}
