import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { AppInfo, BackupInfo, Clinician, Guidance, HealthInfo } from '../../shared/domain/types.ts';
import { PRODUCTS } from '../../shared/clinical/products.ts';
import type { Nav } from './App.tsx';
import { useMenuCommand } from './app-events.ts';
import { useClient } from './client-context.tsx';
import { RangeCsvCard } from './export/RangeCsvCard.tsx';
import { useAction } from './session/useAsync.ts';
import { RecordTrust } from './settings/RecordTrust.tsx';
import { TaskProgress } from './settings/TaskProgress.tsx';
import { DataTransfer } from './settings/DataTransfer.tsx';
import { PassphraseCard } from './settings/PassphraseCard.tsx';
import { AccountsCard } from './settings/AccountsCard.tsx';
import { AppearanceCard } from './settings/AppearanceCard.tsx';
import { BackupSettingsCard } from './settings/BackupSettingsCard.tsx';
import { ChartingDefaultsCard } from './settings/ChartingDefaultsCard.tsx';
import { backupNotice } from './settings/backup-notice.ts';
import { ClinicCard } from './settings/ClinicCard.tsx';
import { EncryptionCard } from './settings/EncryptionCard.tsx';
import { formatDateTime, formatSize } from './format.ts';

/**
 * Clinician profile (who signs), the clinic, appearance, charting defaults, backups (copies, retention,
 * restore), full export and import, where the data lives.
 */
export function SettingsScreen({ nav }: { nav: Nav }) {
  // Bumped when an account changes (chosen, added, renamed, passphrase set): the account cards read afresh.
  const [accounts, setAccounts] = useState(0);
  const changed = () => setAccounts((n) => n + 1);
  return (
    <main className="screen">
      <h1>Settings</h1>
      <ClinicianForm key={`profile-${accounts}`} nav={nav} onChanged={changed} />
      <PassphraseCard key={`passphrase-${accounts}`} nav={nav} onChanged={changed} />
      <AccountsCard nav={nav} version={accounts} onChanged={changed} />
      <ClinicCard nav={nav} />
      <AppearanceCard />
      <ChartingDefaultsCard nav={nav} />
      <DataPanel nav={nav} />
      <RangeCsvCard nav={nav} />
      <BackupSettingsCard nav={nav} />
      <EncryptionCard nav={nav} />
    </main>
  );
}

function ClinicianForm({ nav, onChanged }: { nav: Nav; onChanged: () => void }) {
  const client = useClient();
  const { busy, error, run } = useAction();
  const [form, setForm] = useState({ name: '', credentials: '', defaultProductId: '', defaultGuidance: 'none' as Guidance });
  const [saved, setSaved] = useState<Clinician | null>(null);
  const [passphrase, setPassphrase] = useState('');

  useEffect(() => {
    void client.clinician.get({}).then((c) => {
      setSaved(c);
      if (c) setForm({ name: c.name, credentials: c.credentials, defaultProductId: c.defaultProductId ?? '', defaultGuidance: c.defaultGuidance });
    });
  }, [client]);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const c = await run(() =>
      client.clinician.save({
        name: form.name,
        credentials: form.credentials,
        defaultProductId: form.defaultProductId || null,
        defaultGuidance: form.defaultGuidance,
        ...(saved?.hasPassphrase ? { passphrase } : {}),
      }),
    );
    if (c) {
      setSaved(c);
      setPassphrase('');
      nav.notify({ kind: 'info', message: `Profile saved. Changes and signatures are now recorded as ${c.name}${c.credentials ? `, ${c.credentials}` : ''}. Past signatures keep the name they were signed with.` });
      onChanged();
    }
  }

  return (
    <form className="card form-grid" onSubmit={(e) => void submit(e)} aria-label="Clinician profile">
      <h2>Clinician profile{saved ? ` (current account)` : ''}</h2>
      {!saved && <p className="hint wide-row">Set your name and credentials: they sign sessions and author every change in the audit log.</p>}
      <label>
        Name
        <input required maxLength={120} value={form.name} onChange={(e) => setForm({ ...form, name: e.target.value })} data-testid="clinician-name" />
      </label>
      <label>
        Credentials
        <input maxLength={120} placeholder="e.g. MD" value={form.credentials} onChange={(e) => setForm({ ...form, credentials: e.target.value })} />
      </label>
      <label>
        Default product
        <select value={form.defaultProductId} onChange={(e) => setForm({ ...form, defaultProductId: e.target.value })}>
          <option value="">None</option>
          {PRODUCTS.map((p) => (
            <option key={p.id} value={p.id}>{p.brand} ({p.id})</option>
          ))}
        </select>
      </label>
      <label>
        Usual guidance
        <select value={form.defaultGuidance} onChange={(e) => setForm({ ...form, defaultGuidance: e.target.value as Guidance })}>
          <option value="none">None</option>
          <option value="emg">EMG</option>
          <option value="estim">Electrical stimulation</option>
          <option value="ultrasound">Ultrasound</option>
        </select>
      </label>
      {saved?.hasPassphrase && (
        <label>
          Your passphrase
          <input type="password" autoComplete="current-password" required maxLength={200} value={passphrase} onChange={(e) => setPassphrase(e.target.value)} data-testid="profile-passphrase" />
        </label>
      )}
      {error && <p className="form-error" role="alert">{error}</p>}
      <div className="form-actions">
        <button type="submit" className="primary" disabled={busy} data-testid="save-clinician">Save profile</button>
      </div>
    </form>
  );
}

