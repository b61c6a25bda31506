import Database from 'better-sqlite3-multiple-ciphers';
import { loadMigrations, migrate, schemaVersion } from '../../electron/db/migrate.ts';
import { registerAuditFunctions } from '../../electron/db/open.ts';
import { MIGRATIONS_DIR } from '../helpers/temp.ts';

const migrations = loadMigrations(MIGRATIONS_DIR);

/** A database at 0070 holding a clinician and a patient, then migrated to 0080. */
function at80(): Database.Database {
  const db = new Database(':memory:');
  registerAuditFunctions(db, () => new Date('2026-01-01T00:00:00.000Z'), () => 'Dr A');
  db.pragma('foreign_keys = ON');
  migrate(db, migrations.filter((m) => m.version <= 70));
  db.exec(`INSERT INTO patients (id, mrn, family_name, given_name, birth_date, created_at, updated_at) VALUES ('p', 'M', 'D', 'J', '1970-01-01', 't', 't');
    INSERT INTO clinicians (id, name, is_current, created_at, updated_at) VALUES ('c', 'Dr A', 1, 't', 't');`);
  migrate(db, migrations.filter((m) => m.version <= 80));
  return db;
}

describe('migration 0080-settings', () => {
  it('adds an empty settings table and keeps every record', () => {
    const db = at80();
    expect(schemaVersion(db)).toBeGreaterThanOrEqual(80);
    expect(db.prepare('SELECT count(*) FROM settings').pluck().get()).toBe(0);
    expect(db.prepare('SELECT count(*) FROM patients').pluck().get()).toBe(1);
    expect(db.prepare('SELECT name FROM clinicians').pluck().all()).toEqual(['Dr A']);
    db.close();
  });

  it('audits every insert, update and delete of a setting, with the JSON value before and after, in the chained log', () => {
    const db = at80();
    db.exec(`INSERT INTO settings (key, value, updated_at) VALUES ('theme', '"dark"', 't1');
             UPDATE settings SET value = '"high-contrast"', updated_at = 't2' WHERE key = 'theme';
             DELETE FROM settings WHERE key = 'theme';`);
    const rows = db.prepare("SELECT action, entity_id, before, after, author, hash FROM audit_log WHERE entity = 'settings' ORDER BY id").all() as Array<{
      action: string; entity_id: string; before: string | null; after: string | null; author: string; hash: string | null;
    }>;
    expect(rows.map((r) => [r.action, r.entity_id, r.author])).toEqual([
      ['insert', 'theme', 'Dr A'],
      ['update', 'theme', 'Dr A'],
      ['delete', 'theme', 'Dr A'],
    ]);
    expect(JSON.parse(rows[1]?.before ?? 'null')).toEqual({ key: 'theme', value: 'dark', updated_at: 't1' });
    expect(JSON.parse(rows[1]?.after ?? 'null')).toEqual({ key: 'theme', value: 'high-contrast', updated_at: 't2' });
    expect(rows.every((r) => typeof r.hash === 'string' && r.hash.length === 64)).toBe(true);
    db.close();
  });

  it('refuses a value that is not JSON, an empty key and a blob', () => {
    const db = at80();
    const insert = db.prepare('INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?)');
    expect(() => insert.run('theme', 'dark', 't')).toThrow(/CHECK constraint/);
    expect(() => insert.run('', '1', 't')).toThrow(/CHECK constraint/);
    // STRICT: a blob is not text (a number would be stored as its text, which is JSON too).
    expect(() => insert.run('theme', Buffer.from([0xff, 0x00]), 't')).toThrow(/cannot store BLOB value in TEXT column/i);
    expect(db.prepare("SELECT count(*) FROM audit_log WHERE entity = 'settings'").pluck().get()).toBe(0);
    db.close();
  });
});
