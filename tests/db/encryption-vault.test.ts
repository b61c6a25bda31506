// The key's life (electron/vault/): made at a first start and wrapped by the OS key store or a practice
// passphrase, never written in clear; the recovery key shown until confirmed; unlocking with the passphrase;
// a new computer opened with the recovery key; unencrypted copies removed only after a checked encrypted backup.
import fs from 'node:fs';
import path from 'node:path';
import { startBackend, type Backend } from '../../electron/backend.ts';
import { dataPaths } from '../../electron/db/backup.ts';
import { fileFormat, keyId } from '../../electron/db/cipher.ts';
import { openDatabase } from '../../electron/db/open.ts';
import { setDatabaseKey } from '../../electron/db/sqlite.ts';
import { createVaultGate, type VaultGate } from '../../electron/vault/gate.ts';
import { keyFilePath, type OsKeyStore } from '../../electron/vault/key-file.ts';
import { testKeyStore } from '../helpers/key-store.ts';
import { formatRecoveryKey, parseRecoveryKey } from '../../electron/vault/recovery-key.ts';
import type { VaultStatus } from '../../shared/ipc/vault-contract.ts';
import { seedClinic } from '../helpers/seed-sql.ts';
import { MIGRATIONS_DIR, removeDir, tempDir } from '../helpers/temp.ts';

let dir: string;
const gates: VaultGate[] = [];
/** Everything the gate and the backend write to the error log, checked for secrets at the end of each test. */
const logged: string[] = [];
const logError = (where: string, err: unknown) => logged.push(`${where}: ${err instanceof Error ? `${err.message}\n${err.stack ?? ''}` : String(err)}`);
const secrets: string[] = [];
beforeEach(() => {
  dir = tempDir('toxinmap-vault-');
});
afterEach(() => {
  for (const entry of logged.splice(0)) {
    for (const secret of secrets) expect(entry.toUpperCase().replace(/-/g, '')).not.toContain(secret.toUpperCase().replace(/-/g, ''));
  }
  secrets.length = 0;
  for (const g of gates.splice(0)) g.close();
  setDatabaseKey(null);
  removeDir(dir);
});

function gate(store: OsKeyStore | null, folder = dir): VaultGate {
  const g = createVaultGate({
    dataDirectory: folder, migrationsDir: MIGRATIONS_DIR, osStore: store, failureDelay: () => 0, logError,
    start: (key) => {
      secrets.push(key.toString('hex'), formatRecoveryKey(key));
      return startBackend({ dataDirectory: folder, migrationsDir: MIGRATIONS_DIR, appVersion: '0.0.0-test', databaseKey: key, logError });
    },
  });
  gates.push(g);
  return g;
}

async function vault<T = VaultStatus>(g: VaultGate, channel: string, input: unknown = {}): Promise<T> {
  const r = await g.dispatchVault(channel, input);
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value as T;
}

async function firstStart(g: VaultGate, passphrase?: string): Promise<string> {
  if (passphrase) secrets.push(passphrase);
  expect((await g.begin()).state).toBe('create');
  const shown = await vault(g, 'vault:create', passphrase === undefined ? {} : { passphrase });
  if (shown.state !== 'recovery-key') throw new Error(`expected the recovery key, got ${shown.state}`);
  return shown.recoveryKey;
}

