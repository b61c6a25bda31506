import { useMemo, useState } from 'react';
import { getView, hasView } from '../../../shared/atlas/index.ts';
import { siteRegionProblem } from '../../../shared/atlas/site-region.ts';
import type { Side } from '../../../shared/atlas/types.ts';
import { volumeMl } from '../../../shared/clinical/products.ts';
import type { Guidance, Site } from '../../../shared/domain/types.ts';
import type { SiteStatus } from './copy-forward.ts';
import { fieldDraft, saveField } from './drafts.ts';
import { sideLabel, siteTitle } from './site-text.ts';
import { parseUnits, UnitsField } from './UnitsField.tsx';

export interface SiteRowProps {
  site: Site;
  sessionId: string;
  selected: boolean;
  /** The one selected site shows its corrections (several selected: none, to keep the list readable). */
  editing: boolean;
  readOnly: boolean;
  concentration: number | null;
  step: number;
  /** Carried forward from the last session: unchanged, changed (and how), or new. */
  status: SiteStatus | null;
  muscleChoices: (site: Site) => ReadonlyArray<{ muscleId: string; side: Side }>;
  muscleName: (id: string) => string;
  onSelect: (site: Site, additive: boolean) => void;
  /** Resolves false when the change was refused (the field then shows the saved value again). */
  onChangeUnits: (site: Site, units: number) => Promise<boolean>;
  onChangeSite: (site: Site, changes: Partial<Pick<Site, 'muscleId' | 'side' | 'guidance' | 'note'>>) => Promise<boolean>;
  onDelete: (site: Site) => void;
}

const GUIDANCE_LABEL: Record<Guidance, string> = { none: 'No guidance', emg: 'EMG', estim: 'E-stim', ultrasound: 'Ultrasound' };

/**
 * One site of the list: its number, muscle, side and part, units (saved on Enter or when the field is left; a
 * refused value goes back to the saved one and says why, next to the field) and, when selected, its corrections.
 */
