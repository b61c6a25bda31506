import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { PatientDetail, SessionSummary, Template } from '../../shared/domain/types.ts';
import { INDICATIONS, type IndicationId } from '../../shared/indications.ts';
import { errorMessage } from '../api.ts';
import type { Nav } from './App.tsx';
import { useMenuCommand } from './app-events.ts';
import { useClient } from './client-context.tsx';
import { ConditionsCard } from './patient/ConditionsCard.tsx';
import { PriorAuthCard } from './patient/PriorAuthCard.tsx';
import { ExternalDosesCard } from './patient/ExternalDosesCard.tsx';
import { PatientEditForm } from './patient/PatientEditForm.tsx';
import { PatientHistory } from './review/PatientHistory.tsx';
import { ageOn, formatDate, formatUnits, patientName, todayIso } from './format.ts';

export function PatientScreen({ patientId, nav }: { patientId: string; nav: Nav }) {
  const client = useClient();
  const [patient, setPatient] = useState<PatientDetail | null>(null);
  const [sessions, setSessions] = useState<SessionSummary[]>([]);
  const [date, setDate] = useState(todayIso());
  const [indication, setIndication] = useState<IndicationId | ''>('');
  const [error, setError] = useState<string | null>(null);
  const [editing, setEditing] = useState(false);
  const indicationRef = useRef<HTMLSelectElement>(null);
  // File → New Session (Ctrl/Cmd+Shift+N): straight to the indication of the start form.
  useMenuCommand('new-session', () => {
    indicationRef.current?.scrollIntoView({ block: 'center' });
    indicationRef.current?.focus();
  });

  useEffect(() => {
    Promise.all([client.patient.get({ id: patientId }), client.session.listForPatient({ patientId })])
      .then(([p, s]) => {
        setPatient(p);
        setSessions(s);
      })
      .catch((err: unknown) => nav.notify({ kind: 'error', message: errorMessage(err) }));
    // eslint-disable-next-line react-hooks/exhaustive-deps -- load once per patient
  }, [client, patientId]);

  const [startFrom, setStartFrom] = useState('');
  const [templates, setTemplates] = useState<Template[]>([]);
  const [starting, setStarting] = useState(false);
  useEffect(() => {
    if (indication === '') return;
    let current = true;
    void client.template.list({ indication }).then((t) => current && setTemplates(t));
    return () => {
      current = false;
    };
  }, [client, indication]);
  const lastOfIndication = sessions.find((s) => s.indication === indication && s.siteCount > 0);

  async function start(e: FormEvent) {
    e.preventDefault();
    if (indication === '') {
      setError('Choose the indication for this session.');
      return;
    }
    setStarting(true);
    try {
      const [kind, id] = startFrom.split(':');
      const session = await client.session.create({
        patientId,
        date,
        indication,
        ...(kind === 'template' && id ? { templateId: id } : {}),
        ...(kind === 'session' && id ? { fromSessionId: id } : {}),
      });
      nav.go({ screen: 'chart', patientId, sessionId: session.id });
    } catch (err) {
      setError(errorMessage(err));
      setStarting(false);
    }
  }

  if (!patient) return <main className="screen muted">Loading…</main>;
  return (
    <main className="screen">
      <div className="screen-head">
        <div>
          <h1 data-testid="patient-name">{patientName(patient)}</h1>
          <p className="subtitle">
            MRN <span className="mono">{patient.mrn}</span> · born {formatDate(patient.birthDate)} · age{' '}
            {ageOn(patient.birthDate, todayIso())}
            {patient.sex !== 'unknown' ? ` · ${patient.sex}` : ''}
          </p>
        </div>
        <div className="toolgroup">
          <button type="button" onClick={() => setEditing(true)} disabled={editing}>
            Edit details
          </button>
          <button type="button" onClick={() => nav.go({ screen: 'patients' })}>
            All patients
          </button>
        </div>
      </div>
      {patient.notes && !editing && <p className="patient-notes" data-testid="patient-notes">{patient.notes}</p>}
      {editing && (
        <PatientEditForm
          patient={patient}
          onCancel={() => setEditing(false)}
          onSaved={(p) => {
            setPatient({ ...patient, ...p });
            setEditing(false);
          }}
        />
      )}

      <form className="card form-row" onSubmit={(e) => void start(e)} aria-label="Start a session">
        <h2>Start a treatment session</h2>
        <label>
          Date
          <input type="date" required value={date} max={todayIso()} onChange={(e) => setDate(e.target.value)} />
        </label>
        <label>
          Indication
          <select
            ref={indicationRef}
            required
            value={indication}
            onChange={(e) => {
              setIndication(e.target.value as IndicationId);
              setStartFrom('');
            }}
            data-testid="indication"
          >
            <option value="">Choose…</option>
            {INDICATIONS.map((i) => (
              <option key={i.id} value={i.id}>
                {i.label}
              </option>
            ))}
          </select>
        </label>
        <label>
          Start from
          <select value={startFrom} onChange={(e) => setStartFrom(e.target.value)} disabled={indication === ''} data-testid="start-from">
            <option value="">An empty map</option>
            {lastOfIndication && (
              <option value={`session:${lastOfIndication.id}`}>
                Last session's map ({formatDate(lastOfIndication.date)}, {formatUnits(lastOfIndication.totalUnits)})
              </option>
            )}
            {indication !== '' &&
              templates.map((t) => (
                <option key={t.id} value={`template:${t.id}`}>
                  {t.builtin ? 'Protocol: ' : 'My template: '}
                  {t.name}
                </option>
              ))}
          </select>
        </label>
        <button type="submit" className="primary" data-testid="start-session" disabled={starting}>
          Start session
        </button>
        {error && (
          <p className="form-error" role="alert">
            {error}
          </p>
        )}
      </form>

      <ConditionsCard patientId={patientId} conditions={patient.conditions} onChange={async () => setPatient(await client.patient.get({ id: patientId }))} />

      <PatientHistory patientId={patientId} nav={nav} />
      <ExternalDosesCard patientId={patientId} />
      <PriorAuthCard patientId={patientId} />
    </main>
  );
}
