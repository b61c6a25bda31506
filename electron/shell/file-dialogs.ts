// The files and folders the user picks for an export, an import or a backup copy are chosen here, in
// main, with the system's dialogs: the renderer never names a path the app reads or writes.
import path from 'node:path';
import { app, dialog, type BrowserWindow, type OpenDialogOptions, type SaveDialogOptions } from 'electron';

type WindowRef = () => BrowserWindow | null;

export function fileDialogs(getWindow: WindowRef) {
  const save = (options: SaveDialogOptions) => {
    const win = getWindow();
    return win ? dialog.showSaveDialog(win, options) : dialog.showSaveDialog(options);
  };
  const open = (options: OpenDialogOptions) => {
    const win = getWindow();
    return win ? dialog.showOpenDialog(win, options) : dialog.showOpenDialog(options);
  };
  return {
    /** kind 'encrypted': the passphrase-protected archive (docs/encrypted-export.md); 'json': the plain file. */
    async chooseExportFile(kind: 'json' | 'encrypted' = 'json'): Promise<string | null> {
      const day = new Date().toISOString().slice(0, 10);
      const encrypted = kind === 'encrypted';
      const result = await save({
        title: encrypted ? 'Export all ToxinMap data as an encrypted archive' : 'Export all ToxinMap data (NOT encrypted)',
        defaultPath: path.join(app.getPath('documents'), encrypted ? `toxinmap-${day}.toxinmap-export.enc` : `toxinmap-export-${day}.json`),
        filters: [encrypted ? { name: 'ToxinMap encrypted archive', extensions: ['enc'] } : { name: 'ToxinMap export (plain JSON)', extensions: ['json'] }],
      });
      return result.canceled || !result.filePath ? null : result.filePath;
    },
    async chooseImportFile(): Promise<string | null> {
      const result = await open({
        title: 'Import a ToxinMap export',
        properties: ['openFile'],
        // An encrypted archive is told from plain JSON by its first bytes, whatever its name.
        filters: [{ name: 'ToxinMap export', extensions: ['enc', 'json'] }],
      });
      return result.canceled ? null : (result.filePaths[0] ?? null);
    },
    async chooseBackupFolder(): Promise<string | null> {
      const result = await open({
        title: 'Copy every backup to this folder',
        buttonLabel: 'Use this folder',
        properties: ['openDirectory', 'createDirectory'],
      });
      return result.canceled ? null : (result.filePaths[0] ?? null);
    },
  };
}
