import { useState, type FormEvent } from 'react';
import type { Condition, ConditionSide } from '../../../shared/domain/types.ts';
import { icd10Codes } from '../../../shared/clinical/icd10.ts';
import { INDICATIONS, indicationLabel, type IndicationId } from '../../../shared/indications.ts';
import { useClient } from '../client-context.tsx';
import { useAction } from '../session/useAsync.ts';

/** The patient's treated conditions, each with an ICD-10-CM code taken from the clinical reference. */
export function ConditionsCard({ patientId, conditions, onChange }: { patientId: string; conditions: Condition[]; onChange: () => Promise<void> }) {
  const client = useClient();
  const { busy, error, run } = useAction();
  const [indication, setIndication] = useState<IndicationId>('cervical_dystonia');
  const [code, setCode] = useState('');
  const [side, setSide] = useState<ConditionSide>('none');
  const codes = icd10Codes(indication);

  async function submit(e: FormEvent) {
    e.preventDefault();
    await run(async () => {
      await client.patient.addCondition({ patientId, indication, icd10Code: code, side });
      setCode('');
      await onChange();
    });
  }

  return (
    <section className="card" aria-label="Conditions">
      <h2>Conditions</h2>
      {conditions.length === 0 && <p className="muted">No condition recorded.</p>}
      <ul className="plain">
        {conditions.map((c) => (
          <li key={c.id} className="row-item">
            <span>
              {indicationLabel(c.indication)} · <span className="mono">{c.icd10Code}</span>
              {c.side !== 'none' ? ` · ${c.side}` : ''}
            </span>
            <button type="button" className="danger icon" aria-label={`Remove ${c.icd10Code}`} onClick={() => void run(async () => { await client.patient.removeCondition({ id: c.id }); await onChange(); })}>✕</button>
          </li>
        ))}
      </ul>
      <form className="form-row" onSubmit={(e) => void submit(e)} aria-label="Add condition">
        <label>
          Indication
          <select value={indication} onChange={(e) => { setIndication(e.target.value as IndicationId); setCode(''); }}>
            {INDICATIONS.map((i) => <option key={i.id} value={i.id}>{i.label}</option>)}
          </select>
        </label>
        <label>
          ICD-10-CM
          <input list={`icd-${indication}`} required value={code} onChange={(e) => setCode(e.target.value.toUpperCase())} placeholder={codes[0]?.code ?? ''} maxLength={10} />
          <datalist id={`icd-${indication}`}>
            {codes.filter((c) => !c.family).map((c) => (
              <option key={c.code} value={c.code}>{c.description}{c.ref.fromMemory ? ' (unverified)' : ''}</option>
            ))}
          </datalist>
        </label>
        <label>
          Side
          <select value={side} onChange={(e) => setSide(e.target.value as ConditionSide)}>
            <option value="none">Not applicable</option>
            <option value="left">Left</option>
            <option value="right">Right</option>
            <option value="bilateral">Bilateral</option>
          </select>
        </label>
        <button type="submit" disabled={busy}>Add condition</button>
        {error && <p className="form-error" role="alert">{error}</p>}
      </form>
      <details className="small">
        <summary>Codes listed for {indicationLabel(indication)}</summary>
        <ul>
          {codes.map((c) => (
            <li key={c.code}>
              <span className="mono">{c.code}</span> — {c.description}
              {c.family ? ' (family: type the specific code)' : ''}
              {c.ref.fromMemory ? ' · unverified' : ` · ${c.ref.sources.join(', ')}`}
            </li>
          ))}
        </ul>
      </details>
    </section>
  );
}
