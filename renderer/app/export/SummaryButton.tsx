import { useState } from 'react';
import { SummaryDialog } from './SummaryDialog.tsx';

/** "Summary…": opens the session's summary (print, PDF, patient copy, CSV, FHIR) wherever a session is listed. */
export function SummaryButton({ sessionId, signed, label = 'Summary…', className }: { sessionId: string; signed: boolean; label?: string; className?: string }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" className={className} onClick={() => setOpen(true)} data-testid="session-summary" aria-haspopup="dialog">
        {label}
      </button>
      {open && <SummaryDialog sessionId={sessionId} signed={signed} onClose={() => setOpen(false)} />}
    </>
  );
}