function DataPanel({ nav }: { nav: Nav }) {
  const client = useClient();
  const { busy, error, run } = useAction();
  const [info, setInfo] = useState<AppInfo | null>(null);
  const [health, setHealth] = useState<HealthInfo | null>(null);
  const [backups, setBackups] = useState<BackupInfo[]>([]);
  const [confirm, setConfirm] = useState<string | null>(null);
  const backupList = useRef<HTMLTableElement>(null);
  // File → Restore a Backup…: the list of backups, its first Restore button focused (once the list is
  // there, when the command came before it loaded).
  const wantRestoreFocus = useRef(false);
  const focusRestore = () => {
    const button = backupList.current?.querySelector('button');
    if (!button) return false;
    backupList.current?.scrollIntoView({ block: 'center' });
    button.focus();
    return true;
  };
  useMenuCommand('restore-backup', () => {
    wantRestoreFocus.current = !focusRestore();
  });
  useEffect(() => {
    if (wantRestoreFocus.current && focusRestore()) wantRestoreFocus.current = false;
  }, [backups]);

  async function refresh() {
    const [i, h, b] = await Promise.all([client.app.info({}), client.app.health({}), client.backup.list({})]);
    setInfo(i);
    setHealth(h);
    setBackups(b);
  }
  useEffect(() => {
    void run(refresh);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- load once
  }, []);

  return (
    <section className="card" aria-label="Data and backups">
      <h2>Data and backups</h2>
      {info && (
        <p className="muted">
          Database: <span className="mono">{info.databaseFile}</span> · schema {info.schemaVersion} · app {info.version}
        </p>
      )}
      {health && (
        <p className={health.integrity === 'ok' ? 'ok-text' : 'form-error'}>
          Integrity: {health.integrity === 'ok' ? 'checked, no damage found' : health.integrityDetail}
          {health.lastBackupAt ? ` · last backup ${formatDateTime(health.lastBackupAt)}` : ' · no backup yet'}
        </p>
      )}
      {health && <RecordTrust health={health} />}
      <DataTransfer nav={nav} onImported={refresh}>
        <button type="button" className="primary" disabled={busy} onClick={() => void run(async () => { const b = await client.backup.now({}); nav.notify(backupNotice(b)); await refresh(); })}>
          Back up now
        </button>
      </DataTransfer>
      <TaskProgress active={busy} />
      {error && <p className="form-error" role="alert">{error}</p>}
      <h3>Backups</h3>
      {backups.length === 0 ? (
        <p className="muted">No backups yet.</p>
      ) : (
        <table className="list" data-testid="backup-list" ref={backupList}>
          <thead><tr><th>Taken</th><th>Kind</th><th>Size</th><th /></tr></thead>
          <tbody>
            {backups.map((b) => (
              <tr key={b.name}>
                <td>{formatDateTime(b.createdAt)}</td>
                <td>{b.kind}</td>
                <td>{formatSize(b.sizeBytes)}</td>
                <td className="num">
                  {confirm === b.name ? (
                    <span className="inline-form">
                      <span className="warn-text">Replace the current data with this backup? The current file is kept aside.</span>
                      <button type="button" className="primary" onClick={() => void run(async () => { const r = await client.backup.restore({ name: b.name }); setConfirm(null); nav.notify({ kind: 'info', message: `Restored ${r.restoredFrom}. The replaced file is kept at ${r.replacedFileKeptAt}.` }); await refresh(); })}>Restore</button>
                      <button type="button" onClick={() => setConfirm(null)}>Cancel</button>
                    </span>
                  ) : (
                    <button type="button" onClick={() => setConfirm(b.name)}>Restore…</button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
