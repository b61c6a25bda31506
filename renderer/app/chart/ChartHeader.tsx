import { useState } from 'react';
import type { Patient, SessionDetail } from '../../../shared/domain/types.ts';
import { indicationLabel } from '../../../shared/indications.ts';
import type { Nav } from '../App.tsx';
import { formatDate, patientName } from '../format.ts';
import { SignOrAmend } from '../session/SignOrAmend.tsx';
import type { SessionDerived } from '../../../shared/rules/types.ts';
import { useMenuCommand } from '../app-events.ts';
import { SummaryDialog } from '../export/SummaryDialog.tsx';
import { DiscardDraft } from './DiscardDraft.tsx';

/** Whose chart, which session and its state; signing or amending; the way back. */
export function ChartHeader({ patient, session, nav, onSigned, derived, siteCount }: { patient: Patient; session: SessionDetail; nav: Nav; onSigned: (s: SessionDetail) => void; derived: SessionDerived | null; siteCount?: number }) {
  const readOnly = session.status !== 'draft';
  const [summaryOpen, setSummaryOpen] = useState(false);
  // File → Print Summary (Ctrl/Cmd+P) opens the summary of the session on screen.
  useMenuCommand('print-summary', () => setSummaryOpen(true));
  return (
    <>
      <div className="chart-head">
        <div>
          <h1 className="chart-title">
            {patientName(patient)} <span className="muted">· MRN {patient.mrn}</span>
          </h1>
          <p className="subtitle">
            {formatDate(session.date)} · {indicationLabel(session.indication)} ·{' '}
            <span className={`badge badge-${session.status}`}>{readOnly ? 'Signed' : 'Draft — every change is saved'}</span>
          </p>
        </div>
        <div className="toolgroup">
          <SignOrAmend session={session} nav={nav} onSigned={onSigned} derived={derived} />
          <button type="button" onClick={() => setSummaryOpen(true)} data-testid="open-summary">
            Summary & export…
          </button>
          <button type="button" onClick={() => nav.go({ screen: 'patient', patientId: patient.id })}>
            Back to patient
          </button>
          <DiscardDraft session={session} siteCount={siteCount ?? session.sites.length} nav={nav} />
        </div>
      </div>
      {summaryOpen && <SummaryDialog key={`${session.id}-${session.status}`} sessionId={session.id} signed={session.status === 'signed'} onClose={() => setSummaryOpen(false)} />}
      {session.amendsSessionId && (
        <p className="amendment-note" role="note">
          Amendment of a signed session — reason: {session.amendmentReason} ({session.amendmentAuthor})
        </p>
      )}
    </>
  );
}
