// Opening SQLite files outside the main connection (checks, backups, copies) with the same native binding
// as the app's own connection: unpackaged under Electron, node_modules holds the Node build, and the
// Electron build must be named (electron/native.ts). startBackend and the data worker set it once.
import Database from 'better-sqlite3-multiple-ciphers';

let binding: string | undefined;

export function setNativeBinding(path: string | undefined): void {
  binding = path;
}

export function openSqlite(file: string, options: Database.Options = {}): Database.Database {
  return new Database(file, { ...(binding ? { nativeBinding: binding } : {}), ...options });
}
