import { useMemo } from 'react';
import { getView, muscleName } from '../../../shared/atlas/index.ts';
import { svgSites } from '../../../shared/atlas/svg.ts';
import { sumUnits } from '../../../shared/domain/values.ts';
import { indicationLabel } from '../../../shared/indications.ts';
import type { Nav } from '../App.tsx';
import { formatDate, formatUnits } from '../format.ts';
import { compareSessions } from './compare-data.ts';
import { MapThumb } from './MapThumb.tsx';
import { intervalText, productName, unitsOfProduct } from './review-format.ts';
import { useHistory } from './useHistory.ts';
import { differenceInCalendarDays, parseISO } from 'date-fns';
import './review.css';

const CHANGE_TEXT = { added: 'added', removed: 'not given', more: 'more', less: 'less', same: 'same' } as const;

/** Two sessions side by side on the same diagrams, each on its own diagram version, with units per muscle and the differences. */
export function CompareScreen({ patientId, a, b, nav }: { patientId: string; a: string; b: string; nav: Nav }) {
  const { history, error } = useHistory(patientId);
  const pair = useMemo(() => {
    const x = history?.sessions.find((s) => s.id === a);
    const y = history?.sessions.find((s) => s.id === b);
    if (!x || !y) return null;
    return x.date <= y.date ? { earlier: x, later: y } : { earlier: y, later: x };
  }, [history, a, b]);
  const table = useMemo(() => (pair ? compareSessions(pair.earlier, pair.later) : null), [pair]);

  if (error) return <main className="screen"><p className="form-error" role="alert">{error}</p></main>;
  if (!history) return <main className="screen muted">Loading…</main>;
  if (!pair || !table) return <main className="screen"><p className="form-error" role="alert">One of the two sessions is not in this patient's record.</p></main>;
  const { earlier, later } = pair;
  // The same diagrams for both: every view either session was charted on, each session on its own version.
  const viewIds = [...new Set([...earlier.sites, ...later.sites].map((s) => s.viewId))];
  const keyFor = (sites: typeof earlier.sites, viewId: string, fallback: typeof earlier.sites) =>
    `${viewId}@${(sites.find((s) => s.viewId === viewId) ?? fallback.find((s) => s.viewId === viewId))?.viewVersion ?? 1}`;
  const days = differenceInCalendarDays(parseISO(later.date), parseISO(earlier.date));
  const head = (s: typeof earlier, label: string) => (
    <div className="compare-head-col">
      <div className="muted small">{label}</div>
      <strong>{formatDate(s.date)}</strong>
      <div>{indicationLabel(s.indication)}</div>
      <div data-testid={`compare-total-${label === 'Earlier' ? 'a' : 'b'}`}>{unitsOfProduct(s.totalUnits, s.productId)} · {s.siteCount} sites</div>
      <button type="button" className="linklike small" onClick={() => nav.go({ screen: 'chart', patientId, sessionId: s.id })}>Open this session</button>
    </div>
  );

  return (
    <main className="screen compare" data-testid="compare-screen">
      <div className="screen-head">
        <h1>Compare sessions</h1>
        <button type="button" onClick={() => nav.go({ screen: 'patient', patientId })}>Back to the patient</button>
      </div>
      <div className="compare-heads">
        {head(earlier, 'Earlier')}
        <div className="compare-gap muted">{intervalText(days)} apart</div>
        {head(later, 'Later')}
      </div>
      {!table.sameProduct && (
        <p className="warn-text" role="note" data-testid="compare-products">
          Different products ({productName(earlier.productId)} and {productName(later.productId)}): their units are not interchangeable, so no differences are computed.
        </p>
      )}
      <table className="list compare-table" data-testid="compare-table">
        <thead>
          <tr>
            <th>Muscle</th>
            <th>{formatDate(earlier.date)} ({productName(earlier.productId)})</th>
            <th>{formatDate(later.date)} ({productName(later.productId)})</th>
            <th>Difference</th>
          </tr>
        </thead>
        <tbody>
          {table.rows.map((r) => (
            <tr key={`${r.muscleId}|${r.side}`} className={`change-${r.change}`} data-testid="compare-row">
              <td>{r.label}</td>
              <td>{r.earlier === null ? '—' : `${formatUnits(r.earlier)} (${r.earlierSites})`}</td>
              <td>{r.later === null ? '—' : `${formatUnits(r.later)} (${r.laterSites})`}</td>
              <td data-testid="compare-diff">
                {r.difference === null ? '—' : r.difference === 0 ? 'same' : `${r.difference > 0 ? '+' : '−'}${formatUnits(Math.abs(r.difference))}`}
                {r.change === 'added' || r.change === 'removed' ? ` (${CHANGE_TEXT[r.change]})` : ''}
              </td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th>Total</th>
            <th>{unitsOfProduct(earlier.totalUnits, earlier.productId)}</th>
            <th>{unitsOfProduct(later.totalUnits, later.productId)}</th>
            <th data-testid="compare-total-diff">
              {table.sameProduct ? `${later.totalUnits >= earlier.totalUnits ? '+' : '−'}${formatUnits(Math.abs(sumUnits([later.totalUnits, -earlier.totalUnits])))}` : '—'}
            </th>
          </tr>
        </tfoot>
      </table>
      <p className="muted small">Units per muscle and side, with the number of sites in brackets.</p>
      <div className="compare-views">
      {viewIds.map((viewId) => {
        const laterKey = keyFor(later.sites, viewId, earlier.sites);
        const laterView = getView(viewId, Number(laterKey.split('@')[1]));
        // Where the earlier session was charted on the same version, its sites are shown faded under the later ones.
        const ghosts = svgSites(laterView, earlier.sites.filter((s) => s.viewId === viewId && s.viewVersion === laterView.version), 'ghost', muscleName);
        return (
          <section key={viewId} className="compare-row" aria-label={laterView.title}>
            <h2 className="small-heading">{laterView.title}</h2>
            <div className="compare-maps">
              <figure>
                <MapThumb viewKey={keyFor(earlier.sites, viewId, later.sites)} sites={earlier.sites} widthPx={300} markerPx={7} showUnits inline title={`${laterView.title}, ${formatDate(earlier.date)}`} />
                <figcaption>{formatDate(earlier.date)}</figcaption>
              </figure>
              <figure>
                <MapThumb viewKey={laterKey} sites={later.sites} under={ghosts} widthPx={300} markerPx={7} showUnits inline title={`${laterView.title}, ${formatDate(later.date)}`} />
                <figcaption>{formatDate(later.date)} <span className="muted small">(grey: {formatDate(earlier.date)})</span></figcaption>
              </figure>
            </div>
          </section>
        );
      })}
      </div>
    </main>
  );
}
