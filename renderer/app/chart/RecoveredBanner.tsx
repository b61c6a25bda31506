import { muscleName } from '../../../shared/atlas/index.ts';
import type { Site } from '../../../shared/domain/types.ts';
import type { ChartDraft } from './drafts.ts';
import { sideLabel } from './site-text.ts';

/**
 * What was typed but not saved when the window last closed or reloaded, offered back: the site being placed (put it
 * back, or drop it), and edits still in their fields (they reappear in their fields, marked unsaved).
 */
export function RecoveredBanner({ draft, sites, onResume, onDrop, onDismissFields }: {
  draft: ChartDraft;
  sites: readonly Site[];
  onResume: () => void;
  onDrop: () => void;
  onDismissFields: () => void;
}) {
  const pending = draft.pending;
  // A placement already saved (its site exists) is not offered again: the record holds it.
  const offerPending = pending && !sites.some((s) => s.id === pending.pending.id);
  const fields = Object.values(draft.fields ?? {}).filter((f) => f.siteId === null || sites.some((s) => s.id === f.siteId));
  if (!offerPending && fields.length === 0) return null;
  return (
    <div className="recovered" role="status" data-testid="recovered">
      {offerPending && (
        <p>
          <strong>Not saved before the window reloaded:</strong> a site in {muscleName(pending.pending.muscleId)} {sideLabel(pending.pending.side)}
          {pending.pending.units ? `, ${pending.pending.units} U typed` : ''}.{' '}
          <button type="button" className="primary" onClick={onResume} data-testid="resume-pending">Put it back</button>{' '}
          <button type="button" onClick={onDrop} data-testid="drop-pending">Drop it</button>
        </p>
      )}
      {fields.length > 0 && (
        <p>
          <strong>{fields.length} unsaved {fields.length === 1 ? 'edit is' : 'edits are'} back in {fields.length === 1 ? 'its field' : 'their fields'}</strong>{' '}
          ({fields.map((f) => (f.kind === 'sessionNotes' ? 'session notes' : `${f.kind === 'units' ? 'units' : 'note'} of site ${sites.find((s) => s.id === f.siteId)?.seq ?? '?'}`)).join(', ')}): save them there, or leave them.{' '}
          <button type="button" onClick={onDismissFields}>OK</button>
        </p>
      )}
    </div>
  );
}
