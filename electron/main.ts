import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { app, BrowserWindow, dialog, Menu, type IpcMainInvokeEvent, type OpenDialogOptions, type SaveDialogOptions } from 'electron';
import { type Backend, type BackendOptions } from './backend.ts';
import { registerIpc } from './ipc.ts';
import { electronNativeBinding } from './native.ts';
import { installSecurity, isAppUrl } from './security.ts';
import { startWithRecovery } from './shell/dialogs.ts';
import { createExportShell } from './shell/print.ts';
import { eventChannel } from '../shared/ipc/events.ts';

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
  // No menu bar on Windows and Linux. macOS needs an application menu with an Edit menu, or copy,
  // paste and undo shortcuts stop working in text fields.
  if (process.platform === 'darwin') {
    Menu.setApplicationMenu(Menu.buildFromTemplate([{ role: 'appMenu' }, { role: 'editMenu' }, { role: 'windowMenu' }]));
  } else {
    win.removeMenu();
  }
  win.once('ready-to-show', () => win.show());
  win.on('closed', () => {
    mainWindow = null;
  });
  void win.loadURL(appEntry.href);
  return win;
}

function backendOptions(): BackendOptions {
  return {
    dataDirectory: app.getPath('userData'),
    migrationsDir: path.join(__dirname, 'migrations'),
    appVersion: app.getVersion(),
    // Unpackaged (npm start): the Electron-ABI build kept apart from node_modules' Node build.
    ...(app.isPackaged ? {} : { nativeBinding: electronNativeBinding(projectRoot, process.versions.electron) }),
    logError: (channel, err) => logError(channel, err),
    chooseExportFile,
    chooseImportFile,
    exportShell: createExportShell({
      parent: () => mainWindow,
      onProgress: (stage) => mainWindow?.webContents.send(eventChannel('export:progress'), { stage }),
      logError,
    }),
  };
}

// The paths of a full export and import are chosen here, in main, never sent by the renderer.
async function chooseExportFile(): Promise<string | null> {
  const day = new Date().toISOString().slice(0, 10);
  const options: SaveDialogOptions = {
    title: 'Export all ToxinMap data',
    defaultPath: path.join(app.getPath('documents'), `toxinmap-export-${day}.json`),
    filters: [{ name: 'ToxinMap export', extensions: ['json'] }],
  };
  const result = mainWindow ? await dialog.showSaveDialog(mainWindow, options) : await dialog.showSaveDialog(options);
  return result.canceled || !result.filePath ? null : result.filePath;
}

async function chooseImportFile(): Promise<string | null> {
  const options: OpenDialogOptions = {
    title: 'Import a ToxinMap export',
    properties: ['openFile'],
    filters: [{ name: 'ToxinMap export', extensions: ['json'] }],
  };
  const result = mainWindow ? await dialog.showOpenDialog(mainWindow, options) : await dialog.showOpenDialog(options);
  return result.canceled ? null : (result.filePaths[0] ?? null);
}

async function start(): Promise<void> {
  installSecurity(appEntry);
  backend = await startWithRecovery(backendOptions(), logFile(), logError);
  if (!backend) {
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
