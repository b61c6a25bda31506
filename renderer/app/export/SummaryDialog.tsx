import { useEffect, useRef, useState } from 'react';
import type { SummaryCopy } from '../../../shared/ipc/export-contract.ts';
import type { ExportStage } from '../../../shared/ipc/events.ts';
import { errorMessage } from '../../api.ts';
import { useAppEvent } from '../app-events.ts';
import { useClient } from '../client-context.tsx';
import { useAction } from '../session/useAsync.ts';
import './export.css';

const STAGE_TEXT: Record<ExportStage, string> = {
  preparing: 'Preparing the document…',
  rendering: 'Rendering the PDF…',
  printing: 'Waiting for the print dialog…',
  writing: 'Writing the file…',
  done: 'Finishing…',
  failed: 'Stopped.',
};

const COPIES: Array<{ id: SummaryCopy; label: string }> = [
  { id: 'clinical', label: 'Clinical record' },
  { id: 'patient', label: 'Patient copy' },
];

/**
 * The session summary as it will print, with every way out of the app in one place: print, save as PDF
 * (clinical record or patient copy), the sites as CSV, and the signed session as FHIR R4. Files are
 * written only where the user chooses in the save dialog. Escape or Close closes it.
 */
export function SummaryDialog({ sessionId, signed, onClose }: { sessionId: string; signed: boolean; onClose: () => void }) {
  const client = useClient();
  const ref = useRef<HTMLDialogElement>(null);
  const [copy, setCopy] = useState<SummaryCopy>('clinical');
  // What was loaded, for which copy: switching copies shows "Preparing" until the new one arrives.
  const [loaded, setLoaded] = useState<{ copy: SummaryCopy; doc?: { html: string; title: string }; error?: string } | null>(null);
  const doc = loaded?.copy === copy ? (loaded.doc ?? null) : null;
  const loadError = loaded?.copy === copy ? (loaded.error ?? null) : null;
  const [stage, setStage] = useState<ExportStage | null>(null);
  const [result, setResult] = useState<string | null>(null);
  const { busy, error, run } = useAction();
  useAppEvent('export:progress', ({ stage: next }) => setStage(next));

  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);

  useEffect(() => {
    let current = true;
    client.export
      .summaryHtml({ sessionId, copy })
      .then((d) => current && setLoaded({ copy, doc: d }))
      .catch((err: unknown) => current && setLoaded({ copy, error: errorMessage(err) }));
    return () => {
      current = false;
    };
  }, [client, sessionId, copy]);

  const act = (action: () => Promise<string>) =>
    void run(async () => {
      setResult(null);
      setStage(null);
      try {
        setResult(await action());
      } finally {
        setStage(null);
      }
    });
  const copyName = copy === 'patient' ? 'patient copy' : 'clinical record';

  return (
    <dialog ref={ref} className="summary-dialog" aria-labelledby="summary-title" data-testid="summary-dialog" onCancel={(e) => { e.preventDefault(); if (!busy) onClose(); }}>
      <div className="summary-bar">
        <h2 id="summary-title">Session summary</h2>
        <div className="segmented" role="group" aria-label="Which copy">
          {COPIES.map((c) => (
            <button key={c.id} type="button" aria-pressed={copy === c.id} className={copy === c.id ? 'selected' : ''} disabled={busy} onClick={() => setCopy(c.id)} data-testid={`copy-${c.id}`}>
              {c.label}
            </button>
          ))}
        </div>
        <div className="summary-actions">
          <button type="button" disabled={busy || !doc} data-testid="summary-print" onClick={() => act(async () => ((await client.export.summaryPrint({ sessionId, copy })).printed ? `The ${copyName} was sent to the printer.` : 'Printing was cancelled; nothing was printed.'))}>
            Print…
          </button>
          <button type="button" className="primary" disabled={busy || !doc} data-testid="summary-pdf" onClick={() => act(async () => {
            const { file } = await client.export.summaryPdf({ sessionId, copy });
            return file ? `The ${copyName} was saved as ${file}` : 'Not saved: the save dialog was cancelled.';
          })}>
            Save as PDF…
          </button>
          <button type="button" disabled={busy} data-testid="summary-csv" onClick={() => act(async () => {
            const { file, rows } = await client.export.sessionCsv({ sessionId });
            return file ? `${rows} site${rows === 1 ? '' : 's'} saved as CSV in ${file}` : 'Not saved: the save dialog was cancelled.';
          })}>
            Export CSV…
          </button>
          <button type="button" disabled={busy || !signed} title={signed ? undefined : 'Sign the session first: a draft may still change'} data-testid="summary-fhir" onClick={() => act(async () => {
            const { file, resources } = await client.export.fhirBundle({ sessionId });
            return file ? `FHIR R4 bundle (${resources} resources) saved as ${file}` : 'Not saved: the save dialog was cancelled.';
          })}>
            Export FHIR…
          </button>
          <button type="button" onClick={onClose} disabled={busy} data-testid="summary-close">
            Close
          </button>
        </div>
      </div>
      <p className="summary-status" role="status" aria-live="polite" data-testid="summary-status">
        {busy ? (stage ? STAGE_TEXT[stage] : 'Working…') : (result ?? (signed ? '' : 'This session is a draft: the summary prints with a DRAFT mark.'))}
      </p>
      {error && <p className="form-error" role="alert" data-testid="summary-error">{error}</p>}
      {loadError ? (
        <p className="form-error" role="alert">{loadError}</p>
      ) : doc ? (
        // sandbox="" : no scripts, no forms, no navigation; the document's one stylesheet is allowed by hash.
        <iframe className="summary-frame" title={`Preview: ${doc.title}`} sandbox="" srcDoc={doc.html} data-testid="summary-frame" />
      ) : (
        <p className="muted summary-loading">Preparing the preview…</p>
      )}
    </dialog>
  );
}
