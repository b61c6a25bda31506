import { useRef, useState, type FormEvent } from 'react';
import type { VaultApi, VaultStatus } from '../../../shared/ipc/vault-contract.ts';
import { useAction } from '../session/useAsync.ts';
import { PassphrasePair } from '../vault/PassphrasePair.tsx';
import { passphraseProblem, vaultCall } from '../vault/vault-api.ts';

/**
 * Settings → Encryption: a new practice passphrase, the current one typed as proof. The key itself does not
 * change, so the recovery key and every backup stay valid.
 */
export function ChangePassphraseForm({ vault, onChanged, onCancel }: { vault: VaultApi; onChanged: (status: VaultStatus) => void; onCancel: () => void }) {
  const change = useAction();
  const [current, setCurrent] = useState('');
  const [pair, setPair] = useState({ value: '', again: '' });
  const [problem, setProblem] = useState<string | null>(null);
  // A second Enter while the first change is on its way would be refused as a wrong passphrase.
  const sending = useRef(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (sending.current) return;
    const p = current === '' ? 'Type the current practice passphrase first.' : passphraseProblem(pair.value, pair.again);
    setProblem(p);
    if (p) return;
    sending.current = true;
    try {
      const status = await change.run(() => vaultCall(vault.changePassphrase({ current, next: pair.value })));
      if (status) onChanged(status);
      else setCurrent('');
    } finally {
      sending.current = false;
    }
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
