import { useEffect, useState, type FormEvent } from 'react';
import type { ClinicianAccount } from '../../../shared/domain/types.ts';
import type { Nav } from '../App.tsx';
import { useClient } from '../client-context.tsx';
import { useAction } from '../session/useAsync.ts';

function displayName(c: Pick<ClinicianAccount, 'name' | 'credentials'>): string {
  return c.credentials ? `${c.name}, ${c.credentials}` : c.name;
}

type Pending = { kind: 'use' | 'deactivate' | 'reactivate'; account: ClinicianAccount };

/**
 * The practice's clinician accounts: which one is current (it charts, signs and authors every change), adding
 * a colleague, and deactivating one who left (it keeps its signatures; an account is never deleted).
 * Choosing an account asks for its passphrase; deactivating asks for the current account's.
 */
export function AccountsCard({ nav, version, onChanged }: { nav: Nav; version: number; onChanged: () => void }) {
  const client = useClient();
  const { busy, error, run, clearError } = useAction();
  const [accounts, setAccounts] = useState<ClinicianAccount[]>([]);
  const [pending, setPending] = useState<Pending | null>(null);
  const [passphrase, setPassphrase] = useState('');
  const [form, setForm] = useState({ name: '', credentials: '', passphrase: '', again: '' });
  const [formError, setFormError] = useState<string | null>(null);

  useEffect(() => {
    void client.clinician.list({}).then(setAccounts);
  }, [client, version]);
  const current = accounts.find((a) => a.isCurrent) ?? null;

  function ask(kind: Pending['kind'], account: ClinicianAccount) {
    clearError();
    setPassphrase('');
    setPending({ kind, account });
  }

  async function confirm(e: FormEvent) {
    e.preventDefault();
    if (!pending) return;
    const { kind, account } = pending;
    const typed = passphrase === '' ? {} : { passphrase };
    const done = await run(() =>
      kind === 'use'
        ? client.clinician.activate({ id: account.id, ...typed })
        : client.clinician.setDeactivated({ id: account.id, deactivated: kind === 'deactivate', ...typed }),
    );
    if (!done) return;
    setPending(null);
    setPassphrase('');
    nav.notify({
      kind: 'info',
      message: kind === 'use'
        ? `${displayName(account)} is now the current account: changes and signatures are recorded in this name.`
        : kind === 'deactivate'
          ? `${displayName(account)} is deactivated: it can no longer sign. Its past signatures stay as they are.`
          : `${displayName(account)} is active again.`,
    });
    onChanged();
  }

  async function add(e: FormEvent) {
    e.preventDefault();
    if (form.passphrase !== form.again) return setFormError('The two passphrases differ.');
    setFormError(null);
    const added = await run(() =>
      client.clinician.add({ name: form.name, credentials: form.credentials, ...(form.passphrase ? { passphrase: form.passphrase } : {}) }),
    );
    if (!added) return;
    setForm({ name: '', credentials: '', passphrase: '', again: '' });
    nav.notify({ kind: 'info', message: `Account added for ${displayName(added)}.${added.hasPassphrase ? '' : ' It needs a passphrase before it can sign.'}` });
    onChanged();
  }

  // Choosing an account asks for its own passphrase; (de)activating another asks for the current one's.
  const askedFor = pending ? (pending.kind === 'use' ? pending.account : current) : null;
  return (
    <section className="card" aria-label="Clinician accounts">
      <h2>Clinician accounts</h2>
      <p className="hint">The current account charts, signs and is named in the audit log. Each clinician signs with their own passphrase.</p>
      <table className="list" data-testid="account-list">
        <thead><tr><th>Account</th><th>Passphrase</th><th>Signed</th><th /></tr></thead>
        <tbody>
          {accounts.map((a) => (
            <tr key={a.id} data-testid="account-row" className={a.deactivatedAt ? 'muted' : undefined}>
              <td>
                {displayName(a)}
                {a.isCurrent && <strong className="ok-text"> · current</strong>}
                {a.deactivatedAt && <span> · deactivated {a.deactivatedAt.slice(0, 10)}</span>}
              </td>
              <td className={a.hasPassphrase ? undefined : 'warn-text'}>{a.hasPassphrase ? 'set' : 'none: cannot sign'}</td>
              <td className="num">{a.signedSessions}</td>
              <td className="num">
                {!a.isCurrent && !a.deactivatedAt && <button type="button" onClick={() => ask('use', a)} aria-label={`Use the account of ${displayName(a)}`}>Use this account</button>}{' '}
                {!a.isCurrent && (a.deactivatedAt
                  ? <button type="button" onClick={() => ask('reactivate', a)} aria-label={`Reactivate ${displayName(a)}`}>Reactivate</button>
                  : <button type="button" onClick={() => ask('deactivate', a)} aria-label={`Deactivate ${displayName(a)}`}>Deactivate…</button>)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {pending && (
        <form className="inline-form account-confirm" onSubmit={(e) => void confirm(e)} aria-label="Confirm account change" data-testid="account-confirm">
          <span>
            {pending.kind === 'use' ? `Chart and sign as ${displayName(pending.account)}.` : pending.kind === 'deactivate' ? `Deactivate ${displayName(pending.account)}? It keeps its ${pending.account.signedSessions} signature${pending.account.signedSessions === 1 ? '' : 's'} but can no longer sign.` : `Reactivate ${displayName(pending.account)}?`}
          </span>
          {askedFor?.hasPassphrase && (
            <input type="password" autoFocus required autoComplete="current-password" maxLength={200} value={passphrase} onChange={(e) => setPassphrase(e.target.value)}
              aria-label={`Passphrase of ${displayName(askedFor)}`} placeholder={`Passphrase of ${askedFor.name}`} data-testid="account-passphrase" />
          )}
          <button type="submit" className="primary" disabled={busy} autoFocus={!askedFor?.hasPassphrase} data-testid="account-confirm-button">
            {pending.kind === 'use' ? 'Use this account' : pending.kind === 'deactivate' ? 'Deactivate' : 'Reactivate'}
          </button>
          <button type="button" onClick={() => { setPending(null); clearError(); }}>Cancel</button>
        </form>
      )}
      {error && <p className="form-error" role="alert">{error}</p>}
      <form className="form-grid account-add" onSubmit={(e) => void add(e)} aria-label="Add a clinician account">
        <h3 className="wide-row">Add an account</h3>
        <label>
          Name
          <input required maxLength={120} value={form.name} onChange={(e) => setForm({ ...form, name: e.target.value })} data-testid="add-account-name" />
        </label>
        <label>
          Credentials
          <input maxLength={120} placeholder="e.g. MD" value={form.credentials} onChange={(e) => setForm({ ...form, credentials: e.target.value })} data-testid="add-account-credentials" />
        </label>
        <label>
          Passphrase (at least 10 characters)
          <input type="password" autoComplete="new-password" minLength={10} maxLength={200} value={form.passphrase} onChange={(e) => setForm({ ...form, passphrase: e.target.value })} data-testid="add-account-passphrase" />
        </label>
        <label>
          Repeat it
          <input type="password" autoComplete="new-password" minLength={10} maxLength={200} required={form.passphrase !== ''} value={form.again} onChange={(e) => setForm({ ...form, again: e.target.value })} data-testid="add-account-repeat" />
        </label>
        {formError && <p className="form-error wide-row" role="alert">{formError}</p>}
        <div className="form-actions">
          <button type="submit" disabled={busy} data-testid="add-account">Add account</button>
        </div>
      </form>
    </section>
  );
}