export function SiteRow(props: SiteRowProps) {
  const { site } = props;
  // A units edit typed before a reload comes back into its field, still unsaved.
  const [text, setText] = useState(() => fieldDraft(props.sessionId, 'units', site.id) ?? String(site.units));
  const [message, setMessage] = useState<string | null>(null);
  const messageId = `units-msg-${site.id}`;

  function keep(t: string) {
    setText(t);
    setMessage(null);
    saveField(props.sessionId, { kind: 'units', siteId: site.id, text: t === String(site.units) ? null : t });
  }

  async function commit(value = text) {
    if (value.trim() === String(site.units)) {
      saveField(props.sessionId, { kind: 'units', siteId: site.id, text: null });
      return;
    }
    const parsed = parseUnits(value);
    if (typeof parsed === 'string') {
      // Never leave a value on screen that the record does not hold.
      setText(String(site.units));
      setMessage(`“${value.trim() || 'empty'}” was not saved: ${parsed.replace(/\.$/, '')}. Still ${site.units} U.`);
      saveField(props.sessionId, { kind: 'units', siteId: site.id, text: null });
      return;
    }
    const ok = await props.onChangeUnits(site, parsed);
    saveField(props.sessionId, { kind: 'units', siteId: site.id, text: null });
    if (!ok) {
      setText(String(site.units));
      setMessage(`${parsed} U was not saved. Still ${site.units} U.`);
    }
  }

  const restored = text !== String(site.units);
  // A point off the muscle it names: only sites charted before points had to lie on their muscle.
  const { viewId, viewVersion, x, y, muscleId, side } = site;
  const offMuscle = useMemo(
    () => (hasView(viewId, viewVersion) ? siteRegionProblem(getView(viewId, viewVersion), { x, y }, muscleId, side) : null),
    [viewId, viewVersion, x, y, muscleId, side],
  );
  return (
    <li className={props.selected ? 'site selected' : 'site'} data-testid="site-row" data-site-id={site.id}>
      <button
        type="button"
        className="site-name"
        aria-pressed={props.selected}
        onClick={(e) => props.onSelect(site, e.shiftKey || e.ctrlKey || e.metaKey)}
      >
        <span className="seq">{site.seq}</span>
        <span className="site-label">
          {siteTitle({ ...site, location: null })}
          {site.location && <span className="location">{site.location}</span>}
          {props.status && props.status.kind !== 'unchanged' && (
            <span className={`badge change-${props.status.kind}`} data-testid="site-status">
              {props.status.kind === 'new' ? 'new' : `changed: ${props.status.what.join(', ')}`}
            </span>
          )}
          {props.status?.kind === 'unchanged' && <span className="badge change-unchanged" data-testid="site-status">as last time</span>}
        </span>
      </button>
      <UnitsField
        text={text}
        onText={keep}
        step={props.step}
        label={`Units at site ${site.seq}`}
        invalid={message !== null || restored}
        describedBy={message ? messageId : undefined}
        disabled={props.readOnly}
        onEnter={() => void commit()}
        onBlur={() => void commit()}
        onEscape={() => keep(String(site.units))}
        onStepped={(t) => void commit(t)}
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
      {message && <p className="field-message" id={messageId} role="alert">{message}</p>}
      {restored && !message && <p className="field-message" id={messageId}>Typed before the window reloaded, not saved yet: press Enter to save it, Escape to drop it.</p>}
      {(site.guidance !== 'none' || site.note) && !(props.editing && !props.readOnly) && (
        <span className="site-extra">
          {site.guidance !== 'none' && <span className="badge">{GUIDANCE_LABEL[site.guidance]}</span>} {site.note}
        </span>
      )}
      {offMuscle && !(props.editing && !props.readOnly) && (
        <p className="field-message off-muscle" title={offMuscle} data-testid="site-off-muscle">
          Its point lies off {props.muscleName(site.muscleId)} ({site.side}){props.readOnly ? ', as charted.' : ': select the site to move it.'}
        </p>
      )}
      {offMuscle && props.editing && !props.readOnly && (
        <p className="field-message off-muscle" data-testid="site-off-muscle-fix">
          {offMuscle}.{' '}
          <button type="button" onClick={() => void props.onChangeSite(site, { muscleId: site.muscleId, side: site.side })}>
            Move the point onto {props.muscleName(site.muscleId)} ({site.side})
          </button>{' '}
          or choose the muscle it lies on below.
        </p>
      )}
      {props.editing && !props.readOnly && <SiteEditor {...props} />}
    </li>
  );
}

/** Corrections to a placed site: the muscle and side found by the click, its guidance and a note. */
function SiteEditor(props: SiteRowProps) {
  const { site } = props;
  const [note, setNote] = useState(() => fieldDraft(props.sessionId, 'siteNote', site.id) ?? site.note);
  const commitNote = async () => {
    if (note.trim() !== site.note) await props.onChangeSite(site, { note: note.trim() });
    saveField(props.sessionId, { kind: 'siteNote', siteId: site.id, text: null });
  };
  return (
    <div className="site-editor">
      <label>
        Muscle
        <select
          value={`${site.muscleId}|${site.side}`}
          onChange={(e) => {
            const [muscleId, side] = e.target.value.split('|') as [string, Side];
            void props.onChangeSite(site, { muscleId, side });
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
        <select value={site.guidance} onChange={(e) => void props.onChangeSite(site, { guidance: e.target.value as Guidance })}>
          {(Object.keys(GUIDANCE_LABEL) as Guidance[]).map((g) => (
            <option key={g} value={g}>{GUIDANCE_LABEL[g]}</option>
          ))}
        </select>
      </label>
      <label className="wide">
        Note
        <input
          value={note}
          maxLength={500}
          onChange={(e) => {
            setNote(e.target.value);
            saveField(props.sessionId, { kind: 'siteNote', siteId: site.id, text: e.target.value === site.note ? null : e.target.value });
          }}
          onBlur={() => void commitNote()}
          onKeyDown={(e) => e.key === 'Enter' && void commitNote()}
          placeholder="e.g. medial belly, 1 cm above the brow"
        />
      </label>
    </div>
  );
}
