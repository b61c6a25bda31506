import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { Patient, Sex } from '../../shared/domain/types.ts';
import { SEX_OPTIONS } from './patient/PatientEditForm.tsx';
import { errorMessage } from '../api.ts';
import type { Nav } from './App.tsx';
import { useMenuCommand } from './app-events.ts';
import { useClient } from './client-context.tsx';
import { WorklistPanel } from './review/WorklistPanel.tsx';
import { ageOn, formatDate, patientName, todayIso } from './format.ts';

export function PatientsScreen({ nav }: { nav: Nav }) {
  const client = useClient();
  const [query, setQuery] = useState('');
  const [results, setResults] = useState<Patient[] | null>(null);
  const [adding, setAdding] = useState(false);
  const searchRef = useRef<HTMLInputElement>(null);
  // File → New Patient (Ctrl/Cmd+N) and Find Patient (Ctrl/Cmd+F).
  useMenuCommand('new-patient', () => setAdding(true));
  useMenuCommand('find-patient', () => {
    searchRef.current?.focus();
    searchRef.current?.select();
  });

  useEffect(() => {
    let current = true;
    const timer = setTimeout(() => {
      client.patient
        .search({ query, limit: 50 })
        .then((found) => current && setResults(found))
        .catch((err: unknown) => nav.notify({ kind: 'error', message: errorMessage(err) }));
    }, 120);
    return () => {
      current = false;
      clearTimeout(timer);
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- nav.notify is stable; re-run on query only
  }, [client, query]);

  return (
    <main className="screen">
      <div className="screen-head">
        <h1>Patients</h1>
        <button type="button" className="primary" onClick={() => setAdding(true)} disabled={adding}>
          Add patient
        </button>
      </div>
      {adding && <AddPatientForm nav={nav} onCancel={() => setAdding(false)} />}
      <div className="home-grid">
      <div>
      <label className="search">
        <span className="visually-hidden">Find a patient</span>
        <input
          type="search"
          ref={searchRef}
          autoFocus
          placeholder="Find by name or MRN"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          data-testid="patient-search"
        />
      </label>
      {results === null ? (
        <p className="muted">Loading…</p>
      ) : results.length === 0 ? (
        <p className="empty" data-testid="no-patients">
          {query.trim() === '' ? 'No patients yet. Add the first one to start charting.' : `No patient matches “${query}”.`}
        </p>
      ) : (
        <table className="list" data-testid="patient-results">
          <thead>
            <tr>
              <th>Name</th>
              <th>MRN</th>
              <th>Date of birth</th>
              <th>Age</th>
            </tr>
          </thead>
          <tbody>
            {results.map((p) => (
              <tr key={p.id} className="clickable" onClick={() => nav.go({ screen: 'patient', patientId: p.id })}>
                <td>
                  <button type="button" className="linklike" onClick={() => nav.go({ screen: 'patient', patientId: p.id })}>
                    {patientName(p)}
                  </button>
                </td>
                <td className="mono">{p.mrn}</td>
                <td>{formatDate(p.birthDate)}</td>
                <td>{ageOn(p.birthDate, todayIso())}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      </div>
      {/* The first screen: finding a patient, beside who is due, what is unsigned and what runs out. */}
      <WorklistPanel nav={nav} />
      </div>
    </main>
  );
}

function AddPatientForm({ nav, onCancel }: { nav: Nav; onCancel: () => void }) {
  const client = useClient();
  const [form, setForm] = useState({ mrn: '', familyName: '', givenName: '', birthDate: '', sex: 'unknown' as Sex });
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setSaving(true);
    setError(null);
    try {
      const patient = await client.patient.create(form);
      nav.notify({ kind: 'info', message: `${patientName(patient)} added.` });
      nav.go({ screen: 'patient', patientId: patient.id });
    } catch (err) {
      // The form keeps what was typed: nothing is lost on a refused save.
      setError(errorMessage(err));
      setSaving(false);
    }
  }

  const field = (key: Exclude<keyof typeof form, 'sex'>) => ({
    value: form[key],
    onChange: (e: React.ChangeEvent<HTMLInputElement>) => setForm({ ...form, [key]: e.target.value }),
  });

  return (
    <form className="card form-grid" onSubmit={(e) => void submit(e)} aria-label="New patient">
      <h2>New patient</h2>
      <label>
        MRN
        <input required autoFocus maxLength={32} {...field('mrn')} data-testid="new-mrn" />
      </label>
      <label>
        Family name
        <input required maxLength={100} {...field('familyName')} data-testid="new-family" />
      </label>
      <label>
        Given name
        <input required maxLength={100} {...field('givenName')} data-testid="new-given" />
      </label>
      <label>
        Date of birth
        <input required type="date" max={todayIso()} {...field('birthDate')} data-testid="new-dob" />
      </label>
      <label>
        Sex
        <select value={form.sex} onChange={(e) => setForm({ ...form, sex: e.target.value as Sex })}>
          {SEX_OPTIONS.map((o) => (
            <option key={o.id} value={o.id}>
              {o.label}
            </option>
          ))}
        </select>
      </label>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <div className="form-actions">
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
        <button type="submit" className="primary" disabled={saving} data-testid="save-patient">
          Save patient
        </button>
      </div>
    </form>
  );
}