describe('a first start', () => {
  it('with an OS key store: the key is made and wrapped (never in clear), the recovery key must be confirmed before the record opens', async () => {
    const g = gate(testKeyStore({ available: true }));
    const recoveryKey = await firstStart(g);
    expect(recoveryKey).toMatch(/^([0-9A-Z]{5}-){10}[0-9A-Z]{5}$/);
    const locked = await g.dispatchApp('patient:search', { query: '' });
    expect(locked).toMatchObject({ ok: false, error: { code: 'LOCKED' } });
    const wrong = await g.dispatchVault('vault:confirmRecoveryKey', { lastGroup: 'XXXXX' });
    expect(wrong).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
    const open = await vault(g, 'vault:confirmRecoveryKey', { lastGroup: (recoveryKey.split('-').at(-1) ?? '').toLowerCase() });
    expect(open).toMatchObject({ state: 'open', protection: 'os', store: 'Test key store' });
    const parsed = parseRecoveryKey(recoveryKey);
    if (!parsed.ok) throw new Error(parsed.error);
    const keyFile = fs.readFileSync(keyFilePath(dir), 'utf8');
    expect(keyFile).not.toContain(parsed.key.toString('hex'));
    expect(keyFile).not.toContain(parsed.key.toString('base64'));
    expect(JSON.parse(keyFile)).toMatchObject({ keyId: keyId(parsed.key), protection: 'os' });
    expect((await g.dispatchApp('patient:create', { mrn: 'V-1', familyName: 'Vale', givenName: 'Io', birthDate: '1970-01-01' })).ok).toBe(true);
    expect(fileFormat(dataPaths(dir).file)).toBe('encrypted');
    expect(await vault(g, 'vault:showRecoveryKey')).toEqual({ recoveryKey });
    // The next start opens without asking anything.
    g.close();
    const next = gate(testKeyStore({ available: true }));
    expect((await next.begin()).state).toBe('open');
  });

  it('without an OS key store: a practice passphrase is required, then asked at every start; wrong ones are refused', async () => {
    const g = gate(null);
    const refused = await g.dispatchVault('vault:create', {});
    expect(refused).toMatchObject({ ok: false });
    await g.begin();
    expect((await g.dispatchVault('vault:create', { passphrase: 'short' })).ok).toBe(false);
    const recoveryKey = await firstStart(gate(null), 'correct horse battery staple');
    expect(JSON.parse(fs.readFileSync(keyFilePath(dir), 'utf8'))).toMatchObject({ protection: 'passphrase' });
    for (const g2 of gates.splice(0)) g2.close();
    const next = gate(null);
    expect((await next.begin()).state).toBe('unlock');
    expect(await next.dispatchVault('vault:unlock', { passphrase: 'correct horse battery stapler' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    // The refusal is logged, without what was typed (afterEach checks every entry for the key and passphrases).
    secrets.push('correct horse battery stapler');
    expect(logged.some((l) => l.includes('wrong practice passphrase'))).toBe(true);
    // Never confirmed: the recovery key is shown again before the record opens.
    const shown = await vault(next, 'vault:unlock', { passphrase: 'correct horse battery staple' });
    expect(shown).toMatchObject({ state: 'recovery-key', recoveryKey });
    expect((await vault(next, 'vault:confirmRecoveryKey', { lastGroup: recoveryKey.slice(-5) })).state).toBe('open');
  });
});

describe('the practice passphrase', () => {
  it('is changed with the current one as proof: the next start takes only the new one; the key, recovery key and backups stay', async () => {
    const g = gate(null);
    const recoveryKey = await firstStart(g, 'correct horse battery staple');
    expect((await vault(g, 'vault:confirmRecoveryKey', { lastGroup: recoveryKey.slice(-5) })).state).toBe('open');
    const before = JSON.parse(fs.readFileSync(keyFilePath(dir), 'utf8')) as { keyId: string; passphrase: { wrapped: string } };
    secrets.push('not the passphrase at all', 'a new sentence for the practice', 'tiny');
    // Wrong proof, a new one too short, or the same again: refused, nothing changed, never logged in clear.
    expect(await g.dispatchVault('vault:changePassphrase', { current: 'not the passphrase at all', next: 'a new sentence for the practice' })).toMatchObject({
      ok: false, error: { code: 'FORBIDDEN', message: 'That is not the current practice passphrase. Nothing was changed.' },
    });
    expect(await g.dispatchVault('vault:changePassphrase', { current: 'correct horse battery staple', next: 'tiny' })).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
    expect(await g.dispatchVault('vault:changePassphrase', { current: 'correct horse battery staple', next: 'correct horse battery staple' })).toMatchObject({
      ok: false, error: { message: 'The new passphrase is the current one. Choose another.' },
    });
    expect(JSON.parse(fs.readFileSync(keyFilePath(dir), 'utf8'))).toEqual(before);

    const changed = await vault(g, 'vault:changePassphrase', { current: 'correct horse battery staple', next: 'a new sentence for the practice' });
    expect(changed).toMatchObject({ state: 'open', protection: 'passphrase', keyId: before.keyId, passphraseChangedAt: expect.any(String) });
    const after = JSON.parse(fs.readFileSync(keyFilePath(dir), 'utf8')) as { keyId: string; passphrase: { wrapped: string } };
    expect(after.keyId).toBe(before.keyId);
    expect(after.passphrase.wrapped).not.toBe(before.passphrase.wrapped);
    // Recorded in the record's audit log, without the passphrase.
    const entry = g.backend()?.db.prepare("SELECT action, entity, entity_id, after FROM audit_log WHERE entity = 'practice_passphrase'").get() as { after: string } | undefined;
    expect(entry).toMatchObject({ action: 'update', entity: 'practice_passphrase', entity_id: before.keyId });
    expect(entry?.after).not.toMatch(/sentence|horse/);
    expect((await g.backend()?.trust.runFull())?.state).toBe('ok');
    for (const g2 of gates.splice(0)) g2.close();

    const next = gate(null);
    expect((await next.begin()).state).toBe('unlock');
    expect(await next.dispatchVault('vault:unlock', { passphrase: 'correct horse battery staple' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect((await vault(next, 'vault:unlock', { passphrase: 'a new sentence for the practice' })).state).toBe('open');
    for (const g2 of gates.splice(0)) g2.close();
    // The recovery key is the same key: it still opens the record.
    fs.rmSync(keyFilePath(dir));
    const recovered = gate(null);
    expect((await recovered.begin()).state).toBe('recover');
    expect((await vault(recovered, 'vault:recover', { recoveryKey, passphrase: 'a third passphrase, for here' })).state).toBe('open');
    secrets.push('a third passphrase, for here');
  });

  it('cannot be changed where the system key store keeps the key', async () => {
    const g = gate(testKeyStore());
    const recoveryKey = await firstStart(g);
    expect((await vault(g, 'vault:confirmRecoveryKey', { lastGroup: recoveryKey.slice(-5) })).state).toBe('open');
    expect(await g.dispatchVault('vault:changePassphrase', { current: 'anything at all here', next: 'a new sentence for the practice' })).toMatchObject({
      ok: false, error: { code: 'CONFLICT' },
    });
  });
});

describe('the recovery key', () => {
  it('reads back whatever the case, spaces and look-alike letters, and catches a typo', () => {
    const key = Buffer.from('0f'.repeat(32), 'hex');
    const text = formatRecoveryKey(key);
    const sloppy = ` ${text.toLowerCase().replace(/-/g, ' ').replace(/0/g, 'o').replace(/1/g, 'l')} `;
    expect(parseRecoveryKey(sloppy)).toEqual({ ok: true, key });
    const typo = text.slice(0, 7) + (text[7] === 'A' ? 'B' : 'A') + text.slice(8);
    expect(parseRecoveryKey(typo)).toMatchObject({ ok: false, error: expect.stringMatching(/typo/) });
    expect(parseRecoveryKey('ABC')).toMatchObject({ ok: false, error: expect.stringMatching(/55/) });
  });

  it('opens the record on a new computer (no key file) or after the key store lost the key; a wrong one opens nothing', async () => {
    const store = { available: true, broken: false };
    const g = gate(testKeyStore(store));
    const recoveryKey = await firstStart(g);
    await vault(g, 'vault:confirmRecoveryKey', { lastGroup: recoveryKey.slice(-5) });
    await g.dispatchApp('patient:create', { mrn: 'R-1', familyName: 'Rook', givenName: 'Ed', birthDate: '1970-01-01' });
    await g.dispatchApp('backup:now', {});
    g.close();

    store.broken = true;
    const afterReset = gate(testKeyStore(store));
    expect(await afterReset.begin()).toMatchObject({ state: 'recover' });
    afterReset.close();

    // A new computer: the data folder copied, no key file.
    const other = tempDir('toxinmap-vault-new-');
    try {
      fs.cpSync(dir, other, { recursive: true });
      fs.rmSync(keyFilePath(other));
      const fresh = gate(testKeyStore({ available: true }), other);
      expect(await fresh.begin()).toMatchObject({ state: 'recover' });
      const wrongKey = formatRecoveryKey(Buffer.alloc(32, 1));
      expect(await fresh.dispatchVault('vault:recover', { recoveryKey: wrongKey })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
      expect(await vault(fresh, 'vault:recover', { recoveryKey })).toMatchObject({ state: 'open' });
      const found = await fresh.dispatchApp('patient:search', { query: 'Rook' });
      expect(found.ok && (found.value as unknown[]).length).toBe(1);
    } finally {
      for (const g2 of gates.splice(0)) g2.close();
      removeDir(other);
    }
  });
});

describe('a record the key no longer opens', () => {
  it('is offered the recovery key; the same key typed back is told the files are damaged, not that the key is wrong', async () => {
    const g = gate(testKeyStore({ available: true }));
    const recoveryKey = await firstStart(g);
    await vault(g, 'vault:confirmRecoveryKey', { lastGroup: recoveryKey.slice(-5) });
    await g.dispatchApp('patient:create', { mrn: 'Z-1', familyName: 'Zeroed', givenName: 'Page', birthDate: '1970-01-01' });
    g.close();
    const { file, backupDir } = dataPaths(dir);
    fs.rmSync(backupDir, { recursive: true, force: true });
    for (const suffix of ['-wal', '-shm']) fs.rmSync(file + suffix, { force: true });
    const bytes = fs.readFileSync(file);
    bytes.fill(0, 0, 4096);
    fs.writeFileSync(file, bytes);
    const next = gate(testKeyStore({ available: true }));
    const status = await next.begin();
    expect(status).toMatchObject({ state: 'recover', reason: expect.stringMatching(/another computer, or the file is damaged/) });
    expect(await next.dispatchVault('vault:recover', { recoveryKey })).toMatchObject({ ok: false, error: { code: 'DATABASE', message: expect.stringMatching(/already holds.*damaged/) } });
    // Nothing was changed: the damaged file is still there, as it was.
    expect(fs.readFileSync(file).equals(bytes)).toBe(true);
  });
});

describe('an unencrypted record from an earlier version', () => {
  it('is encrypted at the first start; its unencrypted copies go only after a checked encrypted backup', async () => {
    const { db } = await openDatabase({ file: dataPaths(dir).file, migrationsDir: MIGRATIONS_DIR, auditAuthor: () => 'Dr. Rivera' });
    seedClinic(db);
    db.close();
    const plainBackend: Backend = await startBackend({ dataDirectory: dir, migrationsDir: MIGRATIONS_DIR, appVersion: '0.0.0-test', databaseKey: null });
    await plainBackend.dispatch('backup:now', {});
    plainBackend.close();

    const g = gate(testKeyStore({ available: true }));
    expect(await g.begin()).toMatchObject({ state: 'create', unencryptedRecord: true });
    const { recoveryKey } = await vault<{ recoveryKey: string }>(g, 'vault:create');
    const open = await vault(g, 'vault:confirmRecoveryKey', { lastGroup: recoveryKey.slice(-5) });
    if (open.state !== 'open') throw new Error(open.state);
    expect(fileFormat(dataPaths(dir).file)).toBe('encrypted');
    // The record kept aside and the old backup: both unencrypted, both listed.
    // The record kept aside (with its -wal) and the old backups (the day's automatic one and a manual one).
    const listed = open.unencryptedCopies.map((c) => `${path.basename(path.dirname(c.file))}/${path.basename(c.file).replace(/^.*?(automatic|manual|toxinmap)/, '$1')}`);
    expect(listed.filter((n) => n.startsWith('replaced/'))).toContain('replaced/toxinmap.sqlite.unencrypted');
    expect(listed.filter((n) => n.startsWith('backups/')).length).toBe(2);
    const removed = await vault<{ removed: number; backup: string }>(g, 'vault:removeUnencrypted');
    expect(removed.removed).toBe(listed.length);
    expect(fileFormat(path.join(dataPaths(dir).backupDir, removed.backup))).toBe('encrypted');
    expect(await vault(g, 'vault:status')).toMatchObject({ state: 'open', unencryptedCopies: [] });
    for (const folder of [dataPaths(dir).backupDir, dataPaths(dir).replacedDir]) {
      for (const name of fs.readdirSync(folder)) expect(fs.readFileSync(path.join(folder, name)).includes('Família 1'), name).toBe(false);
    }
    expect(await g.dispatchVault('vault:removeUnencrypted', {})).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});

describe('the vault channels', () => {
  it('refuse unknown channels and malformed input with a bounded message', async () => {
    const g = gate(testKeyStore({ available: true }));
    await g.begin();
    expect(await g.dispatchVault('vault:nope', {})).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } });
    for (const input of [null, 'x', { passphrase: 5 }, { passphrase: 'x'.repeat(5000) }, { extra: 1 }]) {
      const r = await g.dispatchVault('vault:create', input);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error.message.length).toBeLessThan(700);
    }
    expect(await g.dispatchVault('vault:recover', { recoveryKey: 'x'.repeat(201) })).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
  });
});
