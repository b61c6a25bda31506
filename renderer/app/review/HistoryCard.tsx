import { memo } from 'react';
import { muscleName } from '../../../shared/atlas/index.ts';
import type { HistorySession } from '../../../shared/domain/review.ts';
import { indicationLabel } from '../../../shared/indications.ts';
import { formatDate } from '../format.ts';
import { SummaryButton } from '../export/SummaryButton.tsx';
import { chartedViews, MapThumb } from './MapThumb.tsx';
import { gradeText, intervalText, scaleLabel, scaleUnverified, unitsOfProduct } from './review-format.ts';

interface Props {
  session: HistorySession;
  /** Earlier versions this one replaced (amendments), oldest first. */
  versions: readonly HistorySession[];
  selected: boolean;
  onSelect: (id: string, selected: boolean) => void;
  onOpen: (id: string) => void;
  onFollowUp: (session: HistorySession, followUpId?: string) => void;
}

/** One treatment on the patient's timeline: what was given, where (the map), how it went, and what was decided. */
export const HistoryCard = memo(function HistoryCard({ session: s, versions, selected, onSelect, onOpen, onFollowUp }: Props) {
  const views = chartedViews(s.sites);
  return (
    <li className={`history-card${s.status === 'draft' ? ' history-draft' : ''}`} data-testid="history-card" data-session={s.id}>
      <div className="history-when">
        <button type="button" className="linklike history-date" onClick={() => onOpen(s.id)} aria-label={`Open the session of ${formatDate(s.date)}`}>
          {formatDate(s.date)}
        </button>
        <span className="muted small" data-testid="history-interval">
          {s.daysSincePrevious === null ? (s.amendsSessionId && s.status === 'draft' ? 'amendment in progress' : 'first recorded') : `${intervalText(s.daysSincePrevious)} since previous`}
        </span>
        {/* A toggle button, not a checkbox: a hundred inputs cost more to create than the rest of the card. */}
        <button type="button" className={selected ? 'compare-pick picked' : 'compare-pick'} aria-pressed={selected} onClick={() => onSelect(s.id, !selected)} data-testid="compare-pick">
          {selected ? '✓ to compare' : 'Compare'}
        </button>
        <SummaryButton sessionId={s.id} signed={s.status === 'signed'} label="Summary…" />
      </div>
      <div className="history-what">
        <div>
          <strong>{indicationLabel(s.indication)}</strong>{' '}
          <span className={`badge badge-${s.status}`}>{s.status === 'draft' ? 'Draft' : 'Signed'}</span>
          {s.amendsSessionId && <span className="badge badge-amend">amendment</span>}
        </div>
        <div data-testid="history-total">
          <strong>{unitsOfProduct(s.totalUnits, s.productId)}</strong> · {s.siteCount} site{s.siteCount === 1 ? '' : 's'}
        </div>
        {s.clinicianName && <div className="muted small">{s.clinicianName}</div>}
        {versions.length > 0 && (
          <div className="muted small">
            Replaces {versions.map((v, i) => (
              <button key={v.id} type="button" className="linklike" onClick={() => onOpen(v.id)}>
                {i > 0 ? ', ' : ''}the version signed {v.signedAt ? formatDate(v.signedAt.slice(0, 10)) : ''}
              </button>
            ))}
          </div>
        )}
      </div>
      <div className="history-maps" data-testid="history-thumbs">
        {views.length === 0 ? <span className="muted small">no sites</span> : views.map((key) => <MapThumb key={key} viewKey={key} sites={s.sites} widthPx={88} />)}
      </div>
      <div className="history-outcome">
        {s.scores.length > 0 && (
          <ul className="chips" aria-label="Scores at this visit">
            {s.scores.map((x) => (
              <li key={x.id} className="chip" data-testid="history-score">
                {scaleLabel(x.scaleId)} <strong>{gradeText(x.scaleId, x.value)}</strong>
                {scaleUnverified(x.scaleId) && <span className="unverified-tag" title="Scale not checked against a source">unverified</span>}
              </li>
            ))}
          </ul>
        )}
        {s.muscleScores.length > 0 && (
          <div className="small">
            Ashworth: {s.muscleScores.map((m) => `${muscleName(m.muscleId)}${m.side === 'midline' ? '' : ` ${m.side[0]?.toUpperCase()}`} ${m.value}`).join(', ')}
          </div>
        )}
        {s.adverseEvents.map((a) => (
          <div key={a.id} className="history-ae small" data-testid="history-ae">
            Adverse event ({a.severity}): {a.description}
          </div>
        ))}
        {s.acknowledged.map((w) => (
          <div key={w.key} className="history-ack small" data-testid="history-ack" title={w.sources.length ? `Sources: ${w.sources.join(', ')}` : undefined}>
            Warning acknowledged: {w.message ?? w.kind.replace(/_/g, ' ')} — “{w.reason}” ({w.by})
          </div>
        ))}
        {s.followUps.map((f) => (
          <div key={f.id} className="history-followup small" data-testid="history-followup">
            <button type="button" className="linklike" onClick={() => onFollowUp(s, f.id)}>Follow-up {formatDate(f.date)}</button>
            {f.scores.map((x) => ` · ${scaleLabel(x.scaleId)} ${gradeText(x.scaleId, x.value)}`).join('')}
            {f.satisfaction !== null ? ` · satisfaction ${f.satisfaction}/10` : ''}
            {f.onsetDate ? ` · onset ${formatDate(f.onsetDate)}` : ''}
            {f.wearOffDate ? ` · wore off ${formatDate(f.wearOffDate)}` : ''}
            {f.adverseEvents.map((a) => ` · ${a.serious ? 'SERIOUS ' : ''}${a.description} (${a.severity}, ${a.relatedness.replace('_', ' ')})`).join('')}
          </div>
        ))}
        {s.status === 'signed' && (
          <button type="button" className="small-button" onClick={() => onFollowUp(s)} data-testid="add-followup">
            {s.followUps.length === 0 ? 'Record follow-up' : 'Another follow-up'}
          </button>
        )}
      </div>
    </li>
  );
});
