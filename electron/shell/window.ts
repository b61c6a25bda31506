// The main window: sandboxed, its size, position and maximised state remembered per computer and
// restored only where a display still shows it (window-bounds.ts).
import { BrowserWindow, screen } from 'electron';
import { restoreWindowState, type WindowState } from './window-bounds.ts';
import { readWindowState, writeWindowState } from './window-state-file.ts';

export interface MainWindowOptions {
  entry: URL;
  preload: string;
  /** userData/window-state.json */
  stateFile: string;
  backgroundColor: string;
  /** The window icon on Linux (Windows and macOS take it from the executable). */
  icon?: string;
  logError: (where: string, err: unknown) => void;
}

const SIZE = { width: 1400, height: 900, minWidth: 1024, minHeight: 700 };

export function createMainWindow(options: MainWindowOptions): BrowserWindow {
  const state = restoreWindowState(readWindowState(options.stateFile), screen.getAllDisplays(), screen.getPrimaryDisplay(), SIZE);
  const win = new BrowserWindow({
    ...state.bounds,
    minWidth: SIZE.minWidth,
    minHeight: SIZE.minHeight,
    show: false,
    title: 'ToxinMap',
    backgroundColor: options.backgroundColor,
    ...(options.icon ? { icon: options.icon } : {}),
    webPreferences: {
      preload: options.preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      // Middle-click would open links in a new window; new windows are refused anyway (security.ts).
      disableBlinkFeatures: 'Auxclick',
      spellcheck: false,
    },
  });
  if (state.maximized) win.maximize();
  if (state.fullScreen) win.setFullScreen(true);
  win.once('ready-to-show', () => win.show());

  const save = () => {
    if (win.isDestroyed()) return;
    const current: WindowState = { bounds: win.getNormalBounds(), maximized: win.isMaximized(), fullScreen: win.isFullScreen() };
    try {
      writeWindowState(options.stateFile, current);
    } catch (err) {
      options.logError('window state', err);
    }
  };
  // Saved a moment after each move or resize (a crash keeps the last place) and when closing.
  let timer: NodeJS.Timeout | null = null;
  const later = () => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(save, 750);
  };
  for (const event of ['resize', 'move', 'maximize', 'unmaximize', 'enter-full-screen', 'leave-full-screen'] as const) {
    win.on(event as 'resize', later);
  }
  win.on('close', () => {
    if (timer) clearTimeout(timer);
    save();
  });
  void win.loadURL(options.entry.href);
  return win;
}

/** A second launch hands over to the running copy: its window comes to the front. */
export function focusWindow(win: BrowserWindow | null): void {
  if (!win || win.isDestroyed()) return;
  if (win.isMinimized()) win.restore();
  if (!win.isVisible()) win.show();
  win.focus();
}
