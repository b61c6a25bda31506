// Every table is either audited or listed with the reason it is not, and every audited table's three
// triggers are exactly what electron/db/audit-sql.ts generates from the table as it stands: every column
// (but the excluded ones) in the row images, the row's key and session. A new column without regenerated
// triggers, or a trigger edited by hand, fails here (regenerate with npm run db:audit-triggers).
import Database from 'better-sqlite3-multiple-ciphers';
import { AUDITED, NOT_AUDITED, auditTriggerSql, expectedAuditTriggers, tableColumns } from '../../electron/db/audit-sql.ts';
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

const ACTIONS = ['insert', 'update', 'delete'] as const;

it('every table is audited or says why not', () => {
  const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").pluck().all() as string[];
  const listed = new Set([...AUDITED.map((s) => s.table), ...Object.keys(NOT_AUDITED)]);
  const unlisted = tables.filter((t) => !listed.has(t));
  expect(unlisted, 'add each table to AUDITED (and generate its triggers with npm run db:audit-triggers) or to NOT_AUDITED with the reason, in electron/db/audit-sql.ts').toEqual([]);
  expect(AUDITED.map((s) => s.table).filter((t) => !tables.includes(t)), 'AUDITED names tables that do not exist').toEqual([]);
});

it('no audit triggers but the generated ones write into the audit log', () => {
  const expected = new Set(AUDITED.flatMap((s) => ACTIONS.map((a) => `${s.table}_audit_${a}`)));
  const writers = db
    .prepare("SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name <> 'audit_log' AND sql LIKE '%INSERT INTO audit_log%'")
    .pluck()
    .all() as string[];
  expect(writers.filter((n) => !expected.has(n))).toEqual([]);
});

describe.each(AUDITED.map((s) => [s.table, s] as const))('the audit triggers of %s', (table, spec) => {
  const trigger = (action: string) =>
    db.prepare("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ?").pluck().get(`${table}_audit_${action}`) as string | undefined;

  it.each(ACTIONS)('%s writes every column', (action) => {
    const sql = trigger(action);
    expect(sql, `${table}_audit_${action} is missing`).toBeDefined();
    const columns = tableColumns(db, table).filter((c) => !(spec.exclude ?? []).includes(c));
    const rows = action === 'insert' ? ['NEW'] : action === 'delete' ? ['OLD'] : ['OLD', 'NEW'];
    const missing = rows.flatMap((r) => columns.filter((c) => !new RegExp(`'${c}',\\s*[^,]*\\b${r}\\.${c}\\b`).test(sql ?? '')).map((c) => `${r}.${c}`));
    expect(missing, `regenerate with: npm run db:audit-triggers -- <new migration> ${table}`).toEqual([]);
    for (const secret of spec.exclude ?? []) expect(sql).not.toMatch(new RegExp(`\\.${secret}\\b`));
  });

  it.each(ACTIONS)('%s is exactly the generated trigger', (action) => {
    const expected = expectedAuditTriggers(spec, tableColumns(db, table))[action];
    expect(expected).toMatch(new RegExp(`^CREATE TRIGGER ${table}_audit_${action} AFTER ${action.toUpperCase()} ON ${table} `));
    expect(trigger(action), `${table}_audit_${action} differs from the generated one: regenerate with npm run db:audit-triggers -- <new migration> ${table}`).toBe(expected);
  });
});

describe('the generator', () => {
  it('files a row under its session by a column, through its parent row, or both', () => {
    const sql = (table: string) => auditTriggerSql(AUDITED.find((s) => s.table === table)!, tableColumns(db, table), { drop: false });
    expect(sql('sites')).toContain('OLD.session_id);');
    expect(sql('follow_up_scores')).toContain('(SELECT session_id FROM follow_up_visits WHERE id = NEW.follow_up_id));');
    expect(sql('muscle_scores')).toContain('coalesce(OLD.session_id, (SELECT session_id FROM follow_up_visits WHERE id = OLD.follow_up_id)));');
    expect(sql('patients')).not.toContain('session_id)');
  });

  it('names a row by its key and writes JSON columns as JSON', () => {
    const settings = auditTriggerSql(AUDITED.find((s) => s.table === 'settings')!, tableColumns(db, 'settings'), { drop: true });
    expect(settings).toContain("'settings', NEW.key,");
    expect(settings).toContain("'value', json(OLD.value)");
    expect(settings).toContain('DROP TRIGGER IF EXISTS settings_audit_delete;');
  });

  it('would catch a column added without regenerating', () => {
    const copy = new Database(':memory:');
    registerAuditFunctions(copy, () => new Date(0), () => 'test');
    migrate(copy, loadMigrations(MIGRATIONS_DIR));
    copy.exec('ALTER TABLE external_doses ADD COLUMN route TEXT');
    const spec = AUDITED.find((s) => s.table === 'external_doses')!;
    const live = copy.prepare("SELECT sql FROM sqlite_master WHERE name = 'external_doses_audit_insert'").pluck().get();
    expect(live).not.toBe(expectedAuditTriggers(spec, tableColumns(copy, 'external_doses')).insert);
    copy.close();
  });
});
