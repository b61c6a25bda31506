import { useEffect, useRef, useState } from 'react';
import type { Clinician } from '../../../shared/domain/types.ts';
import type { SessionDerived } from '../../../shared/rules/types.ts';

function displayName(c: Pick<Clinician, 'name' | 'credentials'>): string {
  return c.credentials ? `${c.name}, ${c.credentials}` : c.name;
}

/**
 * The last question before signing, as a modal dialog: what is still missing (signing waits for it), every
 * warning not yet acknowledged (listed; the clinician may sign anyway), who signs (the current account, or
 * another active one chosen here) and that account's passphrase. An account without a passphrase cannot
 * sign: the dialog says so and lets the clinician set one first. Escape or Cancel closes it.
 */
export function SignDialog({ derived, busy, error, onSign, onCancel, accounts, currentId, onSetPassphrase }: {
  derived: SessionDerived | null | undefined;
  busy: boolean;
  error: string | null;
  /** Signs as `accountId` (the current account, or one chosen here) with its passphrase. */
  onSign: (passphrase: string, accountId: string) => void;
  onCancel: () => void;
  /** The active (not deactivated) accounts; the current one is preselected. */
  accounts: Clinician[];
  currentId: string | null;
  /** Sets a first passphrase for an account that has none; resolves true when it was saved. */
  onSetPassphrase: (accountId: string, passphrase: string) => Promise<boolean>;
}) {
  const [passphrase, setPassphrase] = useState('');
  const [chosenId, setChosenId] = useState<string | null>(currentId);
  const [next, setNext] = useState('');
  const [again, setAgain] = useState('');
  const [localError, setLocalError] = useState<string | null>(null);
  const [justSet, setJustSet] = useState(false);
  const ref = useRef<HTMLDialogElement>(null);
  const field = useRef<HTMLInputElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);
  const open = (derived?.findings ?? []).filter((f) => f.severity === 'warning' && !f.acknowledgement);
  const missing = derived?.completeness ?? [];
  // The current account until another is chosen (the account list may arrive after the dialog opens).
  const chosen = chosenId ?? currentId;
  const signer = accounts.find((a) => a.id === chosen) ?? null;
  const needsPassphrase = signer !== null && !signer.hasPassphrase;
  // The field to type in next gets the focus once the accounts are known (they may arrive after the dialog opens).
  const newField = useRef<HTMLInputElement>(null);
  const signerId = signer?.id;
  useEffect(() => {
    (needsPassphrase ? newField.current : field.current)?.focus();
  }, [needsPassphrase, signerId]);
  const canSign = !busy && missing.length === 0 && signer !== null && !needsPassphrase && passphrase !== '';
  const sign = () => {
    if (canSign) onSign(passphrase, signer.id);
  };

  async function setFirst() {
    if (!signer) return;
    if (next.length < 10) return setLocalError('The passphrase has at least 10 characters.');
    if (next !== again) return setLocalError('The two passphrases differ.');
    setLocalError(null);
    if (await onSetPassphrase(signer.id, next)) {
      setNext('');
      setAgain('');
      setJustSet(true);
      requestAnimationFrame(() => field.current?.focus());
    }
  }

  return (
    <dialog ref={ref} className="sign-dialog" aria-labelledby="sign-title" onCancel={(e) => { e.preventDefault(); onCancel(); }}>
      <h2 id="sign-title">Sign this session?</h2>
      <p className="warn-text">After signing, the session cannot be changed; corrections become amendments.</p>
      {missing.length > 0 && (
        <div className="sign-missing" data-testid="sign-missing">
          <strong>Missing before signing:</strong>
          <ul>{missing.map((c) => <li key={c.kind}>{c.message}</li>)}</ul>
        </div>
      )}
      {open.length > 0 && (
        <div className="sign-findings" data-testid="sign-open-warnings" role="alert">
          <strong>{open.length} warning{open.length === 1 ? ' is' : 's are'} not acknowledged:</strong>
          <ul>{open.map((f) => <li key={f.key}>{f.message}</li>)}</ul>
        </div>
      )}
      {accounts.length === 0 ? (
        <p className="form-error" role="alert" data-testid="sign-no-account">No clinician account yet: add yours in Settings (name, credentials and a passphrase) before signing.</p>
      ) : accounts.length > 1 ? (
        <label className="sign-passphrase">
          Sign as
          <select value={chosen ?? ''} onChange={(e) => { setChosenId(e.target.value); setPassphrase(''); setJustSet(false); setLocalError(null); }} data-testid="sign-account">
            {accounts.map((a) => <option key={a.id} value={a.id}>{displayName(a)}{a.id === currentId ? ' (current)' : ''}</option>)}
          </select>
        </label>
      ) : (
        <p className="muted" data-testid="sign-as">Signing as <strong>{signer ? displayName(signer) : ''}</strong></p>
      )}
      {needsPassphrase ? (
        <form className="sign-set-passphrase" aria-label="Set a signing passphrase" data-testid="sign-set-passphrase" onSubmit={(e) => { e.preventDefault(); void setFirst(); }}>
          <p className="warn-text" role="alert">
            {displayName(signer)} has no passphrase yet, and an account without one cannot sign. Choose one now (at least 10 characters); signing will ask for it every time.
          </p>
          <label className="sign-passphrase">
            New passphrase
            <input ref={newField} type="password" autoComplete="new-password" required minLength={10} maxLength={200} value={next} onChange={(e) => setNext(e.target.value)} data-testid="sign-new-passphrase" />
          </label>
          <label className="sign-passphrase">
            Repeat it
            <input type="password" autoComplete="new-password" required minLength={10} maxLength={200} value={again} onChange={(e) => setAgain(e.target.value)} data-testid="sign-repeat-passphrase" />
          </label>
          <button type="submit" disabled={busy} data-testid="sign-save-passphrase">Set passphrase</button>
        </form>
      ) : signer && (
        <label className="sign-passphrase">
          {justSet ? `Passphrase set. Type it once more to sign as ${displayName(signer)}` : `Passphrase of ${displayName(signer)}`}
          <input
            ref={field}
            type="password"
            autoComplete="current-password"
            maxLength={200}
            value={passphrase}
            onChange={(e) => setPassphrase(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter') {
                e.preventDefault();
                sign();
              }
            }}
            data-testid="sign-passphrase"
          />
        </label>
      )}
      {(localError ?? error) && <p className="form-error" role="alert">{localError ?? error}</p>}
      <div className="form-actions">
        <button type="button" onClick={onCancel}>Cancel</button>
        <button type="button" className="primary" disabled={!canSign} data-testid="confirm-sign" onClick={sign}>
          {open.length > 0 ? 'Sign with these warnings' : 'Sign now'}
        </button>
      </div>
    </dialog>
  );
}
