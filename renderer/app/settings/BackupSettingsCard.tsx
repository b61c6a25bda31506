import { useState, type FormEvent } from 'react';
import type { BackupRetention } from '../../../shared/domain/settings.ts';
import { AppError } from '../../../shared/ipc/result.ts';
import type { Nav } from '../App.tsx';
import { useClient } from '../client-context.tsx';
import { useSettings } from '../settings-context.tsx';
import { useAction } from '../session/useAsync.ts';

/**
 * A second folder for backups (chosen with the system's folder dialog, never typed) and how many
 * backups of each kind are kept.
 */
export function BackupSettingsCard({ nav }: { nav: Nav }) {
  const client = useClient();
  const { settings, reload, save } = useSettings();
  const folder = useAction();
  if (!settings) return null;

  async function choose() {
    const before = settings?.backupFolder ?? null;
    const next = await folder.run(() => client.settings.chooseBackupFolder({}));
    if (!next) return;
    await reload();
    if (next.backupFolder && next.backupFolder !== before) nav.notify({ kind: 'info', message: `Every backup will also be copied to ${next.backupFolder}.` });
  }

  return (
    <section className="card" aria-label="Backup settings" data-testid="backup-settings">
      <h2>Backup copies and retention</h2>
      <div className="backup-folder">
        <div>
          <strong>Copy every backup to</strong>
          <p className={settings.backupFolder ? 'mono' : 'muted'} data-testid="backup-folder">
            {settings.backupFolder ?? 'No second folder: backups stay in the app’s data folder only.'}
          </p>
          <p className="hint small">An external drive or a network share keeps a copy if this computer fails.</p>
        </div>
        <div className="form-actions left">
          <button type="button" disabled={folder.busy} onClick={() => void choose()} data-testid="choose-backup-folder">
            Choose folder…
          </button>
          {settings.backupFolder && (
            <button type="button" disabled={folder.busy} onClick={() => void folder.run(() => save({ backupFolder: null }))}>
              Stop copying
            </button>
          )}
        </div>
      </div>
      {folder.error && <p className="form-error" role="alert">{folder.error}</p>}
      <RetentionForm key={`${settings.backupRetention.automatic}|${settings.backupRetention.manual}`} saved={settings.backupRetention} nav={nav} />
    </section>
  );
}

function RetentionForm({ saved, nav }: { saved: BackupRetention; nav: Nav }) {
  const { save } = useSettings();
  const { busy, error, run } = useAction();
  const [form, setForm] = useState({ automatic: String(saved.automatic), manual: String(saved.manual) });
  const changed = form.automatic !== String(saved.automatic) || form.manual !== String(saved.manual);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const automatic = Number(form.automatic.trim());
    const manual = Number(form.manual.trim());
    const next = await run(() => {
      if (!Number.isInteger(automatic) || !Number.isInteger(manual) || form.automatic.trim() === '' || form.manual.trim() === '') {
        throw new AppError('BAD_INPUT', 'The number of backups kept is a whole number (e.g. 14).');
      }
      return save({ backupRetention: { automatic, manual } });
    });
    if (next) nav.notify({ kind: 'info', message: `Keeping the last ${next.backupRetention.automatic} automatic and ${next.backupRetention.manual} manual backups.` });
  }

  return (
    <form className="form-row" onSubmit={(e) => void submit(e)} aria-label="Backup retention">
      <label>
        Automatic backups kept (one a day)
        <input inputMode="numeric" className="short" value={form.automatic} onChange={(e) => setForm({ ...form, automatic: e.target.value })} data-testid="keep-automatic" />
      </label>
      <label>
        Manual backups kept
        <input inputMode="numeric" className="short" value={form.manual} onChange={(e) => setForm({ ...form, manual: e.target.value })} data-testid="keep-manual" />
      </label>
      <button type="submit" disabled={busy || !changed} data-testid="save-retention">Save retention</button>
      {error && <p className="form-error" role="alert">{error}</p>}
      <p className="hint small wide-row">After each new backup, the oldest of its kind beyond these numbers is deleted, here and in the second folder. Backups taken before an update are counted apart and kept longer; files set aside by a restore follow the rule shown under Data and backups.</p>
    </form>
  );
}
