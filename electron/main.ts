// The lifecycle of the app: one instance, the app:// scheme, logging, the backend (database and
// services), IPC, the menu and the main window. Everything else lives in electron/shell/.
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { app, ipcMain, shell, type BrowserWindow, type IpcMainInvokeEvent } from 'electron';
import log from 'electron-log/main';
import type { Settings, ThemeSetting } from '../shared/domain/settings.ts';
import type { MenuCommand } from '../shared/ipc/events.ts';
import type { Backend, BackendOptions } from './backend.ts';
import { registerIpc, registerVaultIpc } from './ipc.ts';
import { configureLog, errorLogger } from './logging.ts';
import { electronNativeBinding } from './native.ts';
import { installSecurity, isAppUrl } from './security.ts';
import { offerRecoveryWhileRunning, startWithRecovery } from './shell/dialogs.ts';
import { sendAppEvent } from './shell/events.ts';
import { fileDialogs } from './shell/file-dialogs.ts';
import { installMenu } from './shell/menu.ts';
import { createExportShell } from './shell/print.ts';
import { registerAppScheme, serveAppProtocol } from './shell/protocol.ts';
import { applyNativeTheme, WINDOW_BACKGROUND } from './shell/theme.ts';
import { createMainWindow, focusWindow } from './shell/window.ts';
import { osKeyStore } from './shell/os-key-store.ts';
import { createVaultGate, type VaultGate } from './vault/gate.ts';
import { APP_ENTRY, devServerUrl } from './url-policy.ts';

// Bundled to dist-electron/main.cjs; the renderer is in dist/, migrations are copied beside main.cjs.
const projectRoot = path.join(__dirname, '..');
// The development server is honoured only in an unpackaged run; an installed app always loads app://.
const devServer = devServerUrl(process.env.TOXINMAP_DEV_SERVER_URL, app.isPackaged);
const appEntry = devServer ?? APP_ENTRY;

let mainWindow: BrowserWindow | null = null;
let backend: Backend | null = null;
let gate: VaultGate | null = null;
let theme: ThemeSetting = 'system';

const logFile = () => path.join(app.getPath('userData'), 'logs', 'main.log');
const logError = errorLogger(log);
const dialogs = fileDialogs(() => mainWindow);

function isTrustedSender(event: IpcMainInvokeEvent): boolean {
  const frame = event.senderFrame;
  return frame !== null && mainWindow !== null && event.sender === mainWindow.webContents && isAppUrl(frame.url, appEntry);
}

function backendOptions(): BackendOptions {
  return {
    dataDirectory: app.getPath('userData'),
    migrationsDir: path.join(__dirname, 'migrations'),
    appVersion: app.getVersion(),
    // Unpackaged (npm start): the Electron-ABI build kept apart from node_modules' Node build.
    ...(app.isPackaged ? {} : { nativeBinding: electronNativeBinding(projectRoot, process.versions.electron) }),
    logError,
    // Export, import and backup run in a worker thread on their own connection (bundled beside main.cjs).
    spawnWorker: (input) => new Worker(path.join(__dirname, 'data-worker.cjs'), { workerData: input }),
    // The page check of a large file runs after start; if it finds damage, writing stops and a backup is offered.
    onDamage: (err) =>
      void offerRecoveryWhileRunning(err, backendOptions(), () => backend?.close(), () => {
        app.relaunch();
        app.exit(0);
      }, logError),
    chooseExportFile: dialogs.chooseExportFile,
    chooseImportFile: dialogs.chooseImportFile,
    chooseBackupFolder: dialogs.chooseBackupFolder,
    onSettingsChanged: applySettings,
    exportShell: createExportShell({
      parent: () => mainWindow,
      onProgress: (stage) => sendAppEvent(mainWindow, 'export:progress', { stage }),
      logError,
    }),
  };
}

/** The theme reaches the native parts and the menu; the page reads the settings itself. */
function applySettings(settings: Settings): void {
  const themeChanged = settings.theme !== theme;
  theme = settings.theme;
  const resolved = applyNativeTheme(theme);
  mainWindow?.setBackgroundColor(WINDOW_BACKGROUND[resolved]);
  if (themeChanged) buildMenu();
}

