import path from 'node:path';

/** Where the Electron-ABI build of better-sqlite3 lives; must match electron/native.ts. */
export function electronNativeDir(root, electronVersion, platform = process.platform, arch = process.arch) {
  return path.join(root, '.cache', 'electron-native', `electron-${electronVersion}-${platform}-${arch}`);
}
