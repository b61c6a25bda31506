import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { muscleName } from '../../../shared/atlas/index.ts';
import { GLOBAL_IMPRESSION_SCALES, outcomeMeasures, PER_MUSCLE_SCALES } from '../../../shared/clinical/outcome-measures.ts';
import { getScale } from '../../../shared/clinical/scales.ts';
import { ADVERSE_OUTCOMES, RELATEDNESS, type AdverseOutcome, type FollowUpVisit, type HistorySession, type Relatedness } from '../../../shared/domain/review.ts';
import type { Severity } from '../../../shared/domain/types.ts';
import { useClient } from '../client-context.tsx';
import { formatDate, todayIso } from '../format.ts';
import { useAction } from '../session/useAsync.ts';

interface EventDraft {
  description: string;
  severity: Severity;
  serious: boolean;
  relatedness: Relatedness;
  outcome: AdverseOutcome;
  onsetDate: string;
}

const NEW_EVENT: EventDraft = { description: '', severity: 'mild', serious: false, relatedness: 'possible', outcome: 'unknown', onsetDate: '' };

function ScaleHint({ scaleId }: { scaleId: string }) {
  const scale = getScale(scaleId);
  const range = scale.kind.kind === 'numeric' ? `${scale.kind.min}–${scale.kind.max ?? '…'}` : scale.kind.grades.join(' / ');
  return (
    <span className="muted small">
      {range}
      {scale.ref.fromMemory ? <span className="unverified-tag" title="Not checked against a source">unverified</span> : ` (${scale.ref.sources.join(', ')})`}
    </span>
  );
}

/**
 * The follow-up visit at peak effect (4 to 6 weeks after the session): the indication's scores, global
 * impressions of change, satisfaction, when the effect began and wore off, adverse events with seriousness
 * and relatedness, and Modified Ashworth per injected muscle for spasticity. Saved in one transaction.
 */
