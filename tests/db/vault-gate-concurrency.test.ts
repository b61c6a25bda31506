// Two vault calls at once (a double Enter on the confirmation or the passphrase) open the record once:
// the second one finds the record open and is refused, nothing is started twice.
import { startBackend, type Backend } from '../../electron/backend.ts';
import { setDatabaseKey } from '../../electron/db/sqlite.ts';
import { createVaultGate } from '../../electron/vault/gate.ts';
import type { VaultStatus } from '../../shared/ipc/vault-contract.ts';
import { MIGRATIONS_DIR, removeDir, tempDir } from '../helpers/temp.ts';

let dir: string;
beforeEach(() => {
  dir = tempDir('toxinmap-vault-twice-');
});
afterEach(() => {
  setDatabaseKey(null);
  removeDir(dir);
});

it('a confirmation sent twice at once opens the record once', async () => {
  const started: Backend[] = [];
  const gate = createVaultGate({
    dataDirectory: dir, migrationsDir: MIGRATIONS_DIR, osStore: null, failureDelay: () => 0,
    start: async (key) => {
      const backend = await startBackend({ dataDirectory: dir, migrationsDir: MIGRATIONS_DIR, appVersion: '0.0.0-test', databaseKey: key });
      started.push(backend);
      return backend;
    },
  });
  try {
    await gate.begin();
    const made = await gate.dispatchVault('vault:create', { passphrase: 'twelve chars or more' });
    if (!made.ok) throw new Error(made.error.message);
    const lastGroup = (made.value as Extract<VaultStatus, { state: 'recovery-key' }>).recoveryKey.slice(-5);
    const [first, second] = await Promise.all([
      gate.dispatchVault('vault:confirmRecoveryKey', { lastGroup }),
      gate.dispatchVault('vault:confirmRecoveryKey', { lastGroup }),
    ]);
    expect(first).toMatchObject({ ok: true, value: { state: 'open' } });
    expect(second).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(started).toHaveLength(1);
  } finally {
    for (const b of started.slice(1)) b.close();
    gate.close();
  }
});

it('a short practice passphrase at creation is refused as bad input, with the rule', async () => {
  const gate = createVaultGate({
    dataDirectory: dir, migrationsDir: MIGRATIONS_DIR, osStore: null, failureDelay: () => 0,
    start: (key) => startBackend({ dataDirectory: dir, migrationsDir: MIGRATIONS_DIR, appVersion: '0.0.0-test', databaseKey: key }),
  });
  try {
    await gate.begin();
    expect(await gate.dispatchVault('vault:create', { passphrase: 'short' })).toMatchObject({ ok: false, error: { code: 'BAD_INPUT', message: expect.stringContaining('at least 12 characters') } });
    expect(await gate.dispatchVault('vault:create', {})).toMatchObject({ ok: false, error: { code: 'BAD_INPUT', message: expect.stringContaining('passphrase') } });
  } finally {
    gate.close();
  }
});
