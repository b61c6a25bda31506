// The long file operations (full export, import, backup), each on its own connection to the database
// file so they can run in a worker thread and the window never freezes. The same functions run
// in-process when no worker is available (tests that do not care, the benchmark).
import type Database from 'better-sqlite3-multiple-ciphers';
import type { BackupInfo } from '../../shared/domain/types.ts';
import { createBackup, dataPaths, type BackupKind } from '../db/backup.ts';
import { reencryptRecord, type KeyChangeOutcome } from '../db/rekey-record.ts';
import { checkIntegrity, type IntegrityResult } from '../db/integrity.ts';
import { openDatabase } from '../db/open.ts';
import { openSqlite, setDatabaseKey, setNativeBinding } from '../db/sqlite.ts';
import { prepareIncoming } from '../db/recovery.ts';
import { verifyEverything, type TrustResult } from '../trust/verify.ts';
import { writeExportFile } from '../export/archive.ts';
import type { ImportCounts } from '../export/importer.ts';
import { importExportFile } from '../export/read-export.ts';

export interface TaskProgress {
  phase: string;
  done: number;
  total: number;
}

interface Common {
  databaseFile: string;
  migrationsDir: string;
  nativeBinding?: string;
  /** The database key in hex, handed to a worker thread in memory only (run-task.ts adds it); never logged. */
  databaseKey?: string;
}

export type TaskInput =
  /** passphrase: write an encrypted archive (in memory only, like the key; never logged). */
  | (Common & { task: 'export'; file: string; appVersion: string; exportedAt: string; passphrase?: string })
  /** passphrase: the archive's, when the file is an encrypted archive. */
  | (Common & { task: 'import'; file: string; author: string; passphrase?: string })
  | (Common & { task: 'backup'; backupDir: string; kind: BackupKind; at: string; retention?: number })
  | (Common & { task: 'check' })
  | (Common & { task: 'verify' })
  | (Common & { task: 'restore-prepare'; backupPath: string; dataDirectory: string; backupDir: string; replacedDir: string })
  /** The record's files re-encrypted from one key to another (keys in hex, in memory only, like databaseKey). */
  | (Common & { task: 'rekey'; dataDirectory: string; secondFolder: string | null; from: string; to: string });

export type TaskOutput<T extends TaskInput['task']> = T extends 'export'
  ? { rows: number }
  : T extends 'import'
    ? ImportCounts
    : T extends 'check'
      ? IntegrityResult
      : T extends 'verify'
        ? TrustResult
        : T extends 'restore-prepare'
          ? { incoming: string }
          : T extends 'rekey'
            ? KeyChangeOutcome
            : BackupInfo;

function readOnly(input: Common): Database.Database {
  return openSqlite(input.databaseFile, { readonly: true, fileMustExist: true });
}

export async function runTaskHere(input: TaskInput, progress: (p: TaskProgress) => void): Promise<unknown> {
  // Checks and copies made on the way open their own connections with the same binding.
  if (input.nativeBinding) setNativeBinding(input.nativeBinding);
  if (input.databaseKey) setDatabaseKey(Buffer.from(input.databaseKey, 'hex'));
  switch (input.task) {
    case 'export': {
      const db = readOnly(input);
      try {
        if (input.passphrase) progress({ phase: 'Deriving the archive key from the passphrase', done: 0, total: 0 });
        return writeExportFile(
          db, input.file, { appVersion: input.appVersion, exportedAt: new Date(input.exportedAt) },
          (done, total) => progress({ phase: input.passphrase ? 'Writing the encrypted archive' : 'Writing the export', done, total }),
          input.passphrase ? { passphrase: input.passphrase } : undefined,
        );
      } finally {
        db.close();
      }
    }
    case 'import': {
      const opened = await openDatabase({
        file: input.databaseFile, migrationsDir: input.migrationsDir, auditAuthor: () => input.author,
        ...(input.nativeBinding ? { nativeBinding: input.nativeBinding } : {}),
      });
      try {
        if (input.passphrase) progress({ phase: 'Checking the passphrase', done: 0, total: 0 });
        return await importExportFile(
          opened.db, opened.audit, input.file,
          (p) => progress({ phase: `Reading and checking (${p.rows} rows)`, done: p.done, total: p.total }),
          input.passphrase,
        );
      } finally {
        opened.db.close();
      }
    }
    case 'verify': {
      // The full pass over every seal and audit entry, on a read-only connection (a consistent snapshot).
      const db = readOnly(input);
      try {
        progress({ phase: 'Verifying signatures and the audit log', done: 0, total: 0 });
        return db.transaction(() => verifyEverything(db))();
      } finally {
        db.close();
      }
    }
    case 'restore-prepare': {
      progress({ phase: 'Copying and checking the backup', done: 0, total: 0 });
      const paths = { dataDirectory: input.dataDirectory, file: input.databaseFile, backupDir: input.backupDir, replacedDir: input.replacedDir };
      return { incoming: prepareIncoming(paths, input.backupPath, input.migrationsDir) };
    }
    case 'rekey': {
      progress({ phase: 'Encrypting the record and its backups with the new key', done: 0, total: 0 });
      return reencryptRecord(dataPaths(input.dataDirectory), input.secondFolder, Buffer.from(input.from, 'hex'), Buffer.from(input.to, 'hex'), (done, total) =>
        progress({ phase: 'Encrypting the record and its backups with the new key', done, total }),
      );
    }
    case 'check': {
      // The full page check of a large file, after start, off the main thread (read-only connection).
      const db = readOnly(input);
      try {
        progress({ phase: 'Checking every page', done: 0, total: 0 });
        return checkIntegrity(db);
      } finally {
        db.close();
      }
    }
    case 'backup': {
      const db = readOnly(input);
      try {
        progress({ phase: 'Copying the database', done: 0, total: 0 });
        return await createBackup(db, input.backupDir, input.kind, new Date(input.at), input.retention === undefined ? {} : { retention: input.retention });
      } finally {
        db.close();
      }
    }
  }
}