export function FollowUpDialog({ session, existing, onClose, onSaved }: {
  session: HistorySession;
  existing: FollowUpVisit | null;
  onClose: () => void;
  onSaved: (visit: FollowUpVisit) => void;
}) {
  const client = useClient();
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);
  const measures = useMemo(() => outcomeMeasures(session.indication).filter((m) => !PER_MUSCLE_SCALES.has(m.id)), [session.indication]);
  const graded = useMemo(() => outcomeMeasures(session.indication).some((m) => PER_MUSCLE_SCALES.has(m.id)), [session.indication]);
  const muscles = useMemo(() => [...new Map(session.sites.map((s) => [`${s.muscleId}|${s.side}`, { muscleId: s.muscleId, side: s.side }])).values()], [session.sites]);
  const initialScore = (id: string) => existing?.scores.find((x) => x.scaleId === id)?.value ?? '';

  const [date, setDate] = useState(existing?.date ?? todayIso());
  const [scores, setScores] = useState<Record<string, string>>(() =>
    Object.fromEntries([...measures.map((m) => m.id), ...GLOBAL_IMPRESSION_SCALES].map((id) => [id, initialScore(id)])),
  );
  const [grades, setGrades] = useState<Record<string, string>>(() =>
    Object.fromEntries((existing?.muscleScores ?? []).map((m) => [`${m.muscleId}|${m.side}`, m.value])),
  );
  const [satisfaction, setSatisfaction] = useState(existing?.satisfaction === null || existing === null ? '' : String(existing.satisfaction));
  const [onsetDate, setOnsetDate] = useState(existing?.onsetDate ?? '');
  const [wearOffDate, setWearOffDate] = useState(existing?.wearOffDate ?? '');
  const [notes, setNotes] = useState(existing?.notes ?? '');
  const [events, setEvents] = useState<EventDraft[]>(() =>
    (existing?.adverseEvents ?? []).map((e) => ({ ...e, onsetDate: e.onsetDate ?? '' })),
  );
  const action = useAction();
  // One save at a time: a second Enter before the first answer must not record the visit twice.
  const saving = useRef(false);

  async function save(e: FormEvent) {
    e.preventDefault();
    if (saving.current) return;
    saving.current = true;
    const visit = await action.run(() =>
      client.followUp.save({
        ...(existing ? { id: existing.id } : {}),
        sessionId: session.id,
        date,
        satisfaction: satisfaction === '' ? null : Number(satisfaction),
        onsetDate: onsetDate || null,
        wearOffDate: wearOffDate || null,
        notes,
        scores: Object.entries(scores).filter(([, v]) => v.trim() !== '').map(([scaleId, value]) => ({ scaleId, value })),
        muscleScores: Object.entries(grades)
          .filter(([, v]) => v !== '')
          .map(([key, value]) => {
            const [muscleId, side] = key.split('|') as [string, 'left' | 'right' | 'midline'];
            return { muscleId, side, scaleId: 'mas', value };
          }),
        adverseEvents: events
          .filter((x) => x.description.trim() !== '')
          .map((x) => ({ description: x.description, severity: x.severity, serious: x.serious, relatedness: x.relatedness, outcome: x.outcome, onsetDate: x.onsetDate || null })),
      }),
    );
    saving.current = false;
    if (visit) onSaved(visit);
  }

  async function remove() {
    if (!existing) return;
    const done = await action.run(() => client.followUp.delete({ id: existing.id }));
    if (done) onSaved(existing);
  }

  const setEvent = (i: number, patch: Partial<EventDraft>) => setEvents((list) => list.map((x, j) => (j === i ? { ...x, ...patch } : x)));
  const mas = getScale('mas');
  return (
    <dialog ref={ref} className="followup-dialog" aria-labelledby="followup-title" onCancel={(e) => { e.preventDefault(); onClose(); }}>
      <form onSubmit={(e) => void save(e)} aria-label="Follow-up visit">
        <h2 id="followup-title">Follow-up of the session of {formatDate(session.date)}</h2>
        <p className="muted small">Usually at peak effect, 4 to 6 weeks after treatment.</p>
        <div className="followup-grid">
          <label>
            Visit date
            <input type="date" required value={date} min={session.date} max={todayIso()} onChange={(e) => setDate(e.target.value)} data-testid="followup-date" />
          </label>
          <label>
            Effect began
            <input type="date" value={onsetDate} min={session.date} max={todayIso()} onChange={(e) => setOnsetDate(e.target.value)} data-testid="followup-onset" />
          </label>
          <label>
            Effect wore off
            <input type="date" value={wearOffDate} min={onsetDate || session.date} max={todayIso()} onChange={(e) => setWearOffDate(e.target.value)} data-testid="followup-wearoff" />
          </label>
          <label>
            Satisfaction (0 not at all – 10 completely)
            <select value={satisfaction} onChange={(e) => setSatisfaction(e.target.value)} data-testid="followup-satisfaction">
              <option value="">not asked</option>
              {Array.from({ length: 11 }, (_, n) => <option key={n} value={n}>{n}</option>)}
            </select>
          </label>
        </div>
        <fieldset>
          <legend>Scores</legend>
          <div className="followup-grid">
            {measures.map((m) => (
              <label key={m.id}>
                {m.label} <ScaleHint scaleId={m.id} />
                <input inputMode="decimal" value={scores[m.id] ?? ''} onChange={(e) => setScores((s) => ({ ...s, [m.id]: e.target.value }))} data-testid={`followup-score-${m.id}`} />
              </label>
            ))}
            {GLOBAL_IMPRESSION_SCALES.map((id) => {
              const scale = getScale(id);
              return (
                <label key={id}>
                  {scale.label} <ScaleHint scaleId={id} />
                  <select value={scores[id] ?? ''} onChange={(e) => setScores((s) => ({ ...s, [id]: e.target.value }))} data-testid={`followup-score-${id}`}>
                    <option value="">not rated</option>
                    {scale.kind.kind === 'ordinal' && scale.kind.grades.map((g) => (
                      <option key={g} value={g}>{g}{scale.kind.kind === 'ordinal' && scale.kind.labels?.[g] ? ` – ${scale.kind.labels[g]}` : ''}</option>
                    ))}
                  </select>
                </label>
              );
            })}
          </div>
        </fieldset>
        {graded && muscles.length > 0 && (
          <fieldset>
            <legend>{mas.label} per injected muscle <span className="muted small">({mas.ref.sources.join(', ')})</span></legend>
            <div className="followup-grid">
              {muscles.map((m) => {
                const key = `${m.muscleId}|${m.side}`;
                return (
                  <label key={key}>
                    {muscleName(m.muscleId)}{m.side === 'midline' ? '' : ` (${m.side})`}
                    <select value={grades[key] ?? ''} onChange={(e) => setGrades((g) => ({ ...g, [key]: e.target.value }))} data-testid={`followup-mas-${m.muscleId}-${m.side}`}>
                      <option value="">not graded</option>
                      {mas.kind.kind === 'ordinal' && mas.kind.grades.map((g) => <option key={g} value={g}>{g}</option>)}
                    </select>
                  </label>
                );
              })}
            </div>
          </fieldset>
        )}
        <fieldset>
          <legend>Adverse events since the treatment</legend>
          {events.map((ev, i) => (
            <div key={i} className="followup-event" data-testid="followup-event">
              <label className="followup-event-what">
                What happened
                <input aria-label="Description" value={ev.description} onChange={(e) => setEvent(i, { description: e.target.value })} />
              </label>
              <label>
                Severity
                <select aria-label="Severity" value={ev.severity} onChange={(e) => setEvent(i, { severity: e.target.value as Severity })}>
                  <option value="mild">mild</option><option value="moderate">moderate</option><option value="severe">severe</option>
                </select>
              </label>
              <label>
                Related to the treatment
                <select aria-label="Related to the treatment" value={ev.relatedness} onChange={(e) => setEvent(i, { relatedness: e.target.value as Relatedness })}>
                  {RELATEDNESS.map((r) => <option key={r.id} value={r.id}>{r.label}</option>)}
                </select>
              </label>
              <label>
                Outcome
                <select aria-label="Outcome" value={ev.outcome} onChange={(e) => setEvent(i, { outcome: e.target.value as AdverseOutcome })}>
                  {ADVERSE_OUTCOMES.map((o) => <option key={o.id} value={o.id}>{o.label}</option>)}
                </select>
              </label>
              <label>
                Began
                <input type="date" aria-label="Onset" value={ev.onsetDate} min={session.date} max={todayIso()} onChange={(e) => setEvent(i, { onsetDate: e.target.value })} />
              </label>
              <label className="toggle followup-serious">
                <input type="checkbox" checked={ev.serious} onChange={(e) => setEvent(i, { serious: e.target.checked })} /> Serious
              </label>
              <button type="button" aria-label="Remove this event" onClick={() => setEvents((list) => list.filter((_, j) => j !== i))}>×</button>
            </div>
          ))}
          <button type="button" onClick={() => setEvents((list) => [...list, NEW_EVENT])} data-testid="followup-add-event">Add an adverse event</button>
        </fieldset>
        <label className="followup-notes">
          Notes
          <textarea value={notes} maxLength={4000} onChange={(e) => setNotes(e.target.value)} rows={2} />
        </label>
        {action.error && <p className="form-error" role="alert">{action.error}</p>}
        <div className="form-actions">
          {existing && <button type="button" className="danger" onClick={() => void remove()} disabled={action.busy}>Delete this follow-up</button>}
          <button type="button" onClick={onClose}>Cancel</button>
          <button type="submit" className="primary" disabled={action.busy} data-testid="followup-save">{action.busy ? 'Saving…' : 'Save follow-up'}</button>
        </div>
      </form>
    </dialog>
  );
}
