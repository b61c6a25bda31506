import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { app, BrowserWindow, dialog, type IpcMainInvokeEvent } from 'electron';
import { startBackend, type Backend } from './backend.ts';
import { NewerDatabaseError } from './db/migrate.ts';
import { registerIpc } from './ipc.ts';
import { electronNativeBinding } from './native.ts';
import { installSecurity, isAppUrl } from './security.ts';

// Bundled to dist-electron/main.cjs; the renderer is in dist/, migrations are copied beside main.cjs.
const projectRoot = path.join(__dirname, '..');
const devServerUrl = process.env.TOXINMAP_DEV_SERVER_URL;
const appEntry = devServerUrl ? new URL(devServerUrl) : pathToFileURL(path.join(projectRoot, 'dist', 'index.html'));

let mainWindow: BrowserWindow | null = null;
let backend: Backend | null = null;

function logFile(): string {
  return path.join(app.getPath('userData'), 'logs', 'main.log');
}

function logError(where: string, err: unknown): void {
  const line = `${new Date().toISOString()} ${where}: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`;
  try {
    fs.mkdirSync(path.dirname(logFile()), { recursive: true });
    fs.appendFileSync(logFile(), line);
  } catch {
    process.stderr.write(line);
  }
}

function isTrustedSender(event: IpcMainInvokeEvent): boolean {
  const frame = event.senderFrame;
  return (
    frame !== null && mainWindow !== null && event.sender === mainWindow.webContents && isAppUrl(frame.url, appEntry)
  );
}

function createWindow(): BrowserWindow {
  const win = new BrowserWindow({
    width: 1400,
    height: 900,
    minWidth: 1024,
    minHeight: 700,
    show: false,
    title: 'ToxinMap',
    backgroundColor: '#f4f6f8',
    webPreferences: {
      preload: path.join(__dirname, 'preload.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      webviewTag: false,
      spellcheck: false,
    },
  });
  win.removeMenu();
  win.once('ready-to-show', () => win.show());
  win.on('closed', () => {
    mainWindow = null;
  });
  void win.loadURL(appEntry.href);
  return win;
}

async function start(): Promise<void> {
  installSecurity(appEntry);
  try {
    backend = await startBackend({
      dataDirectory: app.getPath('userData'),
      migrationsDir: path.join(__dirname, 'migrations'),
      appVersion: app.getVersion(),
      // Unpackaged (npm start): the Electron-ABI build kept apart from node_modules' Node build.
      ...(app.isPackaged ? {} : { nativeBinding: electronNativeBinding(projectRoot, process.versions.electron) }),
      logError: (channel, err) => logError(channel, err),
    });
  } catch (err) {
    logError('startBackend', err);
    const detail =
      err instanceof NewerDatabaseError
        ? err.message
        : `The patient database could not be opened: ${(err as Error).message}\n\nNothing was changed. Details are in ${logFile()}.`;
    dialog.showErrorBox('ToxinMap cannot open its database', detail);
    app.exit(1);
    return;
  }
  registerIpc(backend.dispatch, isTrustedSender);
  mainWindow = createWindow();
}

if (!app.requestSingleInstanceLock()) {
  // A second copy would open the same database file; hand over to the first one instead.
  app.quit();
} else {
  app.on('second-instance', () => {
    if (mainWindow) {
      if (mainWindow.isMinimized()) mainWindow.restore();
      mainWindow.focus();
    }
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('activate', () => {
    if (mainWindow === null && backend !== null) mainWindow = createWindow();
  });
  app.on('will-quit', () => {
    backend?.close();
    backend = null;
  });
  app.whenReady().then(start, (err: unknown) => logError('whenReady', err));
}
