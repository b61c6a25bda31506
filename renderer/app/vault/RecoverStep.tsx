import { useState, type FormEvent } from 'react';
import type { VaultApi } from '../../../shared/ipc/vault-contract.ts';
import type { StepProps } from './VaultScreen.tsx';
import { PassphrasePair } from './PassphrasePair.tsx';
import { passphraseProblem } from './vault-api.ts';
import { useVaultStep } from './useVaultStep.ts';

/**
 * Only the recovery key opens the record here (a new computer, a lost key store, a forgotten passphrase).
 * Where the computer has no secure key store, a new practice passphrase protects the key from now on.
 */
export function RecoverStep({ vault, status, onStatus, onBack }: StepProps<'recover'> & { vault: VaultApi; onBack?: () => void }) {
  const { busy, error, submit } = useVaultStep(onStatus);
  const [recoveryKey, setRecoveryKey] = useState('');
  const [pair, setPair] = useState({ value: '', again: '' });
  const [problem, setProblem] = useState<string | null>(null);
  const needsPassphrase = status.store === null;

  async function recover(e: FormEvent) {
    e.preventDefault();
    const p = recoveryKey.trim() === '' ? 'Type the recovery key, as printed.' : needsPassphrase ? passphraseProblem(pair.value, pair.again) : null;
    setProblem(p);
    if (p) return;
    await submit(() => vault.recover({ recoveryKey, ...(needsPassphrase ? { passphrase: pair.value } : {}) }));
  }

  const shown = problem ?? error;
  return (
    <form className="card vault-card" onSubmit={(e) => void recover(e)} aria-labelledby="vault-title" noValidate>
      <h1 id="vault-title">Open the record with the recovery key</h1>
      <p className="vault-note" data-testid="vault-recover-reason">{status.reason}</p>
      <p>
        The recovery key was printed or stored when the record was first encrypted. Without it, the record cannot be read
        by anyone, including ToxinMap support.
      </p>
      <label>
        Recovery key
        <textarea
          className="mono recovery-input"
          rows={2}
          autoFocus
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          maxLength={200}
          value={recoveryKey}
          aria-invalid={shown !== null && problem === null}
          aria-describedby="recovery-input-hint"
          onChange={(e) => setRecoveryKey(e.target.value)}
          onKeyDown={(e) => {
            // One line of text: Enter submits, as in any other field.
            if (e.key === 'Enter' && !e.shiftKey) {
              e.preventDefault();
              e.currentTarget.form?.requestSubmit();
            }
          }}
          data-testid="vault-recovery-key"
        />
      </label>
      <p id="recovery-input-hint" className="hint small">
        11 groups of 5 letters and digits. Spaces, dashes and lower case do not matter; a typo is caught.
      </p>
      {needsPassphrase && (
        <>
          <p>This computer offers no secure key store: choose a practice passphrase. It will be asked each time ToxinMap starts.</p>
          <PassphrasePair
            label="New practice passphrase"
            value={pair.value}
            again={pair.again}
            invalid={problem !== null && recoveryKey.trim() !== ''}
            onChange={(value, again) => setPair({ value, again })}
          />
        </>
      )}
      {shown && <p className="form-error" role="alert">{shown}</p>}
      <div className="form-actions left">
        <button type="submit" className="primary" disabled={busy} data-testid="vault-recover">
          {busy ? 'Opening…' : 'Open the record'}
        </button>
        {onBack && (
          <button type="button" onClick={onBack}>
            Back to the passphrase
          </button>
        )}
      </div>
    </form>
  );
}
