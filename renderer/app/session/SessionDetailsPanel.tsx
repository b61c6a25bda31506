import { useState, type FormEvent } from 'react';
import type { Guidance, SessionDetail } from '../../../shared/domain/types.ts';
import { getProduct, PRODUCTS, vialConcentration } from '../../../shared/clinical/products.ts';
import { SCALES, getScale } from '../../../shared/clinical/scales.ts';
import { INDICATIONS } from '../../../shared/indications.ts';
import { useClient } from '../client-context.tsx';
import { useSettings } from '../settings-context.tsx';
import { formatDate } from '../format.ts';
import { useAction } from './useAsync.ts';
import { WeightField } from './WeightField.tsx';
import { fieldDraft, saveField } from '../chart/drafts.ts';
import { useEarlierDilution } from './earlier-dilution.ts';
import { OwnTemplates } from './OwnTemplates.tsx';
import { MuscleGrades } from '../review/MuscleGrades.tsx';

const GUIDANCE: Array<{ id: Exclude<Guidance, 'none'>; label: string }> = [
  { id: 'emg', label: 'EMG' },
  { id: 'estim', label: 'Electrical stimulation' },
  { id: 'ultrasound', label: 'Ultrasound' },
];

export interface SessionDetailsPanelProps {
  session: SessionDetail;
  onChange: (next: SessionDetail) => void;
}

