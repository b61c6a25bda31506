import type Database from 'better-sqlite3-multiple-ciphers';

/**
 * Prepared statements kept per connection and SQL text. better-sqlite3 caches nothing, so a repository
 * that calls db.prepare() on every call parses and plans its SQL on every charted site; with this
 * helper it does so once per connection. Keyed by the connection (WeakMap), so a database swapped
 * in by a restore gets fresh statements and a closed one is collected with its cache.
 * Only for fixed SQL text: SQL built from varying parts would grow the cache without bound.
 */
const caches = new WeakMap<Database.Database, Map<string, Database.Statement>>();

export function statement<P extends unknown[] | object = unknown[], R = unknown>(db: Database.Database, sql: string): Database.Statement<P, R> {
  let cache = caches.get(db);
  if (!cache) {
    cache = new Map();
    caches.set(db, cache);
  }
  let stmt = cache.get(sql);
  if (!stmt) {
    stmt = db.prepare(sql);
    cache.set(sql, stmt);
  }
  return stmt as unknown as Database.Statement<P, R>;
}
