import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { Side } from '../../../shared/atlas/types.ts';
import type { Guidance, Site } from '../../../shared/domain/types.ts';
import { sumUnits, units as unitsSchema } from '../../../shared/domain/values.ts';
import { formatUnits } from '../format.ts';
import { volumeMl } from '../../../shared/clinical/products.ts';
import type { PendingSite } from './placement.ts';

export interface SitePanelProps {
  sites: readonly Site[];
  selectedId: string | null;
  pending: PendingSite | null;
  /** The pending site is being saved: its "Place site" button takes no further press until the save is answered. */
  saving: boolean;
  hint: string | null;
  readOnly: boolean;
  /** U per 0.1 mL of the session's vials, when one applies; sites then show their volume. */
  concentration: number | null;
  muscleName: (id: string) => string;
  onSelect: (site: Site) => void;
  onConfirm: (units: number) => void;
  onCancel: () => void;
  onChangeUnits: (site: Site, units: number) => void;
  /** The muscles (and sides) a site may be reassigned to: those drawn on its diagram. */
  muscleChoices: (site: Site) => ReadonlyArray<{ muscleId: string; side: Side }>;
  /** The muscles of the diagram shown, for placing a site by name. */
  viewMuscles: ReadonlyArray<{ muscleId: string; side: Side }>;
  onPlaceByMuscle: (muscleId: string, side: Side) => void;
  onChangeSite: (site: Site, changes: Partial<Pick<Site, 'muscleId' | 'side' | 'guidance' | 'note'>>) => void;
  onDelete: (site: Site) => void;
}

/** Parses typed units with the same rule main applies; returns a message instead of a number when wrong. */
export function parseUnits(text: string): number | string {
  const trimmed = text.trim().replace(',', '.');
  if (trimmed === '') return 'Type the units for this site.';
  const result = unitsSchema.safeParse(Number(trimmed));
  if (!result.success || !/^\d*\.?\d*$/.test(trimmed)) {
    return result.success ? 'Units must be a number, e.g. 5 or 1.25.' : (result.error.issues[0]?.message ?? 'Invalid units');
  }
  return result.data;
}

export function sideLabel(side: Side): string {
  return side === 'midline' ? 'midline' : side === 'left' ? 'L' : 'R';
}