/** Product, vials, guidance, outcome scores, adverse events and notes of one session. */
export function SessionDetailsPanel({ session, onChange }: SessionDetailsPanelProps) {
  const client = useClient();
  const { error, run } = useAction();
  const readOnly = session.status !== 'draft';
  const [templatesSaved, setTemplatesSaved] = useState(0);
  const reload = async () => onChange(await client.session.get({ id: session.id }));
  const update = (fields: Omit<Parameters<typeof client.session.update>[0], 'id'>) =>
    run(async () => onChange(await client.session.update({ id: session.id, ...fields })));

  return (
    <div className="details" data-testid="session-details">
      {error && <p className="form-error" role="alert">{error}</p>}
      <section>
        <h3>Product</h3>
        <select
          value={session.productId ?? ''}
          disabled={readOnly || session.vials.length > 0}
          onChange={(e) => void update({ productId: e.target.value === '' ? null : e.target.value })}
          aria-label="Product"
          data-testid="product"
        >
          <option value="">Not recorded</option>
          {PRODUCTS.map((p) => (
            <option key={p.id} value={p.id}>{p.brand} ({p.id}) — {p.hcpcsCode}</option>
          ))}
        </select>
        {session.vials.length > 0 && !readOnly && <p className="muted small">Remove the vials to change the product.</p>}
      </section>

      <section>
        <WeightField weightKg={session.weightKg} readOnly={readOnly} onSave={(weightKg) => void update({ weightKg })} />
      </section>

      <section>
        <h3>Vials</h3>
        {session.vials.length === 0 && <p className="muted small">No vial recorded.</p>}
        <ul className="plain">
          {session.vials.map((v) => {
            const c = vialConcentration(v);
            return (
              <li key={v.id} className="row-item">
                <span>
                  <strong>{v.sizeUnits} U</strong> · lot <span className="mono">{v.lot}</span> · exp {formatDate(v.expiry)}
                  {' · '}
                  {v.diluentMl === null ? 'ready to use' : `+ ${v.diluentMl} mL`}
                  {c !== null && ` → ${c} U/0.1 mL`}
                </span>
                <RemoveButton hidden={readOnly} label={`Remove vial ${v.lot}`} onRemove={() => run(async () => { await client.vial.remove({ id: v.id }); await reload(); })} />
              </li>
            );
          })}
        </ul>
        {!readOnly && session.productId && <VialForm session={session} onSaved={reload} />}
        {!readOnly && !session.productId && <p className="muted small">Choose the product first.</p>}
      </section>

      <section>
        <h3>Also treated at this visit</h3>
        <div className="checks">
          {INDICATIONS.filter((i) => i.id !== session.indication).map((i) => (
            <label key={i.id} className="toggle">
              <input
                type="checkbox"
                disabled={readOnly}
                checked={session.otherIndications.includes(i.id)}
                onChange={(e) =>
                  void update({
                    otherIndications: e.target.checked ? [...session.otherIndications, i.id] : session.otherIndications.filter((x) => x !== i.id),
                  })
                }
              />
              {i.label}
            </label>
          ))}
        </div>
      </section>

      <section>
        <h3>Guidance</h3>
        <div className="checks">
          {GUIDANCE.map((g) => (
            <label key={g.id} className="toggle">
              <input
                type="checkbox"
                disabled={readOnly}
                checked={session.guidance.includes(g.id)}
                onChange={(e) =>
                  void update({ guidance: e.target.checked ? [...session.guidance, g.id] : session.guidance.filter((x) => x !== g.id) })
                }
              />
              {g.label}
            </label>
          ))}
        </div>
      </section>

      <section>
        <h3>Outcome scores</h3>
        <ul className="plain">
          {session.scores.map((s) => (
            <li key={s.id} className="row-item">
              <span>{getScale(s.scaleId).label}: <strong>{s.value}</strong></span>
              <RemoveButton hidden={readOnly} label="Remove score" onRemove={() => run(async () => { await client.score.remove({ id: s.id }); await reload(); })} />
            </li>
          ))}
        </ul>
        {!readOnly && <ScoreForm sessionId={session.id} onSaved={reload} />}
      </section>

      <MuscleGrades session={session} />

      <section>
        <h3>Adverse events</h3>
        {session.adverseEvents.length === 0 && <p className="muted small">None recorded.</p>}
        <ul className="plain">
          {session.adverseEvents.map((a) => (
            <li key={a.id} className="row-item">
              <span><span className={`badge sev-${a.severity}`}>{a.severity}</span> {a.description}{a.onsetDate ? ` (from ${formatDate(a.onsetDate)})` : ''}</span>
              <RemoveButton hidden={readOnly} label="Remove adverse event" onRemove={() => run(async () => { await client.adverseEvent.remove({ id: a.id }); await reload(); })} />
            </li>
          ))}
        </ul>
        {!readOnly && <AdverseEventForm sessionId={session.id} onSaved={reload} />}
      </section>

      <section>
        <h3>Notes and follow-up</h3>
        <NotesForm session={session} readOnly={readOnly} onSave={(notes, nextDueDate) => void update({ notes, nextDueDate })} />
      </section>

      <section>
        <h3>Reuse this map</h3>
        <SaveTemplateForm sessionId={session.id} onSaved={() => setTemplatesSaved((n) => n + 1)} />
        <OwnTemplates indication={session.indication} refreshKey={templatesSaved} />
      </section>
    </div>
  );
}

