import { useState, type FormEvent } from 'react';
import type { VaultApi } from '../../../shared/ipc/vault-contract.ts';
import type { StepProps } from './VaultScreen.tsx';
import { PassphrasePair } from './PassphrasePair.tsx';
import { MIN_PRACTICE_PASSPHRASE } from '../../../shared/domain/passphrase-rules.ts';
import { passphraseProblem } from './vault-api.ts';
import { useVaultStep } from './useVaultStep.ts';

/** First start: the record will be encrypted here; the key kept by the OS key store, or a practice passphrase. */
export function CreateStep({ vault, status, onStatus }: StepProps<'create'> & { vault: VaultApi }) {
  const { busy, error, submit } = useVaultStep(onStatus);
  const [pair, setPair] = useState({ value: '', again: '' });
  const [problem, setProblem] = useState<string | null>(null);
  const needsPassphrase = status.store === null;

  async function create(e: FormEvent) {
    e.preventDefault();
    if (needsPassphrase) {
      const p = passphraseProblem(pair.value, pair.again);
      setProblem(p);
      if (p) return;
    }
    await submit(() => vault.create(needsPassphrase ? { passphrase: pair.value } : {}));
  }

  const shown = problem ?? error;
  return (
    <form className="card vault-card" onSubmit={(e) => void create(e)} aria-labelledby="vault-title" noValidate>
      <h1 id="vault-title">Protect the patient record on this computer</h1>
      <p>
        ToxinMap encrypts the record on this computer: the database, its journal and every backup. Anyone who takes the
        computer, its disk or a backup copy sees only unreadable bytes.
      </p>
      {status.unencryptedRecord && (
        <p className="vault-note" data-testid="vault-unencrypted-record">
          The record already on this computer will be encrypted now. Its unencrypted file is kept aside until a new backup
          has been made; Settings → Encryption then removes it.
        </p>
      )}
      {needsPassphrase ? (
        <>
          <p>
            This computer offers no secure key store for the record’s key, so a <strong>practice passphrase</strong> protects
            it instead. It is asked each time ToxinMap starts. Choose one of at least {MIN_PRACTICE_PASSPHRASE} characters that the
            people who open ToxinMap here can remember.
          </p>
          <PassphrasePair
            value={pair.value}
            again={pair.again}
            invalid={problem !== null}
            autoFocus
            onChange={(value, again) => setPair({ value, again })}
          />
        </>
      ) : (
        <p>
          The key is kept by this computer’s secure key store (<strong>{status.store}</strong>), so nothing needs to be
          typed when ToxinMap starts.
        </p>
      )}
      <p>Next, ToxinMap shows a recovery key to print or store somewhere safe.</p>
      {shown && <p className="form-error" role="alert">{shown}</p>}
      <div className="form-actions left">
        <button type="submit" className="primary" disabled={busy} autoFocus={!needsPassphrase} data-testid="vault-create">
          {busy ? 'Creating the key…' : 'Encrypt the record'}
        </button>
      </div>
    </form>
  );
}
