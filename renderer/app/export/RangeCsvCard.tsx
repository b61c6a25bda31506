import { useState, type FormEvent } from 'react';
import type { Nav } from '../App.tsx';
import { useClient } from '../client-context.tsx';
import { todayIso } from '../format.ts';
import { useAction } from '../session/useAsync.ts';
import './export.css';

/**
 * The sites of every session in a date range, across patients, as one CSV file (for an audit, research or a
 * billing review). Signed sessions only unless drafts are asked for; a replaced version only when asked.
 */
export function RangeCsvCard({ nav }: { nav: Nav }) {
  const client = useClient();
  const today = todayIso();
  const [from, setFrom] = useState(`${today.slice(0, 4)}-01-01`);
  const [to, setTo] = useState(today);
  const [includeDrafts, setIncludeDrafts] = useState(false);
  const [includeSuperseded, setIncludeSuperseded] = useState(false);
  const [result, setResult] = useState<string | null>(null);
  const { busy, error, run } = useAction();
  const backwards = from !== '' && to !== '' && to < from;

  function submit(e: FormEvent) {
    e.preventDefault();
    if (backwards || busy) return;
    setResult(null);
    void run(async () => {
      const r = await client.export.sitesCsv({ from, to, includeDrafts, includeSuperseded });
      if (r.file === null) setResult('Not saved: the save dialog was cancelled.');
      else {
        setResult(`${r.rows} site${r.rows === 1 ? '' : 's'} of ${r.sessions} session${r.sessions === 1 ? '' : 's'} saved in ${r.file}`);
        nav.notify({ kind: 'info', message: `Sites exported to ${r.file}` });
      }
    });
  }

  return (
    <form className="card export-card" aria-label="Sites of a date range as CSV" onSubmit={submit} data-testid="range-csv">
      <h2>Sites of a date range (CSV)</h2>
      <p className="muted">One row per injection site, across patients, in the documented columns of docs/csv-export.md.</p>
      <label>
        From
        <input type="date" required value={from} max={to || undefined} onChange={(e) => setFrom(e.target.value)} data-testid="range-from" />
      </label>
      <label>
        To
        <input type="date" required value={to} aria-invalid={backwards} onChange={(e) => setTo(e.target.value)} data-testid="range-to" />
      </label>
      <label className="toggle">
        <input type="checkbox" checked={includeDrafts} onChange={(e) => setIncludeDrafts(e.target.checked)} /> Include drafts
      </label>
      <label className="toggle">
        <input type="checkbox" checked={includeSuperseded} onChange={(e) => setIncludeSuperseded(e.target.checked)} /> Include replaced versions
      </label>
      <button type="submit" disabled={busy || backwards} data-testid="range-export">
        {busy ? 'Exporting…' : 'Export sites as CSV…'}
      </button>
      {backwards && <p className="form-error" role="alert">The range ends before it starts.</p>}
      {error && <p className="form-error" role="alert">{error}</p>}
      {result && <p role="status" data-testid="range-result">{result}</p>}
    </form>
  );
}
