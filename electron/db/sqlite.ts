// Opening SQLite files outside the main connection (checks, backups, copies) with the same native binding
// and the same key as the app's own connection: unpackaged under Electron, node_modules holds the Node
// build, and the Electron build must be named (electron/native.ts). startBackend and the data worker set
// both once.
import Database from 'better-sqlite3-multiple-ciphers';
import { applyKey, assertKey, fileFormat } from './cipher.ts';

let binding: string | undefined;
let databaseKey: Buffer | null = null;

export function setNativeBinding(path: string | undefined): void {
  binding = path;
}

/**
 * The key of every database file this process opens (electron/db/cipher.ts). Null: files are unencrypted,
 * which only the tests' plain mode and the migration of an unencrypted record use.
 */
export function setDatabaseKey(key: Buffer | null): void {
  if (key) assertKey(key);
  databaseKey = key ? Buffer.from(key) : null;
}

export function currentDatabaseKey(): Buffer | null {
  return databaseKey;
}

export interface OpenSqliteOptions extends Database.Options {
  /**
   * Open an existing unencrypted file without the key (an old unencrypted backup, the record before its
   * migration). Without it every file is opened with the key when one is set.
   */
  allowPlain?: boolean;
}

/** A connection with this process's native binding and no key. */
function connect(file: string, options: Database.Options): Database.Database {
  return new Database(file, { ...(binding ? { nativeBinding: binding } : {}), ...options });
}

export function openSqlite(file: string, options: OpenSqliteOptions = {}): Database.Database {
  const { allowPlain, ...rest } = options;
  const db = connect(file, rest);
  const inMemory = file === ':memory:' || file === '';
  if (databaseKey && !inMemory && !(allowPlain && fileFormat(file) === 'plain')) {
    try {
      applyKey(db, databaseKey);
    } catch (err) {
      db.close();
      throw err;
    }
  }
  return db;
}

/** An unencrypted connection (the source of an encrypting copy). */
export function openPlainSqlite(file: string, options: Database.Options = {}): Database.Database {
  return connect(file, options);
}

/** An existing file opened with a given key (not this process's): re-keying, and reading a file under a key being replaced. */
export function openWithKey(file: string, key: Buffer, options: { readonly: boolean }): Database.Database {
  const db = connect(file, { readonly: options.readonly, fileMustExist: true });
  try {
    applyKey(db, key);
    return db;
  } catch (err) {
    db.close();
    throw err;
  }
}

/** True when `key` (null: no key) opens the file: its schema can be read. Never writes. */
export function keyOpensFile(file: string, key: Buffer | null): boolean {
  let db: Database.Database | null = null;
  try {
    db = connect(file, { readonly: true, fileMustExist: true });
    if (key) applyKey(db, key);
    db.prepare('SELECT count(*) FROM sqlite_master').get();
    return true;
  } catch {
    return false;
  } finally {
    db?.close();
  }
}
