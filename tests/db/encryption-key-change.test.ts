// Replacing the record's key (Settings → Encryption): the new recovery key shown and confirmed, then the
// live file, every backup, the files a restore set aside and the copies in the second folder re-encrypted;
// the old recovery key opens nothing afterwards. Cancelled before confirming, nothing changes; a crash after
// confirming is finished at the next start; a file that cannot be re-encrypted puts everything back.
import fs from 'node:fs';
import path from 'node:path';
import { startBackend } from '../../electron/backend.ts';
import { dataPaths, listBackups } from '../../electron/db/backup.ts';
import { keyId } from '../../electron/db/cipher.ts';
import { recordFilesToRekey, rekeyFile } from '../../electron/db/rekey-record.ts';
import { keyOpensFile, setDatabaseKey } from '../../electron/db/sqlite.ts';
import { createVaultGate, type VaultGate } from '../../electron/vault/gate.ts';
import { readKeyFile, type OsKeyStore } from '../../electron/vault/key-file.ts';
import { unwrapPending } from '../../electron/vault/key-change.ts';
import { parseRecoveryKey } from '../../electron/vault/recovery-key.ts';
import type { VaultStatus } from '../../shared/ipc/vault-contract.ts';
import { testKeyStore } from '../helpers/key-store.ts';
import { MIGRATIONS_DIR, removeDir, tempDir } from '../helpers/temp.ts';
import { spawnTsWorker } from '../helpers/worker.ts';

