import { useRef, useState, type FormEvent } from 'react';
import type { VaultApi } from '../../../shared/ipc/vault-contract.ts';
import type { StepProps } from './VaultScreen.tsx';
import { useVaultStep } from './useVaultStep.ts';

/** The key is wrapped by the practice passphrase: asked at each start; the recovery key is the way out. */
export function UnlockStep({ vault, onStatus, onUseRecoveryKey }: StepProps<'unlock'> & { vault: VaultApi; onUseRecoveryKey: () => void }) {
  const { busy, error, submit } = useVaultStep(onStatus);
  const [passphrase, setPassphrase] = useState('');
  const field = useRef<HTMLInputElement>(null);

  async function unlock(e: FormEvent) {
    e.preventDefault();
    const opened = await submit(() => vault.unlock({ passphrase }));
    if (!opened) {
      // Ready to type again at once.
      field.current?.focus();
      field.current?.select();
    }
  }

  return (
    <form className="card vault-card" onSubmit={(e) => void unlock(e)} aria-labelledby="vault-title" noValidate>
      <h1 id="vault-title">Open the patient record</h1>
      <p>The record on this computer is encrypted with a key protected by the practice passphrase.</p>
      <label>
        Practice passphrase
        <input
          ref={field}
          type="password"
          autoComplete="current-password"
          autoFocus
          maxLength={1024}
          value={passphrase}
          aria-invalid={error !== null}
          onChange={(e) => setPassphrase(e.target.value)}
          data-testid="vault-unlock-passphrase"
        />
      </label>
      {error && <p className="form-error" role="alert">{error}</p>}
      <div className="form-actions left">
        <button type="submit" className="primary" disabled={busy || passphrase === ''} data-testid="vault-unlock">
          {busy ? 'Opening…' : 'Open the record'}
        </button>
        <button type="button" onClick={onUseRecoveryKey} data-testid="vault-use-recovery-key">
          Use the recovery key instead
        </button>
      </div>
    </form>
  );
}
