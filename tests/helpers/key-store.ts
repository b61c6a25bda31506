import type { OsKeyStore } from '../../electron/vault/key-file.ts';

/**
 * The operating system's key store as the tests play it (electron/shell/os-key-store.ts in the app): it wraps
 * with a fixed mask, as the OS would with its own secret. `available: false` plays a computer without one
 * (Linux without a keyring); `broken` a reset keychain that no longer gives the key back.
 */
export function testKeyStore(state: { available: boolean; broken?: boolean } = { available: true }): OsKeyStore {
  const mask = (b: Buffer) => Buffer.from(b.map((x) => x ^ 0x5a));
  return {
    available: () => state.available,
    name: () => 'Test key store',
    encrypt: (secret) => mask(Buffer.from(secret, 'utf8')),
    decrypt: (wrapped) => {
      if (state.broken) throw new Error('keychain reset');
      return mask(wrapped).toString('utf8');
    },
  };
}
