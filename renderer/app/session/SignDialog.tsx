import { useEffect, useRef, useState } from 'react';
import type { SessionDerived } from '../../../shared/rules/types.ts';

/**
 * The last question before signing, as a modal dialog: what is still missing (signing waits for it) and
 * every warning not yet acknowledged (listed; the clinician may sign anyway). Escape or Cancel closes it.
 */
export function SignDialog({ derived, busy, error, onSign, onCancel, askPassphrase = false }: {
  derived: SessionDerived | null | undefined;
  busy: boolean;
  error: string | null;
  /** Called with the passphrase typed when the account has one (askPassphrase). */
  onSign: (passphrase?: string) => void;
  onCancel: () => void;
  askPassphrase?: boolean;
}) {
  const [passphrase, setPassphrase] = useState('');
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);
  const open = (derived?.findings ?? []).filter((f) => f.severity === 'warning' && !f.acknowledgement);
  const missing = derived?.completeness ?? [];
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
      {askPassphrase && (
        <label className="sign-passphrase">
          Your passphrase
          <input
            type="password"
            autoComplete="current-password"
            maxLength={200}
            value={passphrase}
            onChange={(e) => setPassphrase(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter' && !busy && missing.length === 0 && passphrase !== '') {
                e.preventDefault();
                onSign(passphrase);
              }
            }}
            data-testid="sign-passphrase"
          />
        </label>
      )}
      {error && <p className="form-error" role="alert">{error}</p>}
      <div className="form-actions">
        <button type="button" onClick={onCancel}>Cancel</button>
        <button type="button" className="primary" autoFocus disabled={busy || missing.length > 0 || (askPassphrase && passphrase === '')} data-testid="confirm-sign" onClick={() => onSign(askPassphrase ? passphrase : undefined)}>
          {open.length > 0 ? 'Sign with these warnings' : 'Sign now'}
        </button>
      </div>
    </dialog>
  );
}
