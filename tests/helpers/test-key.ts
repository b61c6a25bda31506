// The suite runs its database tests twice (vitest.config.ts): unencrypted (project "unit") and encrypted
// (project "db-encrypted", TOXINMAP_TEST_ENCRYPTED=1), where every file the app opens in the test process, in
// its data workers and in the fixtures' child processes uses this key.
import { setDatabaseKey } from '../../electron/db/sqlite.ts';

export const ENCRYPTED = process.env.TOXINMAP_TEST_ENCRYPTED === '1';

/** A fixed test key (32 bytes); the app's keys are random (electron/vault/). */
export const TEST_KEY: Buffer | null = ENCRYPTED ? Buffer.from('5f'.repeat(32), 'hex') : null;

/** Sets the key for this process when the suite runs encrypted. */
export function applyTestEncryption(): void {
  setDatabaseKey(TEST_KEY);
}