/** The Sites tab: the site being placed, the list of sites and their totals. */
export function SitePanel(props: SitePanelProps) {
  const { sites, pending, readOnly } = props;
  const total = sumUnits(sites.map((s) => s.units));
  const byMuscle = new Map<string, number[]>();
  for (const s of sites) {
    const key = `${props.muscleName(s.muscleId)} (${sideLabel(s.side)})`;
    byMuscle.set(key, [...(byMuscle.get(key) ?? []), s.units]);
  }

  return (
    <aside className="site-panel" aria-label="Injection sites">
      {pending && <PendingForm key={`${pending.point.x},${pending.point.y}`} {...props} pending={pending} />}
      {!pending && props.hint && <p className="hint" role="status">{props.hint}</p>}
      {!pending && !props.hint && !readOnly && (
        <p className="hint">Click a muscle on the diagram to place a site, type the units, press Enter.</p>
      )}
      {!pending && !readOnly && (
        <label className="by-name">
          Or place by muscle
          <select
            value=""
            onChange={(e) => {
              const [muscleId, side] = e.target.value.split('|') as [string, Side];
              if (muscleId) props.onPlaceByMuscle(muscleId, side);
            }}
            data-testid="place-by-muscle"
          >
            <option value="">Choose a muscle…</option>
            {props.viewMuscles.map((c) => (
              <option key={`${c.muscleId}|${c.side}`} value={`${c.muscleId}|${c.side}`}>
                {props.muscleName(c.muscleId)} ({sideLabel(c.side)})
              </option>
            ))}
          </select>
        </label>
      )}
      <div className="site-total" data-testid="total-units">
        <span>{sites.length} {sites.length === 1 ? 'site' : 'sites'}</span>
        <strong>{formatUnits(total)}</strong>
      </div>
      <ol className="site-list" data-testid="site-list">
        {sites.map((site) => (
          <SiteRow key={`${site.id}:${site.units}`} {...props} site={site} selected={site.id === props.selectedId} />
        ))}
      </ol>
      {byMuscle.size > 0 && (
        <table className="muscle-totals">
          <caption>Per muscle</caption>
          <tbody>
            {[...byMuscle.entries()].map(([name, u]) => (
              <tr key={name}>
                <td>{name}</td>
                <td className="num">{formatUnits(sumUnits(u))}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </aside>
  );
}

function PendingForm(props: SitePanelProps & { pending: PendingSite }) {
  const [text, setText] = useState(props.pending.units);
  const [error, setError] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => {
    input.current?.focus();
    input.current?.select();
  }, []);

  function submit(e: FormEvent) {
    e.preventDefault();
    if (props.saving) return;
    const parsed = parseUnits(text);
    if (typeof parsed === 'string') setError(parsed);
    else props.onConfirm(parsed);
  }

  return (
    <form className="pending card" onSubmit={submit} aria-label="New site" aria-busy={props.saving}>
      <p className="pending-muscle" data-testid="pending-muscle">
        {props.muscleName(props.pending.muscleId)} <span className="side">{sideLabel(props.pending.side)}</span>
      </p>
      <label>
        Units
        <input
          ref={input}
          inputMode="decimal"
          value={text}
          onChange={(e) => setText(e.target.value)}
          onKeyDown={(e) => e.key === 'Escape' && props.onCancel()}
          aria-invalid={error !== null}
          data-testid="units-input"
        />
      </label>
      {error && <p className="form-error" role="alert">{error}</p>}
      <div className="form-actions">
        <button type="button" onClick={props.onCancel}>Cancel</button>
        <button type="submit" className="primary" data-testid="confirm-site" disabled={props.saving}>
          {props.saving ? 'Saving…' : 'Place site'}
        </button>
      </div>
    </form>
  );
}

function SiteRow(props: SitePanelProps & { site: Site; selected: boolean }) {
  const { site } = props;
  const [text, setText] = useState(String(site.units));
  const [error, setError] = useState<string | null>(null);

  function commit() {
    const parsed = parseUnits(text);
    if (typeof parsed === 'string') {
      setError(parsed);
      return;
    }
    setError(null);
    props.onChangeUnits(site, parsed);
  }

  return (
    <li className={props.selected ? 'site selected' : 'site'} data-testid="site-row">
      <button type="button" className="site-name" onClick={() => props.onSelect(site)}>
        <span className="seq">{site.seq}</span>
        <span className="site-label">
          {props.muscleName(site.muscleId)} <span className="side">{sideLabel(site.side)}</span>
        </span>
      </button>
      <input
        className="site-units"
        aria-label={`Units at site ${site.seq}`}
        inputMode="decimal"
        value={text}
        disabled={props.readOnly}
        onChange={(e) => setText(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => e.key === 'Enter' && commit()}
        aria-invalid={error !== null}
        title={error ?? undefined}
      />
      <span className="unit-suffix">
        U
        {props.concentration !== null && <span className="volume">{volumeMl(site.units, props.concentration)} mL</span>}
      </span>
      {!props.readOnly && (
        <button type="button" className="danger icon" aria-label={`Delete site ${site.seq}`} onClick={() => props.onDelete(site)}>
          ✕
        </button>
      )}
      {(site.guidance !== 'none' || site.note) && !(props.selected && !props.readOnly) && (
        <span className="site-extra">
          {site.guidance !== 'none' && <span className="badge">{GUIDANCE_LABEL[site.guidance]}</span>} {site.note}
        </span>
      )}
      {props.selected && !props.readOnly && <SiteEditor {...props} site={site} />}
    </li>
  );
}

const GUIDANCE_LABEL: Record<Guidance, string> = { none: 'No guidance', emg: 'EMG', estim: 'E-stim', ultrasound: 'Ultrasound' };

/** Corrections to a placed site: the muscle and side found by the click, its guidance and a note. */
function SiteEditor(props: SitePanelProps & { site: Site }) {
  const { site } = props;
  const [note, setNote] = useState(site.note);
  const commitNote = () => note.trim() !== site.note && props.onChangeSite(site, { note: note.trim() });
  return (
    <div className="site-editor">
      <label>
        Muscle
        <select
          value={`${site.muscleId}|${site.side}`}
          onChange={(e) => {
            const [muscleId, side] = e.target.value.split('|') as [string, Side];
            props.onChangeSite(site, { muscleId, side });
          }}
          data-testid="site-muscle"
        >
          {props.muscleChoices(site).map((c) => (
            <option key={`${c.muscleId}|${c.side}`} value={`${c.muscleId}|${c.side}`}>
              {props.muscleName(c.muscleId)} ({sideLabel(c.side)})
            </option>
          ))}
        </select>
      </label>
      <label>
        Guidance
        <select value={site.guidance} onChange={(e) => props.onChangeSite(site, { guidance: e.target.value as Guidance })}>
          {(Object.keys(GUIDANCE_LABEL) as Guidance[]).map((g) => (
            <option key={g} value={g}>{GUIDANCE_LABEL[g]}</option>
          ))}
        </select>
      </label>
      <label className="wide">
        Note
        <input value={note} maxLength={500} onChange={(e) => setNote(e.target.value)} onBlur={commitNote} onKeyDown={(e) => e.key === 'Enter' && commitNote()} placeholder="e.g. medial belly, 1 cm above the brow" />
      </label>
    </div>
  );
}
