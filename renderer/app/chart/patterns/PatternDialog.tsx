import { useEffect, useMemo, useRef, useState } from 'react';
import { muscleName, type Side } from '../../../../shared/atlas/index.ts';
import { directionQuestion, familiesFor, type Pattern } from '../../../../shared/clinical/patterns.ts';
import type { IndicationId } from '../../../../shared/indications.ts';
import { sideLabel } from '../site-text.ts';
import { parseUnits } from '../UnitsField.tsx';
import { missingDirections, patternUses, proposalRows, type AcceptedRow, type ChosenPattern } from './pattern-proposal.ts';

export interface PatternAcceptance {
  rows: AcceptedRow[];
  uses: ReturnType<typeof patternUses>;
}

export interface PatternDialogProps {
  indications: readonly IndicationId[];
  productId: string | null;
  /** Whether a muscle and side is drawn on one of the session's diagrams. */
  canPlace: (muscleId: string, side: Side) => boolean;
  busy: boolean;
  error: string | null;
  onAccept: (acceptance: PatternAcceptance) => void;
  onClose: () => void;
}

function sourcesText(sources: readonly string[]): string {
  return sources.join(', ');
}

/**
 * Choose one or several patterns (patients usually combine them), the side of each, then accept all or some of the
 * muscles they propose, with the reference's dose per muscle where it has one: placed in one step, undone in one.
 */
