import { useEffect, useState } from 'react';
import type { LotRecall } from '../../../shared/domain/review.ts';
import { indicationLabel } from '../../../shared/indications.ts';
import { errorMessage } from '../../api.ts';
import type { Nav } from '../App.tsx';
import { useClient } from '../client-context.tsx';
import { formatDate, formatUnits } from '../format.ts';
import { productName } from './review-format.ts';
import './review.css';

/** Saves text as a file through the browser's download (Electron shows its save dialog). */
function download(fileName: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Every patient, session and vial that received a lot (prefix search), with units, exportable as CSV. */
export function LotRecallScreen({ nav }: { nav: Nav }) {
  const client = useClient();
  const [prefix, setPrefix] = useState('');
  const [found, setRecall] = useState<LotRecall | null>(null);
  // An empty field shows no list (the last answer is kept but not shown).
  const recall = prefix.trim() === '' ? null : found;
  const [error, setError] = useState<string | null>(null);
  const [exporting, setExporting] = useState(false);

  useEffect(() => {
    if (prefix.trim() === '') return;
    let current = true;
    const timer = setTimeout(() => {
      client.lot
        .search({ prefix })
        .then((r) => current && (setRecall(r), setError(null)))
        .catch((err: unknown) => current && setError(errorMessage(err)));
    }, 150);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [client, prefix]);

  async function exportCsv() {
    setExporting(true);
    try {
      const file = await client.lot.csv({ prefix });
      download(file.fileName, file.csv);
      nav.notify({ kind: 'info', message: `${file.rows} vial${file.rows === 1 ? '' : 's'} exported to ${file.fileName}` });
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setExporting(false);
    }
  }

  const patients = new Set(recall?.rows.map((r) => r.patientId) ?? []).size;
  const sessions = new Set(recall?.rows.map((r) => r.sessionId) ?? []).size;
  return (
    <main className="screen lot-recall">
      <div className="screen-head">
        <h1>Lot recall</h1>
        <button type="button" onClick={() => void exportCsv()} disabled={!recall || recall.rows.length === 0 || exporting} data-testid="lot-export">
          {exporting ? 'Exporting…' : 'Export CSV'}
        </button>
      </div>
      <label className="search">
        Lot number (first characters; capitals or not)
        <input type="search" autoFocus value={prefix} maxLength={40} onChange={(e) => setPrefix(e.target.value)} placeholder="e.g. C7781" data-testid="lot-prefix" />
      </label>
      {error && <p className="form-error" role="alert">{error}</p>}
      {recall && (
        <p data-testid="lot-summary">
          {recall.rows.length === 0
            ? `No vial with a lot starting “${recall.prefix}”.`
            : `${recall.rows.length} vial${recall.rows.length === 1 ? '' : 's'} in ${sessions} session${sessions === 1 ? '' : 's'} of ${patients} patient${patients === 1 ? '' : 's'}.`}
          {recall.truncated && ' Only the first 500 are listed: type more of the lot number.'}
        </p>
      )}
      {recall && recall.rows.length > 0 && (
        <table className="list" data-testid="lot-results">
          <thead>
            <tr>
              <th>Lot</th><th>Patient</th><th>Session</th><th>Product, vial</th><th>Units from this vial</th><th>Session total</th><th>Sites and muscles</th>
            </tr>
          </thead>
          <tbody>
            {recall.rows.map((r) => (
              <tr key={r.vialId} data-testid="lot-row">
                <td className="mono">{r.lot}</td>
                <td>
                  <a href="#" onClick={(e) => { e.preventDefault(); nav.go({ screen: 'patient', patientId: r.patientId }); }}>{r.patientName}</a>
                  <div className="muted small mono">{r.mrn}</div>
                </td>
                <td>
                  <a href="#" onClick={(e) => { e.preventDefault(); nav.go({ screen: 'chart', patientId: r.patientId, sessionId: r.sessionId }); }}>{formatDate(r.sessionDate)}</a>
                  <div className="muted small">{indicationLabel(r.indication)}{r.status === 'draft' ? ' · draft' : ''}</div>
                </td>
                <td>{productName(r.productId)} {formatUnits(r.sizeUnits)}<div className="muted small">expires {formatDate(r.expiry)}</div></td>
                <td data-testid="lot-units">{r.unitsFromVial === null ? 'not derivable' : formatUnits(r.unitsFromVial)}</td>
                <td>{formatUnits(r.sessionUnits)}</td>
                <td className="small">
                  {r.siteCount} site{r.siteCount === 1 ? '' : 's'}: {r.muscles.join(', ')}
                  {r.otherLots.length > 0 && <div className="warn-text">Also lot {r.otherLots.join(', ')} in this session: the sites cannot be told apart by lot.</div>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <p className="muted small">Units from a vial are the clinical rules' allocation of the session's units to its vials, in the order they were opened.</p>
    </main>
  );
}