let dir: string;
let second: string;
const gates: VaultGate[] = [];
const logged: string[] = [];
beforeEach(() => {
  dir = tempDir('toxinmap-key-change-');
  second = tempDir('toxinmap-key-change-second-');
});
afterEach(async () => {
  for (const g of gates.splice(0)) g.close();
  setDatabaseKey(null);
  // A data worker started by the backend (the background verification) may still be opening the file read-only
  // for a moment after the close, and leave its -shm behind while the folder is removed: tried again shortly.
  for (let attempt = 0; ; attempt++) {
    try {
      removeDir(dir);
      removeDir(second);
      break;
    } catch (err) {
      if (attempt >= 20) throw err;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  logged.length = 0;
});

function gate(store: OsKeyStore | null, worker = false): VaultGate {
  const g = createVaultGate({
    dataDirectory: dir, migrationsDir: MIGRATIONS_DIR, osStore: store, failureDelay: () => 0, ...(worker ? { spawnWorker: spawnTsWorker } : {}),
    logError: (where, err) => logged.push(`${where}: ${(err as Error).message}`),
    start: (key) =>
      startBackend({
        dataDirectory: dir, migrationsDir: MIGRATIONS_DIR, appVersion: '0.0.0-test', databaseKey: key, chooseBackupFolder: () => Promise.resolve(second),
        ...(worker ? { spawnWorker: spawnTsWorker } : {}),
      }),
  });
  gates.push(g);
  return g;
}

async function vault<T = VaultStatus>(g: VaultGate, channel: string, input: unknown = {}): Promise<T> {
  const r = await g.dispatchVault(channel, input);
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value as T;
}

const keyOf = (recoveryKey: string): Buffer => {
  const parsed = parseRecoveryKey(recoveryKey);
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.key;
};

/** A record with a patient, two backups, a file set aside by a restore and a copy in the second folder. */
async function record(g: VaultGate, passphrase?: string): Promise<string> {
  await g.begin();
  const made = await vault(g, 'vault:create', passphrase ? { passphrase } : {});
  if (made.state !== 'recovery-key') throw new Error(made.state);
  await vault(g, 'vault:confirmRecoveryKey', { lastGroup: made.recoveryKey.slice(-5) });
  expect((await g.dispatchApp('patient:create', { mrn: 'KC-1', familyName: 'Okafor', givenName: 'Ada', birthDate: '1968-04-12' })).ok).toBe(true);
  expect((await g.dispatchApp('settings:chooseBackupFolder', {})).ok).toBe(true);
  expect((await g.dispatchApp('backup:now', {})).ok).toBe(true);
  const first = listBackups(dataPaths(dir).backupDir)[0]?.name ?? '';
  expect((await g.dispatchApp('patient:create', { mrn: 'KC-2', familyName: 'Lindqvist', givenName: 'Åsa', birthDate: '1975-01-30' })).ok).toBe(true);
  expect((await g.dispatchApp('backup:now', {})).ok).toBe(true);
  expect((await g.dispatchApp('backup:restore', { name: first })).ok).toBe(true);
  expect(fs.readdirSync(dataPaths(dir).replacedDir).length).toBeGreaterThan(0);
  expect(listBackups(second).length).toBeGreaterThan(0);
  return made.recoveryKey;
}

function allUnder(key: Buffer, not: Buffer): string[] {
  const files = recordFilesToRekey(dataPaths(dir), second);
  for (const f of files) {
    expect(keyOpensFile(f, key), `${f} opens with the new key`).toBe(true);
    expect(keyOpensFile(f, not), `${f} no longer opens with the old key`).toBe(false);
  }
  return files;
}

describe('replacing the record key', () => {
  it('re-encrypts the record, its backups, set-aside files and second-folder copies (in the data worker); the old recovery key opens nothing', async () => {
    const g = gate(testKeyStore(), true);
    const oldRecovery = await record(g);
    const oldKey = keyOf(oldRecovery);
    const files = recordFilesToRekey(dataPaths(dir), second);
    expect(files.length).toBeGreaterThanOrEqual(5);

    const shown = await vault(g, 'vault:beginKeyChange');
    expect(shown).toMatchObject({ state: 'recovery-key', replacing: true });
    if (shown.state !== 'recovery-key') throw new Error(shown.state);
    expect(shown.recoveryKey).not.toBe(oldRecovery);
    expect(readKeyFile(dir)?.pending).toMatchObject({ protection: 'os', recoveryConfirmedAt: null });
    expect(await g.dispatchVault('vault:confirmRecoveryKey', { lastGroup: 'WRONG' })).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });

    // Confirmed: the worker re-encrypts file by file, and the progress is answered meanwhile.
    let finished = false;
    const confirming = vault(g, 'vault:confirmRecoveryKey', { lastGroup: shown.recoveryKey.slice(-5) }).finally(() => (finished = true));
    const seen: { done: number; total: number }[] = [];
    while (!finished) {
      const p = await g.dispatchVault('vault:progress', {});
      if (p.ok && p.value) seen.push(p.value as { done: number; total: number });
      await new Promise((resolve) => setTimeout(resolve, 2));
    }
    expect(seen.some((p) => p.total === files.length && p.done > 0)).toBe(true);
    expect(await g.dispatchVault('vault:progress', {})).toEqual({ ok: true, value: null });
    const opened = await confirming;
    const newKey = keyOf(shown.recoveryKey);
    expect(opened).toMatchObject({ state: 'open', keyId: keyId(newKey), notice: { kind: 'info', message: expect.stringContaining('The key was replaced') } });
    // The day's automatic backup, made at the reopening, is made with the new key too.
    await g.backend()?.startupBackup;
    expect(allUnder(newKey, oldKey)).toEqual(expect.arrayContaining(files));
    const file = readKeyFile(dir);
    expect(file?.keyId).toBe(keyId(newKey));
    expect(file?.pending).toBeUndefined();
    // The record as it was (the restore brought back the first backup: one patient), its trust intact.
    const backend = g.backend();
    expect(backend?.db.prepare('SELECT count(*) FROM patients').pluck().get()).toBe(1);
    expect(backend?.db.prepare("SELECT entity_id, after FROM audit_log WHERE entity = 'database_key'").get()).toMatchObject({ entity_id: keyId(newKey) });
    expect((await backend?.trust.runFull())?.state).toBe('ok');
    // Every backup still restores.
    const backups = listBackups(dataPaths(dir).backupDir);
    expect((await g.dispatchApp('backup:restore', { name: backups.at(-1)?.name })).ok).toBe(true);
    expect(fs.readdirSync(dir).some((n) => n.endsWith('.rekey'))).toBe(false);
    for (const g2 of gates.splice(0)) g2.close();

    // A new computer: the old recovery key is refused, the new one opens the record.
    fs.rmSync(path.join(dir, 'database-key.json'));
    const elsewhere = gate(testKeyStore());
    expect((await elsewhere.begin()).state).toBe('recover');
    expect(await elsewhere.dispatchVault('vault:recover', { recoveryKey: oldRecovery })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect((await vault(elsewhere, 'vault:recover', { recoveryKey: shown.recoveryKey })).state).toBe('open');
  });

  it('with a practice passphrase: asked first (a wrong one refused); the new key is protected by the same passphrase', async () => {
    const passphrase = 'our clinic opens at eight';
    const g = gate(null);
    const oldKey = keyOf(await record(g, passphrase));
    expect(await g.dispatchVault('vault:beginKeyChange', {})).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
    expect(await g.dispatchVault('vault:beginKeyChange', { passphrase: 'our clinic opens at nine' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(readKeyFile(dir)?.pending).toBeUndefined();
    expect(logged.some((l) => l.includes('wrong practice passphrase'))).toBe(true);
    expect(logged.join('\n')).not.toContain('nine');
    const shown = await vault(g, 'vault:beginKeyChange', { passphrase });
    if (shown.state !== 'recovery-key') throw new Error(shown.state);
    expect((await vault(g, 'vault:confirmRecoveryKey', { lastGroup: shown.recoveryKey.slice(-5) })).state).toBe('open');
    await g.backend()?.startupBackup;
    allUnder(keyOf(shown.recoveryKey), oldKey);
    for (const g2 of gates.splice(0)) g2.close();
    const next = gate(null);
    expect((await next.begin()).state).toBe('unlock');
    expect((await vault(next, 'vault:unlock', { passphrase })).state).toBe('open');
    expect(next.backend()?.db.prepare('SELECT count(*) FROM patients').pluck().get()).toBe(1);
  });

  it('cancelled before its recovery key is confirmed: nothing changes, also after a restart in between', async () => {
    const g = gate(testKeyStore());
    const oldKey = keyOf(await record(g));
    const files = recordFilesToRekey(dataPaths(dir), second);
    const head = (f: string) => fs.readFileSync(f).subarray(0, 64).toString('hex');
    const before = files.map(head);
    const shown = await vault(g, 'vault:beginKeyChange');
    if (shown.state !== 'recovery-key') throw new Error(shown.state);
    for (const g2 of gates.splice(0)) g2.close();
    // Restarted before confirming: the same new recovery key is shown again, and can still be cancelled.
    const again = gate(testKeyStore());
    expect(await again.begin()).toMatchObject({ state: 'recovery-key', replacing: true, recoveryKey: shown.recoveryKey });
    expect((await vault(again, 'vault:cancelKeyChange')).state).toBe('open');
    expect(readKeyFile(dir)).toMatchObject({ keyId: keyId(oldKey) });
    expect(readKeyFile(dir)?.pending).toBeUndefined();
    expect(files.map(head)).toEqual(before);
    for (const f of recordFilesToRekey(dataPaths(dir), second)) expect(keyOpensFile(f, oldKey), f).toBe(true);
    expect(again.backend()?.db.prepare('SELECT count(*) FROM patients').pluck().get()).toBe(1);
  });

  it('interrupted after the confirmation (some files re-encrypted): finished at the next start', async () => {
    const g = gate(testKeyStore());
    const oldKey = keyOf(await record(g));
    const shown = await vault(g, 'vault:beginKeyChange');
    if (shown.state !== 'recovery-key') throw new Error(shown.state);
    const newKey = keyOf(shown.recoveryKey);
    for (const g2 of gates.splice(0)) g2.close();
    // As a crash would leave it: the confirmation written, the live file and one backup done, a copy half made.
    const file = readKeyFile(dir);
    if (!file?.pending) throw new Error('no pending key');
    fs.writeFileSync(path.join(dir, 'database-key.json'), JSON.stringify({ ...file, pending: { ...file.pending, recoveryConfirmedAt: new Date().toISOString(), secondFolder: second } }));
    expect(unwrapPending(file, { osStore: testKeyStore() })?.equals(newKey)).toBe(true);
    const files = recordFilesToRekey(dataPaths(dir), second);
    expect(rekeyFile(files[0] ?? '', oldKey, newKey)).toBe('rekeyed');
    expect(rekeyFile(files[1] ?? '', oldKey, newKey)).toBe('rekeyed');
    fs.copyFileSync(files[2] ?? '', `${files[2] ?? ''}.rekey`);

    const next = gate(testKeyStore());
    expect(await next.begin()).toMatchObject({ state: 'open', keyId: keyId(newKey), notice: { kind: 'info', message: expect.stringContaining('The key was replaced') } });
    await next.backend()?.startupBackup;
    allUnder(newKey, oldKey);
    expect(fs.existsSync(`${files[2] ?? ''}.rekey`)).toBe(false);
    expect(next.backend()?.db.prepare('SELECT count(*) FROM patients').pluck().get()).toBe(1);
  });

  it('waits while a backup runs in the data worker: asked meanwhile, it says so and changes nothing', async () => {
    const g = gate(testKeyStore(), true);
    await g.begin();
    const made = await vault(g, 'vault:create');
    if (made.state !== 'recovery-key') throw new Error(made.state);
    await vault(g, 'vault:confirmRecoveryKey', { lastGroup: made.recoveryKey.slice(-5) });
    const backingUp = g.dispatchApp('backup:now', {});
    expect(await g.dispatchVault('vault:beginKeyChange', {})).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: 'A backup is running. Replace the key when it has finished.' } });
    expect(readKeyFile(dir)?.pending).toBeUndefined();
    expect((await backingUp).ok).toBe(true);
    expect((await vault(g, 'vault:beginKeyChange')).state).toBe('recovery-key');
  });

  it('stopped by a file that cannot be re-encrypted: everything goes back under the current key, which stays, and it is said', async () => {
    const g = gate(testKeyStore());
    const oldRecovery = await record(g);
    const oldKey = keyOf(oldRecovery);
    // The oldest backup damaged in its middle (its first pages, and so its key check, intact).
    const damaged = listBackups(dataPaths(dir).backupDir).at(-1)?.name ?? '';
    const target = path.join(dataPaths(dir).backupDir, damaged);
    const bytes = fs.readFileSync(target);
    bytes.fill(0x5a, Math.floor(bytes.length / 2), Math.floor(bytes.length / 2) + 4096);
    fs.writeFileSync(target, bytes);
    const shown = await vault(g, 'vault:beginKeyChange');
    if (shown.state !== 'recovery-key') throw new Error(shown.state);
    const opened = await vault(g, 'vault:confirmRecoveryKey', { lastGroup: shown.recoveryKey.slice(-5) });
    expect(opened).toMatchObject({ state: 'open', keyId: keyId(oldKey), notice: { kind: 'error', message: expect.stringContaining('The key was not replaced') } });
    for (const f of recordFilesToRekey(dataPaths(dir), second)) expect(keyOpensFile(f, keyOf(shown.recoveryKey)), f).toBe(false);
    expect(readKeyFile(dir)?.keyId).toBe(keyId(oldKey));
    expect(readKeyFile(dir)?.pending).toBeUndefined();
    expect(g.backend()?.db.prepare('SELECT count(*) FROM patients').pluck().get()).toBe(1);
  });
});
