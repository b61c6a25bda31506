import type { ReactNode, Ref } from 'react';
import type { Side } from '../../../shared/atlas/types.ts';
import type { SessionPattern, Site } from '../../../shared/domain/types.ts';
import { sumUnits } from '../../../shared/domain/values.ts';
import type { PendingSite } from '../../editor/tool.ts';
import { formatUnits } from '../format.ts';
import type { CopyForwardView } from './copy-forward.ts';
import { MusclePicker, type MuscleOption } from './MusclePicker.tsx';
import { PendingForm } from './PendingForm.tsx';
import { siteTitle } from './site-text.ts';
import { SiteRow } from './SiteRow.tsx';
import type { MoveNotice } from './useCharting.ts';

export { sideLabel } from './site-text.ts';
export { parseUnits } from './UnitsField.tsx';

export interface SitePanelProps {
  sessionId: string;
  sites: readonly Site[];
  selectedIds: readonly string[];
  pending: PendingSite | null;
  pendingLocation: string | null;
  /** The pending site is being saved: its "Place site" button takes no further press until the save is answered. */
  saving: boolean;
  readOnly: boolean;
  /** U per 0.1 mL of the session's vials, when one applies; sites then show their volume. */
  concentration: number | null;
  stepFor: (muscleId: string | null) => number;
  lastUnits: number | null;
  options: readonly MuscleOption[];
  pickerRef?: Ref<HTMLInputElement>;
  copyForward: CopyForwardView | null;
  patterns: readonly SessionPattern[];
  moveNotice: MoveNotice | null;
  muscleName: (id: string) => string;
  muscleChoices: (site: Site) => ReadonlyArray<{ muscleId: string; side: Side }>;
  onPick: (option: MuscleOption) => void;
  onSelect: (site: Site, additive: boolean) => void;
  onTypeUnits: (text: string) => void;
  onConfirm: (units: number) => void;
  onCancel: () => void;
  onChangeUnits: (site: Site, units: number) => Promise<boolean>;
  onChangeSite: (site: Site, changes: Partial<Pick<Site, 'muscleId' | 'side' | 'guidance' | 'note'>>) => Promise<boolean>;
  onDelete: (site: Site) => void;
  onUndoMove: () => void;
  onDismissMove: () => void;
  onPutBack: (sites: readonly Site[]) => void;
  /** More ways to add sites, under the list (a template's sites). */
  footer?: ReactNode;
}

/** The Sites tab: the site being placed, placing by name, the list of sites and their totals. */
export function SitePanel(props: SitePanelProps) {
  const { sites, pending, readOnly } = props;
  const total = sumUnits(sites.map((s) => s.units));
  // Per muscle, side and part: the two lids of one eye are two lines, not one.
  const byMuscle = new Map<string, number[]>();
  for (const s of sites) {
    const key = siteTitle(s);
    byMuscle.set(key, [...(byMuscle.get(key) ?? []), s.units]);
  }

  return (
    <aside className="site-panel" aria-label="Injection sites">
      {pending && (
        <PendingForm
          key={pending.id}
          pending={pending}
          location={props.pendingLocation}
          step={props.stepFor(pending.muscleId)}
          lastUnits={props.lastUnits}
          saving={props.saving}
          onTypeUnits={props.onTypeUnits}
          onConfirm={props.onConfirm}
          onCancel={props.onCancel}
        />
      )}
      {props.moveNotice && (
        <div className="move-notice" role="status" data-testid="move-notice">
          <span>
            Site {props.moveNotice.seq} is now in <strong>{props.moveNotice.to}</strong> (was {props.moveNotice.from}).
          </span>
          <span className="toolgroup">
            <button type="button" onClick={props.onUndoMove}>Undo the move</button>
            <button type="button" onClick={props.onDismissMove}>Keep</button>
          </span>
        </div>
      )}
      {!pending && !readOnly && (
        <p className="hint">Tap a muscle on the diagram to place a site, type the units, press Enter.</p>
      )}
      {!readOnly && <MusclePicker options={props.options} onPick={props.onPick} inputRef={props.pickerRef} />}
      <div className="site-total" data-testid="total-units">
        <span>{sites.length} {sites.length === 1 ? 'site' : 'sites'}</span>
        <strong>{formatUnits(total)}</strong>
      </div>
      {props.patterns.length > 0 && (
        <p className="applied-patterns small" data-testid="applied-patterns">
          Patterns: {props.patterns.map((p) => `${p.patternName}${p.direction ? ` (${p.direction})` : ''}`).join(', ')}
        </p>
      )}
      <ol className="site-list" data-testid="site-list">
        {sites.map((site) => (
          <SiteRow
            key={`${site.id}:${site.units}`}
            site={site}
            sessionId={props.sessionId}
            selected={props.selectedIds.includes(site.id)}
            editing={props.selectedIds.length === 1 && props.selectedIds[0] === site.id}
            readOnly={readOnly}
            concentration={props.concentration}
            step={props.stepFor(site.muscleId)}
            status={props.copyForward?.status.get(site.id) ?? null}
            muscleChoices={props.muscleChoices}
            muscleName={props.muscleName}
            onSelect={props.onSelect}
            onChangeUnits={props.onChangeUnits}
            onChangeSite={props.onChangeSite}
            onDelete={props.onDelete}
          />
        ))}
      </ol>
      {props.copyForward && props.copyForward.removed.length > 0 && (
        <section className="removed-since" data-testid="removed-since">
          <h3>Not charted this time ({props.copyForward.removed.length})</h3>
          <ul className="plain">
            {props.copyForward.removed.map((s) => (
              <li key={s.id} className="row-item">
                <span>{siteTitle(s)} · {formatUnits(s.units)}</span>
                {!readOnly && <button type="button" onClick={() => props.onPutBack([s])}>Put back</button>}
              </li>
            ))}
          </ul>
          {!readOnly && props.copyForward.removed.length > 1 && (
            <button type="button" onClick={() => props.onPutBack(props.copyForward?.removed ?? [])}>Put all back</button>
          )}
        </section>
      )}
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
      {props.footer}
    </aside>
  );
}
