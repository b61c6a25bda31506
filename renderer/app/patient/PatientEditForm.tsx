import { useState, type FormEvent } from 'react';
import type { Patient, Sex } from '../../../shared/domain/types.ts';
import { useClient } from '../client-context.tsx';
import { todayIso } from '../format.ts';
import { useAction } from '../session/useAsync.ts';

export const SEX_OPTIONS: Array<{ id: Sex; label: string }> = [
  { id: 'female', label: 'Female' },
  { id: 'male', label: 'Male' },
  { id: 'other', label: 'Other' },
  { id: 'unknown', label: 'Not recorded' },
];

/** Demographics, allergies and notes of a patient; every change is audited. */
export function PatientEditForm({ patient, onSaved, onCancel }: { patient: Patient; onSaved: (p: Patient) => void; onCancel: () => void }) {
  const client = useClient();
  const { busy, error, run } = useAction();
  const [form, setForm] = useState({
    mrn: patient.mrn, familyName: patient.familyName, givenName: patient.givenName, birthDate: patient.birthDate, sex: patient.sex, notes: patient.notes,
  });
  const set = (k: keyof typeof form) => (e: React.ChangeEvent<HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>) =>
    setForm({ ...form, [k]: e.target.value });

  async function submit(e: FormEvent) {
    e.preventDefault();
    const saved = await run(() => client.patient.update({ id: patient.id, ...form }));
    if (saved) onSaved(saved);
  }

  return (
    <form className="card form-grid" onSubmit={(e) => void submit(e)} aria-label="Edit patient">
      <h2>Patient details</h2>
      <label>MRN<input required maxLength={32} value={form.mrn} onChange={set('mrn')} /></label>
      <label>Date of birth<input required type="date" max={todayIso()} value={form.birthDate} onChange={set('birthDate')} /></label>
      <label>Family name<input required maxLength={100} value={form.familyName} onChange={set('familyName')} /></label>
      <label>Given name<input required maxLength={100} value={form.givenName} onChange={set('givenName')} /></label>
      <label>
        Sex
        <select value={form.sex} onChange={set('sex')}>
          {SEX_OPTIONS.map((o) => <option key={o.id} value={o.id}>{o.label}</option>)}
        </select>
      </label>
      <label className="wide-row">Allergies and notes<textarea rows={3} maxLength={4000} value={form.notes} onChange={set('notes')} /></label>
      {error && <p className="form-error" role="alert">{error}</p>}
      <div className="form-actions">
        <button type="button" onClick={onCancel}>Cancel</button>
        <button type="submit" className="primary" disabled={busy}>Save details</button>
      </div>
    </form>
  );
}