function VialForm({ session, onSaved }: { session: SessionDetail; onSaved: () => Promise<void> }) {
  const client = useClient();
  const product = getProduct(session.productId as string);
  const { error, busy, run } = useAction();
  // The clinic's usual reconstitution of this product (Settings), when one is set.
  const usual = useSettings().settings?.defaultDilutions[product.id];
  const [typed, setForm] = useState({ sizeUnits: String(usual?.sizeUnits ?? product.vialSizes.at(-1) ?? ''), lot: '', expiry: '', diluentMl: usual ? String(usual.diluentMl) : '', reconstitutedAt: '' });
  // Copied forward from the last session: its vial size and dilution, until the clinician changes them.
  const earlier = useEarlierDilution(session);
  const [touched, setTouched] = useState(false);
  const fromEarlier = earlier !== null && !touched;
  const form = fromEarlier ? { ...typed, sizeUnits: String(earlier.sizeUnits), diluentMl: earlier.diluentMl === null ? '' : String(earlier.diluentMl) } : typed;
  const set = (k: keyof typeof form) => (e: React.ChangeEvent<HTMLInputElement | HTMLSelectElement>) => {
    if (k === 'sizeUnits' || k === 'diluentMl') setTouched(true);
    setForm({ ...form, [k]: e.target.value });
  };
  async function submit(e: FormEvent) {
    e.preventDefault();
    await run(async () => {
      await client.vial.add({
        sessionId: session.id,
        productId: product.id,
        sizeUnits: Number(form.sizeUnits),
        lot: form.lot,
        expiry: form.expiry,
        diluentMl: form.diluentMl === '' ? null : Number(form.diluentMl),
        reconstitutedAt: form.reconstitutedAt === '' ? null : new Date(form.reconstitutedAt).toISOString(),
      });
      setForm({ ...form, lot: '', expiry: '' });
      await onSaved();
    });
  }
  return (
    <form className="mini-form" onSubmit={(e) => void submit(e)} aria-label="Add vial">
      <label>Vial<select value={form.sizeUnits} onChange={set('sizeUnits')}>{product.vialSizes.map((s) => <option key={s} value={s}>{s} U</option>)}</select></label>
      <label>Lot<input required value={form.lot} onChange={set('lot')} maxLength={40} /></label>
      <label>Expiry<input required type="date" value={form.expiry} onChange={set('expiry')} /></label>
      <label>Diluent mL<input inputMode="decimal" value={form.diluentMl} onChange={set('diluentMl')} placeholder={product.readyToUse ? 'none' : 'e.g. 2'} data-testid="vial-diluent" /></label>
      {fromEarlier && <p className="muted small wide">Vial size and dilution as at the last session; lot and expiry are this vial's own.</p>}
      <label>Reconstituted<input type="datetime-local" value={form.reconstitutedAt} onChange={set('reconstitutedAt')} /></label>
      <button type="submit" disabled={busy}>Add vial</button>
      {error && <p className="form-error" role="alert">{error}</p>}
    </form>
  );
}

function ScoreForm({ sessionId, onSaved }: { sessionId: string; onSaved: () => Promise<void> }) {
  const client = useClient();
  const { error, busy, run } = useAction();
  const [scaleId, setScaleId] = useState(SCALES[0]?.id ?? '');
  const [value, setValue] = useState('');
  const scale = getScale(scaleId);
  async function submit(e: FormEvent) {
    e.preventDefault();
    await run(async () => {
      await client.score.add({ sessionId, scaleId, value });
      setValue('');
      await onSaved();
    });
  }
  const hint = scale.kind.kind === 'ordinal' ? scale.kind.grades.join(' / ') : `${scale.kind.min}–${scale.kind.max ?? '…'}`;
  return (
    <form className="mini-form" onSubmit={(e) => void submit(e)} aria-label="Add score">
      <label>Scale<select value={scaleId} onChange={(e) => setScaleId(e.target.value)}>{SCALES.map((s) => <option key={s.id} value={s.id}>{s.label}{s.ref.fromMemory ? ' (unverified)' : ''}</option>)}</select></label>
      <label>Value<input required value={value} onChange={(e) => setValue(e.target.value)} placeholder={hint} /></label>
      <button type="submit" disabled={busy}>Add score</button>
      {scale.caveat && <p className="muted small">Note: {scale.caveat}</p>}
      {error && <p className="form-error" role="alert">{error}</p>}
    </form>
  );
}

function AdverseEventForm({ sessionId, onSaved }: { sessionId: string; onSaved: () => Promise<void> }) {
  const client = useClient();
  const { error, busy, run } = useAction();
  const [form, setForm] = useState({ description: '', severity: 'mild' as 'mild' | 'moderate' | 'severe', onsetDate: '' });
  async function submit(e: FormEvent) {
    e.preventDefault();
    await run(async () => {
      await client.adverseEvent.add({ sessionId, description: form.description, severity: form.severity, onsetDate: form.onsetDate || null });
      setForm({ description: '', severity: 'mild', onsetDate: '' });
      await onSaved();
    });
  }
  return (
    <form className="mini-form" onSubmit={(e) => void submit(e)} aria-label="Add adverse event">
      <label>Event<input required value={form.description} onChange={(e) => setForm({ ...form, description: e.target.value })} placeholder="e.g. mild ptosis, left" /></label>
      <label>Severity<select value={form.severity} onChange={(e) => setForm({ ...form, severity: e.target.value as typeof form.severity })}><option value="mild">Mild</option><option value="moderate">Moderate</option><option value="severe">Severe</option></select></label>
      <label>Onset<input type="date" value={form.onsetDate} onChange={(e) => setForm({ ...form, onsetDate: e.target.value })} /></label>
      <button type="submit" disabled={busy}>Add event</button>
      {error && <p className="form-error" role="alert">{error}</p>}
    </form>
  );
}

function NotesForm({ session, readOnly, onSave }: { session: SessionDetail; readOnly: boolean; onSave: (notes: string, nextDue: string | null) => void }) {
  // Notes typed but not saved when the window reloaded come back here, marked as not saved.
  const [restored] = useState(() => (readOnly ? null : fieldDraft(session.id, 'sessionNotes', null)));
  const [notes, setNotes] = useState(restored ?? session.notes);
  const [nextDue, setNextDue] = useState(session.nextDueDate ?? '');
  const dirty = notes !== session.notes || nextDue !== (session.nextDueDate ?? '');
  return (
    <div className="mini-form">
      {restored !== null && dirty && <p className="caution small wide" data-testid="notes-restored">These notes were typed before the window reloaded and are not saved yet.</p>}
      <label className="wide">Notes<textarea rows={3} value={notes} disabled={readOnly} maxLength={8000} data-testid="session-notes"
        onChange={(e) => {
          setNotes(e.target.value);
          saveField(session.id, { kind: 'sessionNotes', siteId: null, text: e.target.value === session.notes ? null : e.target.value });
        }} /></label>
      <label>Next due<input type="date" value={nextDue} disabled={readOnly} onChange={(e) => setNextDue(e.target.value)} /></label>
      {!readOnly && (
        <button type="button" disabled={!dirty} onClick={() => {
          onSave(notes, nextDue === '' ? null : nextDue);
          saveField(session.id, { kind: 'sessionNotes', siteId: null, text: null });
        }}>Save notes</button>
      )}
    </div>
  );
}

/** Saves this session's sites as one of the clinician's own templates, to start later sessions from. */
function SaveTemplateForm({ sessionId, onSaved }: { sessionId: string; onSaved?: () => void }) {
  const client = useClient();
  const { busy, error, run } = useAction();
  const [name, setName] = useState('');
  const [saved, setSaved] = useState<string | null>(null);
  async function submit(e: FormEvent) {
    e.preventDefault();
    const t = await run(() => client.template.saveFromSession({ sessionId, name }));
    if (t) {
      setSaved(`Saved “${t.name}” (${t.sites.length} sites).`);
      onSaved?.();
      setName('');
    }
  }
  return (
    <form className="mini-form" onSubmit={(e) => void submit(e)} aria-label="Save as template">
      <label className="wide">Template name<input required maxLength={120} value={name} onChange={(e) => setName(e.target.value)} placeholder="e.g. My cervical dystonia pattern" /></label>
      <button type="submit" disabled={busy}>Save as template</button>
      {saved && <p className="ok-text small">{saved}</p>}
      {error && <p className="form-error" role="alert">{error}</p>}
    </form>
  );
}

function RemoveButton({ hidden, label, onRemove }: { hidden: boolean; label: string; onRemove: () => Promise<unknown> }) {
  if (hidden) return null;
  return (
    <button type="button" className="danger icon" aria-label={label} onClick={() => void onRemove()}>
      ✕
    </button>
  );
}
