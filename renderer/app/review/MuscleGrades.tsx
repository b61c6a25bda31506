import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { getView, muscleName, viewsForIndication } from '../../../shared/atlas/index.ts';
import { outcomeMeasures, PER_MUSCLE_SCALES } from '../../../shared/clinical/outcome-measures.ts';
import type { MuscleScore } from '../../../shared/domain/review.ts';
import type { SessionDetail } from '../../../shared/domain/types.ts';
import { useClient } from '../client-context.tsx';
import { useAction } from '../session/useAsync.ts';

type Side = 'left' | 'right' | 'midline';

/**
 * Modified Ashworth (or another per-muscle scale) graded per muscle and side at this session, typically before
 * injecting. Shown for indications whose outcome measures include one; the muscles injected come first.
 */
export function MuscleGrades({ session }: { session: SessionDetail }) {
  const client = useClient();
  const scale = useMemo(() => outcomeMeasures(session.indication).find((m) => PER_MUSCLE_SCALES.has(m.id)) ?? null, [session.indication]);
  const [grades, setGrades] = useState<MuscleScore[] | null>(null);
  const [choice, setChoice] = useState('');
  const [value, setValue] = useState('');
  const action = useAction();
  const readOnly = session.status !== 'draft';

  useEffect(() => {
    if (!scale) return;
    let current = true;
    client.muscleScore.list({ sessionId: session.id }).then((g) => current && setGrades(g)).catch(() => current && setGrades([]));
    return () => {
      current = false;
    };
  }, [client, session.id, scale]);

  const choices = useMemo(() => {
    const injected = new Set(session.sites.map((s) => `${s.muscleId}|${s.side}`));
    const all = new Map<string, { muscleId: string; side: Side }>();
    for (const viewId of viewsForIndication(session.indication)) {
      for (const r of getView(viewId).regions) all.set(`${r.muscleId}|${r.side}`, { muscleId: r.muscleId, side: r.side });
    }
    for (const s of session.sites) all.set(`${s.muscleId}|${s.side}`, { muscleId: s.muscleId, side: s.side });
    return [...all.entries()]
      .map(([key, m]) => ({ key, ...m, injected: injected.has(key), label: `${muscleName(m.muscleId)}${m.side === 'midline' ? '' : ` (${m.side})`}` }))
      .sort((a, b) => Number(b.injected) - Number(a.injected) || a.label.localeCompare(b.label));
  }, [session.indication, session.sites]);

  if (!scale || scale.kind.kind !== 'ordinal') return null;
  const grades_ = scale.kind.grades;

  async function set(muscleId: string, side: Side, grade: string | null) {
    const next = await action.run(() => client.muscleScore.set({ sessionId: session.id, muscleId, side, scaleId: scale?.id ?? 'mas', value: grade }));
    if (next) setGrades(next);
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    const picked = choices.find((c) => c.key === choice);
    if (!picked || value === '') return;
    await set(picked.muscleId, picked.side, value);
    setChoice('');
    setValue('');
  }

  return (
    <section data-testid="muscle-grades">
      <h3>{scale.label} per muscle <span className="muted small">({scale.ref.sources.join(', ')})</span></h3>
      {grades && grades.length === 0 && <p className="muted small">No grade recorded.</p>}
      <ul className="plain">
        {(grades ?? []).map((g) => (
          <li key={g.id} className="row-item">
            <span>{muscleName(g.muscleId)}{g.side === 'midline' ? '' : ` (${g.side})`}: <strong>{g.value}</strong></span>
            {!readOnly && (
              <button type="button" aria-label={`Remove the grade of ${muscleName(g.muscleId)}`} onClick={() => void set(g.muscleId, g.side, null)}>×</button>
            )}
          </li>
        ))}
      </ul>
      {!readOnly && (
        <form className="form-row" onSubmit={(e) => void submit(e)} aria-label={`Add a ${scale.label} grade`}>
          <label>
            Muscle
            <select value={choice} onChange={(e) => setChoice(e.target.value)} data-testid="grade-muscle">
              <option value="">Choose…</option>
              {choices.map((c) => <option key={c.key} value={c.key}>{c.label}{c.injected ? ' · injected' : ''}</option>)}
            </select>
          </label>
          <label>
            Grade
            <select value={value} onChange={(e) => setValue(e.target.value)} data-testid="grade-value">
              <option value="">–</option>
              {grades_.map((g) => <option key={g} value={g}>{g}</option>)}
            </select>
          </label>
          <button type="submit" disabled={action.busy || choice === '' || value === ''}>Record grade</button>
        </form>
      )}
      {action.error && <p className="form-error" role="alert">{action.error}</p>}
    </section>
  );
}
