import fs from 'node:fs';
import path from 'node:path';

/**
 * better-sqlite3 is a native module with one ABI per runtime. node_modules keeps the Node build
 * (for the tests); `npm start` builds an Electron build into its own folder (tools/ensure-electron-native.mjs)
 * and the app passes it as `nativeBinding`. A packaged app has the Electron build in place instead.
 */
export function electronNativeBinding(projectRoot: string, electronVersion: string): string | undefined {
  const file = path.join(
    projectRoot,
    '.cache',
    'electron-native',
    `electron-${electronVersion}-${process.platform}-${process.arch}`,
    'better_sqlite3.node',
  );
  return fs.existsSync(file) ? file : undefined;
}
