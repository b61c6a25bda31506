import { useEffect, useState } from 'react';
import type { Clinician, SessionDetail } from '../../../shared/domain/types.ts';
import type { SessionDerived } from '../../../shared/rules/types.ts';
import type { Nav } from '../App.tsx';
import { useClient } from '../client-context.tsx';
import { formatDate } from '../format.ts';
import { useAction } from './useAsync.ts';
import { SignDialog } from './SignDialog.tsx';

/**
 * Sign a draft (after a confirmation that lists what is missing and every warning not yet
 * acknowledged), or open an amendment of a signed session with a reason.
 */
export function SignOrAmend({ session, nav, onSigned, derived }: {
  session: SessionDetail;
  nav: Nav;
  onSigned: (s: SessionDetail) => void;
  /** The session's derived figures as last read; the confirmation lists their open warnings. */
  derived?: SessionDerived | null | undefined;
}) {
  const client = useClient();
  const { busy, error, run, clearError } = useAction();
  const [mode, setMode] = useState<'idle' | 'confirm-sign' | 'amend'>('idle');
  const [reason, setReason] = useState('');
  const [passphrase, setPassphrase] = useState('');
  // The accounts that may sign (not deactivated) and the current one: signing and amending always ask
  // for the signing account's passphrase; an account without one cannot sign until it sets one.
  const [accounts, setAccounts] = useState<Clinician[]>([]);
  const [current, setCurrent] = useState<Clinician | null>(null);
  const [accountsRead, setAccountsRead] = useState(0);
  const loadAccounts = () => setAccountsRead((n) => n + 1);
  useEffect(() => {
    void Promise.all([client.clinician.list({}), client.clinician.get({})]).then(([list, now]) => {
      setAccounts(list.filter((a) => !a.deactivatedAt));
      setCurrent(now);
    }, () => setAccounts([]));
  }, [client, accountsRead]);

  if (session.status === 'signed') {
    return (
      <div className="sign-box">
        <span className="signed-by" data-testid="signed-by">
          Signed by {session.signedBy} · {session.signedAt ? formatDate(session.signedAt.slice(0, 10)) : ''}
        </span>
        {session.amendedBy.length > 0 ? (
          <button type="button" onClick={() => nav.go({ screen: 'chart', patientId: session.patientId, sessionId: session.amendedBy.at(-1) as string })}>
            Open amendment
          </button>
        ) : mode === 'amend' ? (
          <form
            className="inline-form"
            onSubmit={(e) => {
              e.preventDefault();
              void run(async () => {
                const amendment = await client.session.amend({ id: session.id, reason, passphrase });
                nav.go({ screen: 'chart', patientId: session.patientId, sessionId: amendment.id });
              });
            }}
          >
            <input required autoFocus placeholder="Reason for the amendment" value={reason} onChange={(e) => setReason(e.target.value)} maxLength={1000} />
            <input type="password" required autoComplete="current-password" placeholder={current ? `Passphrase of ${current.name}` : 'Your passphrase'} aria-label={current ? `Passphrase of ${current.name}` : 'Your passphrase'} value={passphrase} onChange={(e) => setPassphrase(e.target.value)} maxLength={200} data-testid="amend-passphrase" />
            {current && !current.hasPassphrase && (
              <p className="form-error" role="alert" data-testid="amend-no-passphrase">{current.name} has no passphrase yet, and an account without one cannot amend. Set one in Settings, under Signing passphrase.</p>
            )}
            <button type="submit" className="primary" disabled={busy}>Start amendment</button>
            <button type="button" onClick={() => setMode('idle')}>Cancel</button>
          </form>
        ) : (
          <button type="button" onClick={() => setMode('amend')}>Amend…</button>
        )}
        {error && <p className="form-error" role="alert">{error}</p>}
      </div>
    );
  }

  return (
    <div className="sign-box">
      <button type="button" className="primary" onClick={() => setMode('confirm-sign')} data-testid="sign">
        Sign session…
      </button>
      {mode === 'confirm-sign' && (
        <SignDialog
          derived={derived}
          busy={busy}
          error={error}
          onCancel={() => { setMode('idle'); clearError(); }}
          accounts={accounts}
          currentId={current?.id ?? null}
          onSetPassphrase={async (id, typed) => {
            const saved = await run(() => client.clinician.setPassphrase({ id, passphrase: typed }));
            if (saved) loadAccounts();
            return saved !== undefined;
          }}
          onSign={(typed, accountId) => void run(async () => {
            // Another clinician signs: their account becomes the current one (it asks for the same passphrase).
            if (accountId !== current?.id) {
              setCurrent(await client.clinician.activate({ id: accountId, passphrase: typed }));
              nav.notify({ kind: 'info', message: 'The signing account is now the current one: later changes are recorded in its name.' });
            }
            onSigned(await client.session.sign({ id: session.id, passphrase: typed }));
          })}
        />
      )}
      {error && mode !== 'confirm-sign' && <p className="form-error" role="alert">{error}</p>}
    </div>
  );
}
