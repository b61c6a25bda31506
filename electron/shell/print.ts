// Printing and PDF for the session summary, in a hidden window of its own: the system print dialog
// (webContents.print) and Save as PDF (webContents.printToPDF), the PDF written only where the user
// chose in a save dialog. Everything here is asynchronous, so the main window keeps answering while a
// document renders; each step is reported (progress) so the screen can say what is happening.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { app, BrowserWindow, dialog, session, type SaveDialogOptions, type Session } from 'electron';
import type { ExportStage } from '../../shared/ipc/events.ts';
import { AppError } from '../../shared/ipc/result.ts';
import type { ExportShell, PrintJob, SaveRequest } from '../services/exports.ts';

export interface PrintShellOptions {
  /** The window the dialogs belong to (null while there is none). */
  parent: () => BrowserWindow | null;
  /** Told at each step of a print or PDF export. */
  onProgress?: (stage: ExportStage) => void;
  logError?: (where: string, err: unknown) => void;
}

/** Above this a data: URL is refused by Chromium (2 MB of URL); such a document is loaded from a private temp file. */
const DATA_URL_LIMIT = 1_500_000;
const PARTITION = 'toxinmap-print';
/** A hung render must not hold the export lock forever. */
const LOAD_TIMEOUT_MS = 60_000;

let printSession: Session | null = null;

/**
 * The print windows' own in-memory session: no cookies or storage shared with the app, every permission
 * refused, and no request leaves it but the document itself (the summary has no other resource).
 */
function isolatedSession(): Session {
  if (printSession) return printSession;
  const s = session.fromPartition(PARTITION, { cache: false });
  s.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  s.setPermissionCheckHandler(() => false);
  s.webRequest.onBeforeRequest((details, callback) => {
    const allowed = details.url.startsWith('data:text/html') || details.url.startsWith('file:') || details.url === 'about:blank';
    callback({ cancel: !allowed });
  });
  printSession = s;
  return s;
}

/** Letter where it is the usual paper (the US, Canada, Mexico, the Philippines); A4 everywhere else. */
function pageSize(): 'Letter' | 'A4' {
  return ['US', 'CA', 'MX', 'PH'].includes(app.getLocaleCountryCode()) ? 'Letter' : 'A4';
}

function withTimeout<T>(promise: Promise<T>, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new AppError('INTERNAL', `${what} took longer than a minute and was stopped. Nothing was saved.`)), LOAD_TIMEOUT_MS);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** A new print window costs about half a second; one kept for a minute makes the next export quicker. */
const IDLE_MS = 60_000;
let idle: { win: BrowserWindow; timer: NodeJS.Timeout; release: () => void } | null = null;

function newPrintWindow(parent: BrowserWindow | null, title: string): BrowserWindow {
  return new BrowserWindow({
    show: false,
    width: 900,
    height: 1200,
    title,
    ...(parent ? { parent } : {}),
    webPreferences: {
      session: isolatedSession(),
      javascript: false,
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      webSecurity: true,
      webviewTag: false,
      spellcheck: false,
    },
  });
}

function takeWindow(parent: BrowserWindow | null, title: string): BrowserWindow {
  const kept = idle;
  idle = null;
  if (kept) {
    clearTimeout(kept.timer);
    kept.release();
  }
  if (kept && !kept.win.isDestroyed()) {
    kept.win.setParentWindow(parent);
    kept.win.setTitle(title);
    return kept.win;
  }
  return newPrintWindow(parent, title);
}

/** Keeps the window for the next export, emptied of the document; gone after a minute, or with its parent. */
function giveBack(win: BrowserWindow, parent: BrowserWindow | null): void {
  if (win.isDestroyed()) return;
  // The patient's document does not stay in memory: the window shows a blank page until it is used again.
  win.loadURL('about:blank').catch(() => undefined);
  const destroy = () => {
    if (idle?.win === win) idle = null;
    if (!win.isDestroyed()) win.destroy();
  };
  // A hidden window would keep the app running after the last visible window closed.
  parent?.once('closed', destroy);
  const release = () => {
    if (parent && !parent.isDestroyed()) parent.removeListener('closed', destroy);
  };
  idle = { win, timer: setTimeout(() => (release(), destroy()), IDLE_MS), release };
}

