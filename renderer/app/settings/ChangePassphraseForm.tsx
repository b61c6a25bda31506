import { useState, type FormEvent } from 'react';
import type { VaultApi, VaultStatus } from '../../../shared/ipc/vault-contract.ts';
import { PassphrasePair } from '../vault/PassphrasePair.tsx';
import { passphraseProblem } from '../vault/vault-api.ts';
import { useVaultStep } from '../vault/useVaultStep.ts';

/**
 * Settings → Encryption: a new practice passphrase, the current one typed as proof. The key itself does not
 * change, so the recovery key and every backup stay valid.
 */
export function ChangePassphraseForm({ vault, onChanged, onCancel }: { vault: VaultApi; onChanged: (status: VaultStatus) => void; onCancel: () => void }) {
  // One change at a time: a second Enter while the first is on its way would be refused as a wrong passphrase.
  const change = useVaultStep(onChanged);
  const [current, setCurrent] = useState('');
  const [pair, setPair] = useState({ value: '', again: '' });
  const [problem, setProblem] = useState<string | null>(null);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (change.busy) return;
    const p = current === '' ? 'Type the current practice passphrase first.' : passphraseProblem(pair.value, pair.again);
    setProblem(p);
    if (p) return;
    if (!(await change.submit(() => vault.changePassphrase({ current, next: pair.value })))) setCurrent('');
  }

  const shown = problem ?? change.error;
  return (
    <form className="vault-change" onSubmit={(e) => void submit(e)} aria-label="Change the practice passphrase" noValidate data-testid="change-passphrase-form">
      <p className="hint">
        Everyone who starts ToxinMap on this computer needs the new passphrase from the next start. The recovery key and the
        backups stay as they are.
      </p>
      <label>
        Current practice passphrase
        <input
          type="password"
          autoComplete="current-password"
          autoFocus
          maxLength={1024}
          value={current}
          onChange={(e) => setCurrent(e.target.value)}
          data-testid="current-passphrase"
        />
      </label>
      <PassphrasePair label="New practice passphrase" value={pair.value} again={pair.again} invalid={problem !== null} onChange={(value, again) => setPair({ value, again })} />
      {shown && <p className="form-error" role="alert">{shown}</p>}
      <div className="form-actions left">
        <button type="submit" className="primary" disabled={change.busy} data-testid="change-passphrase-submit">
          {change.busy ? 'Changing…' : 'Change the passphrase'}
        </button>
        <button type="button" disabled={change.busy} onClick={onCancel}>Cancel</button>
      </div>
    </form>
  );
}
