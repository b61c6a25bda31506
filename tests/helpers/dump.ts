import type Database from 'better-sqlite3-multiple-ciphers';

/** Every row of every table, in a stable order: equal dumps mean an unchanged database. */
export function dumpDatabase(db: Database.Database): string {
  const tables = db
    .prepare<[], { name: string }>("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
    .all();
  const out: Record<string, unknown[]> = {};
  for (const { name } of tables) {
    out[name] = db.prepare(`SELECT * FROM "${name}" ORDER BY 1`).all();
  }
  return JSON.stringify({ version: db.pragma('user_version', { simple: true }), out });
}
