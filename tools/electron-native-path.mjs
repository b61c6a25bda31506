import fs from 'node:fs';
import path from 'node:path';

export const SQLITE_PACKAGE = 'better-sqlite3-multiple-ciphers';

/**
 * Where the Electron-ABI build of the SQLite binding lives; must match electron/native.ts. The
 * binding's own version is part of the name, so a new version (or a new package) is built afresh.
 */
export function electronNativeDir(root, electronVersion, platform = process.platform, arch = process.arch) {
  const version = JSON.parse(fs.readFileSync(path.join(root, 'node_modules', SQLITE_PACKAGE, 'package.json'), 'utf8')).version;
  return path.join(root, '.cache', 'electron-native', `${SQLITE_PACKAGE}-${version}-electron-${electronVersion}-${platform}-${arch}`);
}
