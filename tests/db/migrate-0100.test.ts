import Database from 'better-sqlite3-multiple-ciphers';
import { listClinicians } from '../../electron/db/clinicians.ts';
import { loadMigrations, migrate, schemaVersion } from '../../electron/db/migrate.ts';
import { registerAuditFunctions } from '../../electron/db/open.ts';
import { currentSeal, signAndSeal } from '../../electron/trust/seal.ts';
import { MIGRATIONS_DIR } from '../helpers/temp.ts';

const migrations = loadMigrations(MIGRATIONS_DIR);

/** A practice database at 0090: its one clinician profile (with a passphrase) and a session it signed. */
function at90(): Database.Database {
  const db = new Database(':memory:');
  registerAuditFunctions(db, () => new Date('2025-01-01T00:00:00.000Z'), () => 'Dana Reyes, MD');
  db.pragma('foreign_keys = ON');
  migrate(db, migrations.filter((m) => m.version <= 90));
  db.exec(`INSERT INTO patients (id, mrn, family_name, given_name, birth_date, created_at, updated_at) VALUES ('p', 'M-1', 'Doe', 'Jo', '1970-01-01', 't', 't');
    INSERT INTO clinicians (id, name, credentials, is_current, passphrase_hash, created_at, updated_at) VALUES ('c', 'Dana Reyes', 'MD', 1, 'scrypt$32768$8$1$c2FsdA==$a2V5', 't', 't');
    INSERT INTO sessions (id, patient_id, date, indication, status, clinician_id, clinician_name, product_id, created_at, updated_at)
      VALUES ('s', 'p', '2024-12-01', 'chronic_migraine', 'draft', 'c', 'Dana Reyes, MD', 'onabotulinumtoxinA', 't', 't');`);
  signAndSeal(db, 's', { signedAt: '2024-12-01T10:00:00.000Z', signedBy: 'Dana Reyes, MD', signerId: 'c' });
  return db;
}

describe('migration 0100-clinician-accounts', () => {
  it('makes the one existing profile the first, current account; its signature keeps its signer and seal', () => {
    const db = at90();
    const seal = db.prepare("SELECT seal FROM sessions WHERE id = 's'").pluck().get();
    const before = db.prepare("SELECT signed_by, signer_id, signed_at FROM sessions WHERE id = 's'").get();
    migrate(db, migrations.filter((m) => m.version <= 100));
    expect(schemaVersion(db)).toBeGreaterThanOrEqual(100);
    expect(listClinicians(db).map((c) => ({ id: c.id, name: c.name, isCurrent: c.isCurrent, hasPassphrase: c.hasPassphrase, deactivatedAt: c.deactivatedAt, signed: c.signedSessions })))
      .toEqual([{ id: 'c', name: 'Dana Reyes', isCurrent: true, hasPassphrase: true, deactivatedAt: null, signed: 1 }]);
    expect(db.prepare("SELECT signed_by, signer_id, signed_at FROM sessions WHERE id = 's'").get()).toEqual(before);
    expect(db.prepare("SELECT seal FROM sessions WHERE id = 's'").pluck().get()).toBe(seal);
    expect(currentSeal(db, 's')).toBe(seal);
    db.close();
  });

  it('keeps the passphrase hash out of the audited row images, and shows when a passphrase was set', () => {
    const db = at90();
    migrate(db, migrations);
    db.prepare("UPDATE clinicians SET passphrase_hash = 'scrypt$32768$8$1$bmV3$bmV3', passphrase_set_at = '2025-01-02T00:00:00.000Z' WHERE id = 'c'").run();
    const row = db.prepare("SELECT before, after FROM audit_log WHERE entity = 'clinicians' ORDER BY id DESC LIMIT 1").get() as { before: string; after: string };
    expect(row.before + row.after).not.toMatch(/scrypt|passphrase_hash/);
    expect(JSON.parse(row.after)).toMatchObject({ passphrase_set_at: '2025-01-02T00:00:00.000Z', deactivated_at: null });
    db.close();
  });

  it('refuses to delete an account a session names, and to make a deactivated account current', () => {
    const db = at90();
    migrate(db, migrations);
    db.exec("INSERT INTO clinicians (id, name, created_at, updated_at) VALUES ('unused', 'Temp', 't', 't')");
    expect(() => db.prepare("DELETE FROM clinicians WHERE id = 'c'").run()).toThrow(/ACCOUNT_IN_RECORD/);
    // An account no session names may go (it never signed nor charted).
    expect(db.prepare("DELETE FROM clinicians WHERE id = 'unused'").run().changes).toBe(1);
    db.exec("UPDATE clinicians SET is_current = 0 WHERE id = 'c'; UPDATE clinicians SET deactivated_at = 't2' WHERE id = 'c'");
    expect(() => db.prepare("UPDATE clinicians SET is_current = 1 WHERE id = 'c'").run()).toThrow(/ACCOUNT_DEACTIVATED/);
    db.close();
  });
});
