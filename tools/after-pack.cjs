// electron-builder afterPack hook: put the Electron-ABI SQLite binding (better-sqlite3-multiple-ciphers) into the packaged app.
const fs = require('node:fs');
const path = require('node:path');

const ARCHS = { 0: 'ia32', 1: 'x64', 2: 'armv7l', 3: 'arm64', 4: 'universal' };

exports.default = async function afterPack(context) {
  const root = context.packager.projectDir;
  const electronVersion = context.packager.config.electronVersion ?? require(path.join(root, 'node_modules/electron/package.json')).version;
  // Node's names: linux, win32, darwin (mas builds are darwin too).
  const platform = context.electronPlatformName === 'mas' ? 'darwin' : context.electronPlatformName;
  const arch = ARCHS[context.arch] ?? String(context.arch);
  // Same folder as tools/electron-native-path.mjs (an ES module, so spelled out here).
  const pkg = 'better-sqlite3-multiple-ciphers';
  const version = require(path.join(root, 'node_modules', pkg, 'package.json')).version;
  const source = path.join(root, '.cache', 'electron-native', `${pkg}-${version}-electron-${electronVersion}-${platform}-${arch}`, 'better_sqlite3.node');
  const resources =
    platform === 'darwin'
      ? path.join(context.appOutDir, `${context.packager.appInfo.productFilename}.app`, 'Contents', 'Resources')
      : path.join(context.appOutDir, 'resources');
  const dest = path.join(resources, 'app.asar.unpacked', 'node_modules', 'better-sqlite3-multiple-ciphers', 'build', 'Release', 'better_sqlite3.node');
  if (!fs.existsSync(source)) {
    if (process.env.TOXINMAP_PACKAGE_CHECK === '1') {
      console.log(`  • package check: no Electron build of better-sqlite3-multiple-ciphers for ${platform}-${arch}; keeping the Node build`);
      return;
    }
    throw new Error(
      `No Electron build of better-sqlite3-multiple-ciphers for ${platform}-${arch}. Run: node tools/ensure-electron-native.mjs --platform ${platform} --arch ${arch}`,
    );
  }
  fs.mkdirSync(path.dirname(dest), { recursive: true });
  fs.copyFileSync(source, dest);
  console.log(`  • copied Electron build of better-sqlite3-multiple-ciphers (${platform}-${arch}) into the package`);
};