function buildMenu(): void {
  installMenu({
    platform: process.platform,
    appName: app.getName(),
    isDev: !app.isPackaged,
    theme,
    command: (command: MenuCommand) => sendAppEvent(mainWindow, 'menu:command', { command }),
    setTheme: (next) => {
      void backend?.dispatch('settings:save', { theme: next }).then((result) => {
        if (result.ok) sendAppEvent(mainWindow, 'settings:changed', {});
        else logError('menu theme', new Error(result.error.message));
      });
    },
    openDataFolder: () => void shell.openPath(app.getPath('userData')),
    showAbout: () => app.showAboutPanel(),
  });
}

function openWindow(): BrowserWindow {
  const win = createMainWindow({
    entry: appEntry,
    preload: path.join(__dirname, 'preload.cjs'),
    stateFile: path.join(app.getPath('userData'), 'window-state.json'),
    backgroundColor: WINDOW_BACKGROUND[applyNativeTheme(theme)],
    ...(process.platform === 'linux' ? { icon: path.join(projectRoot, 'dist', 'icon.png') } : {}),
    logError,
  });
  win.on('closed', () => {
    mainWindow = null;
  });
  return win;
}

/** Once the record is open (at start, or after the page unlocked it): the theme, the menu. */
async function afterOpen(opened: Backend): Promise<void> {
  backend = opened;
  const settings = await opened.dispatch('settings:get', {});
  if (settings.ok) theme = (settings.value as Settings).theme;
  applyNativeTheme(theme);
  buildMenu();
}

async function start(): Promise<void> {
  installSecurity(appEntry);
  serveAppProtocol(path.join(projectRoot, 'dist'), logError);
  // The record is encrypted; its key comes from the OS key store, the practice passphrase or the recovery key
  // (electron/vault/). When the OS key store has it, the record opens here, before the window, with the
  // damage dialogs as needed; otherwise the page asks (window.vault) and the record opens from there.
  const { spawnWorker, nativeBinding } = backendOptions();
  gate = createVaultGate({
    dataDirectory: app.getPath('userData'),
    migrationsDir: path.join(__dirname, 'migrations'),
    osStore: osKeyStore(),
    logError,
    // A key change re-encrypts the record and its backups in the data worker.
    ...(spawnWorker ? { spawnWorker } : {}),
    ...(nativeBinding ? { nativeBinding } : {}),
    start: async (databaseKey) => {
      const opened = await startWithRecovery({ ...backendOptions(), databaseKey }, logFile(), logError);
      if (!opened) {
        app.exit(1);
        return null;
      }
      await afterOpen(opened);
      return opened;
    },
  });
  registerIpc(gate.dispatchApp, isTrustedSender);
  registerVaultIpc(gate.dispatchVault, isTrustedSender);
  await gate.begin();
  applyNativeTheme(theme);
  buildMenu();
  mainWindow = openWindow();
}

configureLog(log, { file: logFile(), keepPaths: [app.getPath('userData'), app.getAppPath()], console: !app.isPackaged });
log.errorHandler.startCatching({ showDialog: false });
// electron-log opens an IPC channel for log lines from pages, unchecked; these pages never log to main, so
// the only channels main answers stay the contract's, each validated.
ipcMain.removeAllListeners('__ELECTRON_LOG__');
ipcMain.removeHandler('__ELECTRON_LOG__');
app.setAboutPanelOptions({
  applicationName: app.getName(),
  applicationVersion: app.getVersion(),
  copyright: 'Copyright © 2026 ToxinMap',
  iconPath: path.join(projectRoot, 'dist', 'icon.png'),
});

if (!app.requestSingleInstanceLock()) {
  // A second copy would open the same database file; hand over to the first one instead.
  app.quit();
} else {
  registerAppScheme();
  app.on('second-instance', () => focusWindow(mainWindow));
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('activate', () => {
    if (mainWindow === null && gate !== null) mainWindow = openWindow();
  });
  app.on('will-quit', () => {
    gate?.close();
    backend = null;
  });
  app.whenReady().then(start, (err: unknown) => logError('whenReady', err));
}
