import { useEffect, useState } from 'react';
import type { VaultStatus } from '../../../shared/ipc/vault-contract.ts';
import type { Nav } from '../App.tsx';
import { useSettings } from '../settings-context.tsx';
import { useAction } from '../session/useAsync.ts';
import { RecoveryKeySheet } from '../vault/RecoveryKeySheet.tsx';
import { vaultCall } from '../vault/vault-api.ts';
import '../vault/vault.css';
import { formatDateTime, formatSize } from '../format.ts';
import { ChangePassphraseForm } from './ChangePassphraseForm.tsx';
import { ReplaceKeyPanel } from './ReplaceKeyPanel.tsx';

type Open = Extract<VaultStatus, { state: 'open' }>;

/** The key's fingerprint in groups of four, easier to compare aloud. */
function fingerprint(keyId: string): string {
  return keyId.match(/.{1,4}/g)?.join(' ') ?? keyId;
}

/**
 * Settings → Encryption: how the record is encrypted and its key protected, the recovery key shown again
 * (and printed) on demand, and the unencrypted copies left from before encryption, removed on request
 * once a checked encrypted backup exists.
 */
export function EncryptionCard({ nav }: { nav: Nav }) {
  const vault = window.vault;
  const { settings } = useSettings();
  const load = useAction();
  const show = useAction();
  const remove = useAction();
  const [status, setStatus] = useState<Open | null>(null);
  const [recoveryKey, setRecoveryKey] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  // After Cancel, the focus goes back to the button that asked.
  const [cancelled, setCancelled] = useState(false);
  const [removed, setRemoved] = useState<string | null>(null);
  const [changing, setChanging] = useState(false);
  const [replacing, setReplacing] = useState(false);
  // After the passphrase form closes, the focus goes back to the button that opened it.
  const [changeClosed, setChangeClosed] = useState(false);
  // After a change, the focus goes to what it says (not to a button a second Enter would press again).
  const [changedText, setChangedText] = useState<string | null>(null);

  async function refresh() {
    if (!vault) return;
    const s = await vaultCall(vault.status({}));
    if (s.state === 'open') setStatus(s);
  }
  useEffect(() => {
    void load.run(refresh);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- load once
  }, []);

  if (!vault) return null;

  async function toggleKey() {
    if (recoveryKey) return setRecoveryKey(null);
    const shown = await show.run(() => vaultCall(vault!.showRecoveryKey({})));
    if (shown) setRecoveryKey(shown.recoveryKey);
  }

  async function removeCopies() {
    const r = await remove.run(() => vaultCall(vault!.removeUnencrypted({})));
    setConfirming(false);
    if (!r) return;
    const message = `Removed ${r.removed} unencrypted cop${r.removed === 1 ? 'y' : 'ies'} (${formatSize(r.bytes)}) after the encrypted backup ${r.backup} was made and checked.`;
    setRemoved(message);
    nav.notify({ kind: 'info', message });
    await load.run(refresh);
  }

  const copies = status?.unencryptedCopies ?? [];
  return (
    <section className="card" aria-label="Encryption" data-testid="encryption-card">
      <h2>Encryption</h2>
      {status && (
        <dl className="vault-facts">
          <dt>Cipher</dt>
          <dd data-testid="encryption-cipher">{status.cipher}</dd>
          <dt>Key protected by</dt>
          <dd data-testid="encryption-protection">
            {status.protection === 'os'
              ? `the system key store of this computer${status.store ? ` (${status.store})` : ''}: nothing to type at start`
              : 'the practice passphrase, asked each time ToxinMap starts (this computer offers no secure key store)'}
          </dd>
          <dt>Key fingerprint</dt>
          <dd className="mono" data-testid="encryption-key-id">{fingerprint(status.keyId)}</dd>
          <dt>Key created</dt>
          <dd>{formatDateTime(status.createdAt)}</dd>
          <dt>Recovery key stored</dt>
          <dd>{status.recoveryConfirmedAt ? `confirmed ${formatDateTime(status.recoveryConfirmedAt)}` : 'not confirmed yet'}</dd>
          {status.protection === 'passphrase' && (
            <>
              <dt>Passphrase changed</dt>
              <dd data-testid="passphrase-changed">{status.passphraseChangedAt ? formatDateTime(status.passphraseChangedAt) : 'never'}</dd>
            </>
          )}
        </dl>
      )}
      {load.error && <p className="form-error" role="alert">{load.error}</p>}
      <div className="form-actions left">
        <button type="button" disabled={show.busy} aria-expanded={recoveryKey !== null} onClick={() => void toggleKey()} data-testid="show-recovery-key">
          {recoveryKey ? 'Hide the recovery key' : 'Show recovery key'}
        </button>
        {status?.protection === 'passphrase' && !changing && (
          <button type="button" autoFocus={changeClosed} onClick={() => { setChangedText(null); setChanging(true); }} data-testid="change-passphrase">
            Change the practice passphrase…
          </button>
        )}
        {status && !replacing && (
          <button type="button" onClick={() => setReplacing(true)} data-testid="replace-key">
            Replace the key and the recovery key…
          </button>
        )}
      </div>
      {replacing && status && <ReplaceKeyPanel vault={vault} needsPassphrase={status.protection === 'passphrase'} onCancel={() => setReplacing(false)} />}
      {changing && (
        <ChangePassphraseForm
          vault={vault}
          onCancel={() => {
            setChanging(false);
            setChangeClosed(true);
          }}
          onChanged={(s) => {
            setChanging(false);
            if (s.state === 'open') setStatus(s);
            setChangedText('The practice passphrase was changed. From the next start ToxinMap asks for the new one.');
          }}
        />
      )}
      {changedText && !changing && (
        <p className="ok-text" role="status" tabIndex={-1} ref={(p) => p?.focus()} data-testid="passphrase-changed-text">{changedText}</p>
      )}
      {show.error && <p className="form-error" role="alert">{show.error}</p>}
      {recoveryKey && (
        <div className="vault-shown-key">
          <p className="hint">Keep it away from this computer. Anyone with this key and a copy of the record can read the record.</p>
          <RecoveryKeySheet recoveryKey={recoveryKey} practice={settings?.clinicName} {...(status ? { keyId: fingerprint(status.keyId) } : {})} />
        </div>
      )}
      {removed && <p className="ok-text" role="status" data-testid="unencrypted-removed">{removed}</p>}
      {copies.length > 0 && (
        <div className="vault-copies" data-testid="unencrypted-copies">
          <p className="warn-text">
            {copies.length === 1 ? 'One unencrypted copy' : `${copies.length} unencrypted copies`} of the record from before
            encryption {copies.length === 1 ? 'is' : 'are'} still on this computer. Anyone with access to the disk can read them.
          </p>
          <table className="list">
            <thead><tr><th>File</th><th className="num">Size</th></tr></thead>
            <tbody>
              {copies.map((c) => (
                <tr key={c.file}><td className="mono">{c.file}</td><td className="num">{formatSize(c.bytes)}</td></tr>
              ))}
            </tbody>
          </table>
          {confirming ? (
            <div role="group" aria-label="Confirm removal">
              <p className="warn-text">
                A new encrypted backup is made and checked first; only then are these files overwritten and deleted. This cannot be undone.
              </p>
              <div className="form-actions left">
                <button type="button" className="primary" autoFocus disabled={remove.busy} onClick={() => void removeCopies()} data-testid="confirm-remove-unencrypted">
                  {remove.busy ? 'Backing up and removing…' : `Back up, then remove ${copies.length === 1 ? 'it' : `all ${copies.length}`}`}
                </button>
                <button type="button" disabled={remove.busy} onClick={() => { setConfirming(false); setCancelled(true); }}>Cancel</button>
              </div>
            </div>
          ) : (
            <button type="button" autoFocus={cancelled} onClick={() => setConfirming(true)} data-testid="remove-unencrypted">
              Make a backup and remove the unencrypted copies…
            </button>
          )}
          {remove.error && <p className="form-error" role="alert">{remove.error}</p>}
        </div>
      )}
    </section>
  );
}