export function PatternDialog(props: PatternDialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);
  const families = familiesFor(props.indications);
  const [chosen, setChosen] = useState<ChosenPattern[]>([]);
  const rows = useMemo(() => proposalRows(chosen, props.productId, props.indications), [chosen, props.productId, props.indications]);
  const [ticked, setTicked] = useState<Record<string, boolean>>({});
  const [typed, setTyped] = useState<Record<string, string>>({});
  const [allUnits, setAllUnits] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const isTicked = (key: string, optional: boolean, placeable: boolean) => placeable && (ticked[key] ?? !optional);
  const unitsOf = (key: string, prefill: number | null) => typed[key] ?? (prefill === null ? '' : String(prefill));
  const needDirection = missingDirections(chosen);

  function toggle(p: Pattern) {
    setProblem(null);
    setChosen((c) => (c.some((x) => x.patternId === p.id) ? c.filter((x) => x.patternId !== p.id) : [...c, { patternId: p.id, direction: null }]));
  }

  function accept() {
    const accepted: AcceptedRow[] = [];
    const missing: string[] = [];
    for (const r of rows) {
      if (!isTicked(r.key, r.optional, props.canPlace(r.muscleId, r.side))) continue;
      const units = parseUnits(unitsOf(r.key, r.prefill));
      if (typeof units === 'string') missing.push(`${muscleName(r.muscleId)} ${sideLabel(r.side)}`);
      else accepted.push({ muscleId: r.muscleId, side: r.side, sites: r.sites, units });
    }
    if (needDirection.length > 0) return setProblem(`Choose the side for ${needDirection.map((p) => p.name).join(', ')}.`);
    if (missing.length > 0) return setProblem(`Type the units for ${missing.join(', ')}.`);
    if (accepted.length === 0) return setProblem('Tick at least one muscle.');
    props.onAccept({ rows: accepted, uses: patternUses(chosen, accepted, rows) });
  }

  const count = rows.filter((r) => isTicked(r.key, r.optional, props.canPlace(r.muscleId, r.side))).reduce((n, r) => n + r.sites, 0);
  return (
    <dialog ref={ref} className="pattern-dialog" aria-labelledby="patterns-title" onCancel={(e) => { e.preventDefault(); props.onClose(); }} data-testid="pattern-dialog">
      <h2 id="patterns-title">Injection patterns</h2>
      <div className="pattern-columns">
        <div className="pattern-choices">
          {families.map((f) => (
            <fieldset key={f.id}>
              <legend>{f.name}</legend>
              {f.note && <p className="muted small">{f.note}</p>}
              {f.patterns.map((p) => {
                const c = chosen.find((x) => x.patternId === p.id);
                return (
                  <div key={p.id} className={c ? 'pattern-choice on' : 'pattern-choice'}>
                    <label className="toggle">
                      <input type="checkbox" checked={Boolean(c)} onChange={() => toggle(p)} data-testid={`pattern-${p.id}`} /> {p.name}
                      {p.fromMemory && <span className="badge unverified" title="The muscle set is recalled, not taken from a source">unverified</span>}
                    </label>
                    {c && p.direction && (
                      <span className="segmented small" role="radiogroup" aria-label={`${p.name}: ${directionQuestion(p.direction)}`}>
                        <span className="muted">{directionQuestion(p.direction)}</span>
                        {(['left', 'right'] as const).map((d) => (
                          <button key={d} type="button" role="radio" aria-checked={c.direction === d} className={c.direction === d ? 'active' : ''} data-testid={`pattern-${p.id}-${d}`}
                            onClick={() => setChosen((all) => all.map((x) => (x.patternId === p.id ? { ...x, direction: d } : x)))}>
                            {d === 'left' ? 'Left' : 'Right'}
                          </button>
                        ))}
                      </span>
                    )}
                    {c && (
                      <p className="muted small">
                        {p.text ? `“${p.text}” ` : ''}Sources: {sourcesText([...p.sources, ...p.formSources])}
                        {p.fromMemory ? ' (the muscle set is recalled, not checked against a source)' : ''}
                        {p.note ? `. ${p.note}` : ''}
                      </p>
                    )}
                  </div>
                );
              })}
            </fieldset>
          ))}
        </div>
        <div className="pattern-proposal">
          {rows.length === 0 ? (
            <p className="muted">{needDirection.length > 0 ? `Choose the side for ${needDirection.map((p) => p.name).join(', ')}.` : 'Choose one or more patterns.'}</p>
          ) : (
            <>
              {!props.productId && <p className="muted small">Record the product (Details) to see the reference's doses per muscle.</p>}
              {props.productId && (
                <p className="muted small">
                  Units start from the reference for this product: the lower end of a range, a stated dose, or a trial median. Recalled
                  values and doses for several muscles together are shown, never filled in. Change any value before placing.
                </p>
              )}
              <table className="proposal" data-testid="proposal">
                <thead>
                  <tr><th>Use</th><th>Muscle</th><th>U per site</th><th>Reference dose</th></tr>
                </thead>
                <tbody>
                  {rows.map((r) => {
                    const placeable = props.canPlace(r.muscleId, r.side);
                    return (
                      <tr key={r.key} data-testid="proposal-row">
                        <td>
                          <input type="checkbox" aria-label={`Use ${muscleName(r.muscleId)} ${sideLabel(r.side)}`} disabled={!placeable} checked={isTicked(r.key, r.optional, placeable)} onChange={(e) => setTicked((t) => ({ ...t, [r.key]: e.target.checked }))} />
                        </td>
                        <td>
                          {muscleName(r.muscleId)} <strong>{sideLabel(r.side)}</strong>
                          {r.sites > 1 && <span className="muted"> · {r.sites} sites</span>}
                          {(r.sideFromMemory || r.fromMemory) && <span className="badge unverified" title={r.fromMemory ? 'Recalled, not from a source' : 'The source names the muscle, not its side'}>{r.fromMemory ? 'unverified' : 'side unverified'}</span>}
                          {!placeable && <span className="muted small"> (not on this session's diagrams)</span>}
                          {r.notes.map((n) => <span key={n} className="muted small block">{n}</span>)}
                        </td>
                        <td>
                          <input className="site-units" inputMode="decimal" aria-label={`Units per site, ${muscleName(r.muscleId)} ${sideLabel(r.side)}`} value={unitsOf(r.key, r.prefill)} disabled={!placeable}
                            onChange={(e) => setTyped((t) => ({ ...t, [r.key]: e.target.value }))} placeholder="U" />
                        </td>
                        <td className="small">
                          {r.limits.map((l) => <span key={l} className="block caution">{l}</span>)}
                          {r.hints.length === 0 ? <span className="muted">No per-muscle dose in the reference</span> : r.hints.map((h) => (
                            <span key={`${h.tableId}-${h.label}`} className="block">
                              {h.kind === 'median' ? 'median ' : ''}{h.doseText} U{h.combined ? ` for ${h.label} together` : ''} · {h.table} ({sourcesText(h.sources)})
                              {h.fromMemory && <span className="badge unverified">unverified</span>}
                            </span>
                          ))}
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
              <div className="mini-form">
                <label>Same units for every muscle left empty<input className="site-units" inputMode="decimal" value={allUnits} onChange={(e) => setAllUnits(e.target.value)} data-testid="units-for-empty" /></label>
                <button type="button" onClick={() => setTyped((t) => ({ ...t, ...Object.fromEntries(rows.filter((r) => unitsOf(r.key, r.prefill).trim() === '').map((r) => [r.key, allUnits])) }))} data-testid="apply-units-for-empty">
                  Fill them
                </button>
              </div>
            </>
          )}
        </div>
      </div>
      {(problem ?? props.error) && <p className="form-error" role="alert">{problem ?? props.error}</p>}
      <div className="form-actions">
        <button type="button" onClick={props.onClose}>Cancel</button>
        <button type="button" className="primary" disabled={props.busy || count === 0} onClick={accept} data-testid="accept-pattern">
          {props.busy ? 'Placing…' : `Place ${count} ${count === 1 ? 'site' : 'sites'}`}
        </button>
      </div>
    </dialog>
  );
}

