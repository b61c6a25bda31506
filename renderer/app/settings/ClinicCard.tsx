import { useState, type FormEvent } from 'react';
import type { Settings } from '../../../shared/domain/settings.ts';
import type { Nav } from '../App.tsx';
import { useSettings } from '../settings-context.tsx';
import { useAction } from '../session/useAsync.ts';

type ClinicFields = Pick<Settings, 'clinicName' | 'clinicAddress' | 'clinicPhone'>;

/** The clinic as the printed session summary names it. */
export function ClinicCard({ nav }: { nav: Nav }) {
  const { settings } = useSettings();
  // Keyed on the saved values: a change from elsewhere (another window, an import) resets the form.
  return settings ? <ClinicForm key={`${settings.clinicName}|${settings.clinicAddress}|${settings.clinicPhone}`} saved={settings} nav={nav} /> : null;
}

function ClinicForm({ saved, nav }: { saved: ClinicFields; nav: Nav }) {
  const { save } = useSettings();
  const { busy, error, run } = useAction();
  const [form, setForm] = useState<ClinicFields>({ clinicName: saved.clinicName, clinicAddress: saved.clinicAddress, clinicPhone: saved.clinicPhone });
  const changed = form.clinicName !== saved.clinicName || form.clinicAddress !== saved.clinicAddress || form.clinicPhone !== saved.clinicPhone;

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!changed) return;
    const next = await run(() => save(form));
    if (next) nav.notify({ kind: 'info', message: 'Clinic details saved. Printed summaries will carry them.' });
  }

  return (
    <form className="card form-grid" onSubmit={(e) => void submit(e)} aria-label="Clinic">
      <h2>Clinic</h2>
      <p className="hint wide-row">Printed at the top of every session summary.</p>
      <label>
        Clinic name
        <input maxLength={200} value={form.clinicName} onChange={(e) => setForm({ ...form, clinicName: e.target.value })} data-testid="clinic-name" />
      </label>
      <label>
        Phone
        <input maxLength={60} value={form.clinicPhone} onChange={(e) => setForm({ ...form, clinicPhone: e.target.value })} data-testid="clinic-phone" />
      </label>
      <label className="wide-row">
        Address
        <textarea rows={3} maxLength={500} value={form.clinicAddress} onChange={(e) => setForm({ ...form, clinicAddress: e.target.value })} data-testid="clinic-address" />
      </label>
      {error && <p className="form-error" role="alert">{error}</p>}
      <div className="form-actions">
        <button type="submit" className="primary" disabled={busy || !changed} data-testid="save-clinic">Save clinic</button>
      </div>
    </form>
  );
}
