import { useState, type FormEvent } from 'react';
import type { VaultApi } from '../../../shared/ipc/vault-contract.ts';
import { useVaultStep } from '../vault/useVaultStep.ts';

/**
 * Settings → Encryption: a new key for the record, when the recovery key was lost or seen by someone who
 * should not have it. Asks the practice passphrase where it keeps the key; then the page reloads onto the
 * new recovery key (the vault screen), to be stored and confirmed before anything is re-encrypted.
 */
export function ReplaceKeyPanel({ vault, needsPassphrase, onCancel }: { vault: VaultApi; needsPassphrase: boolean; onCancel: () => void }) {
  // The vault screen takes over: it shows the new recovery key (VaultBoot reads the state at load).
  const begin = useVaultStep(() => window.location.reload());
  const [passphrase, setPassphrase] = useState('');

  async function submit(e: FormEvent) {
    e.preventDefault();
    await begin.submit(() => vault.beginKeyChange(needsPassphrase ? { passphrase } : {}));
  }

  return (
    <form className="vault-change" onSubmit={(e) => void submit(e)} aria-label="Replace the key" noValidate data-testid="replace-key-form">
      <p className="warn-text">
        Replace the key when the recovery key was lost, or seen by someone who should not have it. A new recovery key is
        shown next, to print and store; once you confirm it, the record, its backups and the copies in the second backup
        folder are encrypted again (about 20 seconds per gigabyte) and the old recovery key opens nothing any more. Until
        you confirm, you can keep the current key.
      </p>
      {needsPassphrase && (
        <label>
          Practice passphrase
          <input type="password" autoComplete="current-password" autoFocus maxLength={1024} value={passphrase} onChange={(e) => setPassphrase(e.target.value)} data-testid="replace-key-passphrase" />
        </label>
      )}
      {begin.error && <p className="form-error" role="alert">{begin.error}</p>}
      <div className="form-actions left">
        <button type="submit" className="primary" autoFocus={!needsPassphrase} disabled={begin.busy} data-testid="replace-key-submit">
          {begin.busy ? 'Making the new key…' : 'Make a new key'}
        </button>
        <button type="button" disabled={begin.busy} onClick={onCancel}>Cancel</button>
      </div>
    </form>
  );
}
