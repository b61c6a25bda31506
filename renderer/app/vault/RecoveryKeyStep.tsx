import { useEffect, useState, type FormEvent } from 'react';
import type { VaultApi } from '../../../shared/ipc/vault-contract.ts';
import type { StepProps } from './VaultScreen.tsx';
import { RecoveryKeySheet } from './RecoveryKeySheet.tsx';
import { useVaultStep } from './useVaultStep.ts';

/** The new recovery key, shown until the user types its last group back (proof it was stored). */
export function RecoveryKeyStep({ vault, status, onStatus }: StepProps<'recovery-key'> & { vault: VaultApi }) {
  const { busy, error, submit } = useVaultStep(onStatus);
  const [lastGroup, setLastGroup] = useState('');

  async function confirm(e: FormEvent) {
    e.preventDefault();
    await submit(() => vault.confirmRecoveryKey({ lastGroup }));
  }
  const replacing = status.replacing === true;
  // While the files are encrypted again (in the data worker): how many are done, asked twice a second.
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  useEffect(() => {
    if (!busy || !replacing) return;
    let live = true;
    const timer = setInterval(() => {
      void vault.progress({}).then((r) => {
        if (live && r.ok) setProgress(r.value);
      });
    }, 500);
    return () => {
      live = false;
      clearInterval(timer);
    };
  }, [busy, replacing, vault]);

  return (
    <form className="card vault-card" onSubmit={(e) => void confirm(e)} aria-labelledby="vault-title" noValidate>
      <h1 id="vault-title">{replacing ? 'Store the new recovery key' : 'Store the recovery key'}</h1>
      {replacing && (
        <p className="vault-note" data-testid="vault-replacing">
          The record gets a new key. Once you confirm, the record, its backups and the copies in the second backup folder
          are encrypted again with it (about 20 seconds per gigabyte), and the old recovery key opens nothing any more.
        </p>
      )}
      <p className="vault-warning">
        Without the key on this computer and this recovery key, nobody can read the record: not the practice, not an IT
        service, not ToxinMap support. Print it or store it somewhere safe, away from this computer.
      </p>
      <RecoveryKeySheet recoveryKey={status.recoveryKey} />
      <label className="vault-confirm">
        To confirm it is stored, type its last group (the five characters
        after the last dash)
        <input
          className="mono"
          autoFocus
          autoComplete="off"
          spellCheck={false}
          maxLength={64}
          value={lastGroup}
          aria-invalid={error !== null}
          onChange={(e) => setLastGroup(e.target.value)}
          data-testid="vault-last-group"
        />
      </label>
      {error && <p className="form-error" role="alert">{error}</p>}
      {busy && (
        <p className="vault-note" role="status" data-testid="vault-opening">
          {replacing
            ? `Encrypting the record and its backups with the new key${progress && progress.total > 0 ? ` (file ${Math.min(progress.done + 1, progress.total)} of ${progress.total})` : ''}. Leave the app open until the patient list appears.`
            : 'Opening the record. At the first start of this version an unencrypted record is encrypted first: about 20 seconds for ten years of records. Leave the app open until the patient list appears.'}
        </p>
      )}
      <div className="form-actions left">
        <button type="submit" className="primary" disabled={busy} data-testid="vault-confirm">
          {busy ? (replacing ? 'Encrypting with the new key…' : 'Opening the record…') : replacing ? 'Confirm and replace the key' : 'Confirm and open the record'}
        </button>
        {replacing && (
          <button type="button" disabled={busy} onClick={() => void submit(() => vault.cancelKeyChange({}))} data-testid="vault-keep-key">
            Keep the current key
          </button>
        )}
      </div>
    </form>
  );
}
