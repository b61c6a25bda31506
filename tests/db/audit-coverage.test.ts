// Every table is either audited or listed with the reason it is not, and every audited table's three
// triggers write every column (but the excluded ones) into the row images. A new column without
// regenerated triggers (npm run db:audit-triggers) fails here.
import Database from 'better-sqlite3-multiple-ciphers';
import { AUDITED, NOT_AUDITED, tableColumns } from '../../electron/db/audit-sql.ts';
import { loadMigrations, migrate } from '../../electron/db/migrate.ts';
import { registerAuditFunctions } from '../../electron/db/open.ts';
import { MIGRATIONS_DIR } from '../helpers/temp.ts';

let db: Database.Database;
beforeAll(() => {
  db = new Database(':memory:');
  registerAuditFunctions(db, () => new Date(0), () => 'test');
  migrate(db, loadMigrations(MIGRATIONS_DIR));
});
afterAll(() => db.close());

it('every table is audited or says why not', () => {
  const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").pluck().all() as string[];
  const listed = new Set([...AUDITED.map((s) => s.table), ...Object.keys(NOT_AUDITED)]);
  const unlisted = tables.filter((t) => !listed.has(t));
  expect(unlisted, 'add each table to AUDITED (and generate its triggers with npm run db:audit-triggers) or to NOT_AUDITED with the reason, in electron/db/audit-sql.ts').toEqual([]);
  expect(AUDITED.map((s) => s.table).filter((t) => !tables.includes(t)), 'AUDITED names tables that do not exist').toEqual([]);
});

describe.each(AUDITED.map((s) => [s.table, s] as const))('the audit triggers of %s', (table, spec) => {
  const trigger = (action: string) =>
    db.prepare("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ?").pluck().get(`${table}_audit_${action}`) as string | undefined;

  it.each(['insert', 'update', 'delete'])('%s writes every column', (action) => {
    const sql = trigger(action);
    expect(sql, `${table}_audit_${action} is missing`).toBeDefined();
    const columns = tableColumns(db, table).filter((c) => !(spec.exclude ?? []).includes(c));
    const rows = action === 'insert' ? ['NEW'] : action === 'delete' ? ['OLD'] : ['OLD', 'NEW'];
    const missing = rows.flatMap((r) => columns.filter((c) => !new RegExp(`'${c}',\\s*[^,]*\\b${r}\\.${c}\\b`).test(sql ?? '')).map((c) => `${r}.${c}`));
    expect(missing, `regenerate with: npm run db:audit-triggers -- <new migration> ${table}`).toEqual([]);
    for (const secret of spec.exclude ?? []) expect(sql).not.toMatch(new RegExp(`\\.${secret}\\b`));
  });
});
