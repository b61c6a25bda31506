// The operating system's key store for the database key (electron/vault/key-file.ts), through Electron's
// safeStorage: the macOS Keychain, DPAPI on Windows (tied to the Windows account), libsecret or kwallet on
// Linux. On Linux without a keyring safeStorage falls back to "basic_text", a fixed obfuscation: that counts as
// no key store, and the app asks for a practice passphrase instead of keeping the key in the clear.
import { safeStorage } from 'electron';
import type { OsKeyStore } from '../vault/key-file.ts';

function linuxBackend(): string {
  try {
    return safeStorage.getSelectedStorageBackend();
  } catch {
    return 'unknown';
  }
}

export function osKeyStore(platform: NodeJS.Platform = process.platform): OsKeyStore {
  return {
    available() {
      if (!safeStorage.isEncryptionAvailable()) return false;
      if (platform !== 'linux') return true;
      const backend = linuxBackend();
      return backend !== 'basic_text' && backend !== 'unknown';
    },
    name() {
      if (platform === 'darwin') return 'macOS Keychain';
      if (platform === 'win32') return 'Windows data protection (your Windows account)';
      return `Linux secret service (${linuxBackend()})`;
    },
    encrypt: (secret) => safeStorage.encryptString(secret),
    decrypt: (wrapped) => safeStorage.decryptString(wrapped),
  };
}
