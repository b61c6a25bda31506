// The dialogs at start when the database cannot be used as it is: damaged, missing or empty while
// backups show there was a record. Each says plainly what happened and offers the newest good backup;
// the damaged file is always kept (replaced/), never deleted. Starting on a new, empty database while
// backups exist is possible only as an explicit, confirmed choice.
import path from 'node:path';
import { dialog } from 'electron';
import { startBackend, type Backend, type BackendOptions } from '../backend.ts';
import { dataPaths, replaceWithBackup } from '../db/backup.ts';
import { LockedDatabaseError } from '../db/cipher.ts';
import { DamagedDatabaseError } from '../db/integrity.ts';
import { NewerDatabaseError } from '../db/migrate.ts';

function formatWhen(iso: string): string {
  return new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

const HEADLINE: Record<DamagedDatabaseError['reason'], string> = {
  damaged: 'The patient database is damaged and cannot be opened.',
  missing: 'The patient database file is missing.',
  empty: 'The patient database file is empty.',
};

async function confirmEmptyStart(backupDir: string): Promise<boolean> {
  const { response } = await dialog.showMessageBox({
    type: 'warning',
    title: 'ToxinMap',
    message: 'Start with a new, empty database?',
    detail:
      'No patients, sessions or signatures will be shown. Your backups are not deleted: they stay in ' +
      `${backupDir} and can be restored later from Settings.`,
    buttons: ['Go back', 'Start with an empty database'],
    defaultId: 0,
    cancelId: 0,
    noLink: true,
  });
  return response === 1;
}

/**
 * Asks what to do about a database that cannot be used as it is. Returns the options to start again
 * with after the user's choice (a backup was put in place, or an empty start was confirmed), or null
 * when the user quits (or nothing can be done).
 */
async function offerRecovery(err: DamagedDatabaseError, options: BackendOptions, logFile: string, log: (where: string, e: unknown) => void): Promise<BackendOptions | null> {
  const backup = err.latestBackup;
  const paths = dataPaths(options.dataDirectory);
  const kept = path.join(path.dirname(err.file), 'replaced');
  const canStartEmpty = err.reason !== 'damaged';
  if (!backup && !canStartEmpty) {
    dialog.showErrorBox(
      'ToxinMap: the patient database is damaged',
      `${HEADLINE[err.reason]}\n${err.detail.charAt(0).toUpperCase()}${err.detail.slice(1)}.\n\nThere is no usable backup to restore. The file has been kept, not deleted: ${err.file}\n\n` +
        `Do not delete it. Contact support; details are in ${logFile}.`,
    );
    return null;
  }
  const buttons = [
    ...(backup ? [`Restore latest backup (${formatWhen(backup.createdAt)})`] : []),
    ...(canStartEmpty ? ['Start with an empty database…'] : []),
    'Quit',
  ];
  const { response } = await dialog.showMessageBox({
    type: 'error',
    title: 'ToxinMap',
    message: HEADLINE[err.reason],
    detail:
      `${err.detail.charAt(0).toUpperCase()}${err.detail.slice(1)}.\n\n` +
      (backup
        ? `The latest good backup is from ${formatWhen(backup.createdAt)}. Restoring it brings back the records as they were then; ` +
          'anything entered after that time will be missing from the restored database.\n\n'
        : 'No usable backup was found.\n\n') +
      (err.reason === 'missing' ? '' : `The current file will be kept (not deleted) in ${kept}.`),
    buttons,
    defaultId: 0,
    cancelId: buttons.length - 1,
    noLink: true,
  });
  const choice = buttons[response] ?? 'Quit';
  if (choice.startsWith('Restore') && backup) {
    const restored = replaceWithBackup(paths, backup.name, new Date(), options.migrationsDir);
    log('restore at start', new Error(`restored ${restored.restoredFrom}; replaced file kept at ${restored.replacedFileKeptAt ?? '(none)'}`));
    return options;
  }
  if (choice.startsWith('Start with an empty') && (await confirmEmptyStart(paths.backupDir))) {
    log('start', new Error('the user chose to start with a new, empty database although backups exist'));
    return { ...options, allowNewDatabase: true };
  }
  return null;
}

/**
 * Starts the backend, leading the user through the recovery dialogs when needed (up to three rounds: a
 * restored backup is checked again like any file). Shows what start did on its own (a restore finished,
 * a -wal set aside). Returns null when the app should quit.
 */
export async function startWithRecovery(options: BackendOptions, logFile: string, log: (where: string, e: unknown) => void): Promise<Backend | null> {
  let backend: Backend | null = null;
  let next: BackendOptions | null = options;
  try {
    for (let round = 0; round < 3 && !backend && next; round++) {
      try {
        backend = await startBackend(next);
      } catch (err) {
        if (!(err instanceof DamagedDatabaseError)) throw err;
        log('startBackend', err);
        next = await offerRecovery(err, next, logFile, log);
      }
    }
    if (!backend) return null;
  } catch (err) {
    // Not damage: the key is not this record's. The vault gate asks for the recovery key (electron/vault/gate.ts).
    if (err instanceof LockedDatabaseError) throw err;
    log('startBackend', err);
    const detail =
      err instanceof NewerDatabaseError
        ? err.message
        : `The patient database could not be opened: ${(err as Error).message}\n\nNothing was deleted. Details are in ${logFile}.`;
    dialog.showErrorBox('ToxinMap cannot open its database', detail);
    return null;
  }
  if (backend && backend.notices.length > 0) {
    await dialog.showMessageBox({
      type: 'info',
      title: 'ToxinMap',
      message: 'ToxinMap tidied up after an interruption.',
      detail: backend.notices.map((n) => n.message).join('\n\n'),
      buttons: ['OK'],
      noLink: true,
    });
  }
  const problems = backend?.trust.status().problems ?? [];
  if (problems.length > 0) {
    await dialog.showMessageBox({
      type: 'warning',
      title: 'ToxinMap',
      message: 'The record was changed outside ToxinMap.',
      detail:
        `${problems.slice(0, 8).map((p) => `• ${p.where} ${p.detail}`).join('\n')}` +
        `${problems.length > 8 ? `\n…and ${problems.length - 8} more (Settings → Data and backups).` : ''}\n\n` +
        'Do not rely on the sessions named until they are checked: restore a backup from before the change, or contact support.',
      buttons: ['Open ToxinMap'],
      noLink: true,
    });
  }
  return backend;
}

/**
 * The page check that runs after start (large files) found damage: writing has already stopped. Say so
 * and offer the newest good backup; restoring closes the database, puts the backup in place (the damaged
 * file kept in replaced/) and restarts the app.
 */
export async function offerRecoveryWhileRunning(
  err: DamagedDatabaseError,
  options: BackendOptions,
  closeBackend: () => void,
  restart: () => void,
  log: (where: string, e: unknown) => void,
): Promise<void> {
  const backup = err.latestBackup;
  const buttons = [...(backup ? [`Restore latest backup (${formatWhen(backup.createdAt)}) and restart`] : []), 'Keep reading (nothing more is saved)'];
  const { response } = await dialog.showMessageBox({
    type: 'error',
    title: 'ToxinMap',
    message: 'The patient database was found damaged.',
    detail:
      `${err.detail.charAt(0).toUpperCase()}${err.detail.slice(1)}.\n\nNothing more is saved to this file; what was saved before is kept in it. ` +
      (backup
        ? `The latest good backup is from ${formatWhen(backup.createdAt)}; anything entered after that time will be missing from it. The damaged file is kept in ${path.join(path.dirname(err.file), 'replaced')}.`
        : 'No usable backup was found. Do not delete the file; contact support.'),
    buttons,
    defaultId: 0,
    cancelId: buttons.length - 1,
    noLink: true,
  });
  if (!backup || response !== 0) return;
  closeBackend();
  const restored = replaceWithBackup(dataPaths(options.dataDirectory), backup.name, new Date(), options.migrationsDir);
  log('restore after damage', new Error(`restored ${restored.restoredFrom}; damaged file kept at ${restored.replacedFileKeptAt ?? '(none)'}`));
  restart();
}
