import { useEffect, useState, type FormEvent } from 'react';
import type { Clinician } from '../../../shared/domain/types.ts';
import type { Nav } from '../App.tsx';
import { useClient } from '../client-context.tsx';
import { useAction } from '../session/useAsync.ts';

/**
 * The passphrase of the current clinician account: signing and amending always ask for it (an account
 * without one cannot sign), and so do changing the profile and choosing the account. Changing it asks for
 * the current one.
 */
export function PassphraseCard({ nav, onChanged }: { nav: Nav; onChanged: () => void }) {
  const client = useClient();
  const { busy, error, run } = useAction();
  const [clinician, setClinician] = useState<Clinician | null>(null);
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [again, setAgain] = useState('');
  const [mismatch, setMismatch] = useState(false);

  useEffect(() => {
    void client.clinician.get({}).then(setClinician);
  }, [client]);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (next !== again) {
      setMismatch(true);
      return;
    }
    setMismatch(false);
    const c = await run(() => client.clinician.setPassphrase({ ...(clinician?.hasPassphrase ? { current } : {}), passphrase: next }));
    if (c) {
      setClinician(c);
      setCurrent('');
      setNext('');
      setAgain('');
      nav.notify({ kind: 'info', message: 'Passphrase saved. Signing and amending now ask for it.' });
      onChanged();
    }
  }

  if (!clinician) return null;
  return (
    <form className="card form-grid" onSubmit={(e) => void submit(e)} aria-label="Signing passphrase">
      <h2>Signing passphrase</h2>
      <p className={`wide-row ${clinician.hasPassphrase ? 'muted' : 'warn-text'}`} data-testid="passphrase-state">
        {clinician.hasPassphrase
          ? `Signing, amending and changing the profile ask for the passphrase of ${clinician.name}.`
          : `No passphrase yet: ${clinician.name} cannot sign nor amend until the account has one. Choose one (at least 10 characters).`}
      </p>
      {clinician.hasPassphrase && (
        <label>
          Current passphrase
          <input type="password" autoComplete="current-password" required maxLength={200} value={current} onChange={(e) => setCurrent(e.target.value)} />
        </label>
      )}
      <label>
        {clinician.hasPassphrase ? 'New passphrase' : 'Passphrase'}
        <input type="password" autoComplete="new-password" required minLength={10} maxLength={200} value={next} onChange={(e) => setNext(e.target.value)} data-testid="new-passphrase" />
      </label>
      <label>
        Repeat it
        <input type="password" autoComplete="new-password" required minLength={10} maxLength={200} value={again} onChange={(e) => setAgain(e.target.value)} data-testid="repeat-passphrase" />
      </label>
      {mismatch && <p className="form-error wide-row" role="alert">The two passphrases differ.</p>}
      {error && <p className="form-error wide-row" role="alert">{error}</p>}
      <div className="form-actions">
        <button type="submit" className="primary" disabled={busy} data-testid="save-passphrase">
          {clinician.hasPassphrase ? 'Change passphrase' : 'Set passphrase'}
        </button>
      </div>
    </form>
  );
}