/**
 * Loads the document into a hidden window with scripts off and runs `use` on it. Afterwards the window is
 * kept blank for the next export (or destroyed after a failure), and a temp file, when one was needed, is gone.
 */
async function withDocument<T>(html: string, job: PrintJob, parent: BrowserWindow | null, use: (win: BrowserWindow) => Promise<T>): Promise<T> {
  const win = takeWindow(parent, job.title);
  let tempDir: string | null = null;
  let ok = false;
  try {
    const bytes = Buffer.from(html, 'utf8');
    if (bytes.length <= DATA_URL_LIMIT) {
      await withTimeout(win.loadURL(`data:text/html;charset=utf-8;base64,${bytes.toString('base64')}`), 'Preparing the document');
    } else {
      // Patient data on disk only for as long as the window reads it, readable by this user only.
      tempDir = fs.mkdtempSync(path.join(app.getPath('temp') || os.tmpdir(), 'toxinmap-print-'));
      const file = path.join(tempDir, 'summary.html');
      fs.writeFileSync(file, bytes, { mode: 0o600 });
      await withTimeout(win.loadFile(file), 'Preparing the document');
    }
    const result = await use(win);
    ok = true;
    return result;
  } finally {
    if (ok) giveBack(win, parent);
    else if (!win.isDestroyed()) win.destroy();
    if (tempDir) fs.rmSync(tempDir, { recursive: true, force: true });
  }
}

function printDocument(win: BrowserWindow): Promise<boolean> {
  return new Promise((resolve, reject) => {
    win.webContents.print({ silent: false, printBackground: true }, (success, failureReason) => {
      if (success) resolve(true);
      else if (/cancel/i.test(failureReason)) resolve(false);
      else if (/no valid printers/i.test(failureReason)) {
        reject(new AppError('CONFLICT', 'No printer is set up on this computer. Use Save as PDF instead, or add a printer and try again.'));
      } else reject(new AppError('INTERNAL', `The summary could not be printed (${failureReason}). Nothing was lost; try again or save it as PDF.`));
    });
  });
}

export function createExportShell(options: PrintShellOptions): ExportShell {
  const progress = (stage: ExportStage) => {
    try {
      options.onProgress?.(stage);
    } catch (err) {
      options.logError?.('export progress', err);
    }
  };
  /** Every step reported, and the end reported whatever happens. */
  const tracked = async <T>(task: () => Promise<T>): Promise<T> => {
    progress('preparing');
    try {
      const result = await task();
      progress('done');
      return result;
    } catch (err) {
      progress('failed');
      throw err;
    }
  };

  return {
    async chooseSaveFile(request: SaveRequest): Promise<string | null> {
      const dialogOptions: SaveDialogOptions = {
        title: request.title,
        defaultPath: path.join(app.getPath('documents'), request.defaultName),
        filters: request.filters,
        properties: ['createDirectory', 'showOverwriteConfirmation'],
      };
      const parent = options.parent();
      const result = parent ? await dialog.showSaveDialog(parent, dialogOptions) : await dialog.showSaveDialog(dialogOptions);
      return result.canceled || !result.filePath ? null : result.filePath;
    },

    print(html: string, job: PrintJob): Promise<boolean> {
      return tracked(() =>
        withDocument(html, job, options.parent(), async (win) => {
          progress('printing');
          return printDocument(win);
        }),
      );
    },

    toPdf(html: string, job: PrintJob): Promise<Uint8Array> {
      return tracked(() =>
        withDocument(html, job, options.parent(), async (win) => {
          progress('rendering');
          // The document's own margins and page footers (CSS @page) are used; Chromium adds none of its own.
          const pdf = await withTimeout(
            win.webContents.printToPDF({ printBackground: true, pageSize: pageSize(), preferCSSPageSize: true, displayHeaderFooter: false, generateDocumentOutline: true }),
            'Rendering the PDF',
          );
          progress('writing');
          return pdf;
        }),
      );
    },
  };
}
