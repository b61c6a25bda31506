import { useEffect, useRef, useState } from 'react';
import type { SessionDetail } from '../../../shared/domain/types.ts';
import type { Nav } from '../App.tsx';
import { useClient } from '../client-context.tsx';
import { formatDate } from '../format.ts';
import { useAction } from '../session/useAsync.ts';
import { forgetDraft } from './drafts.ts';

/**
 * Discard a draft session (started by mistake, or for the wrong patient), after a confirmation that says what goes:
 * its sites, vials, scores and notes. The audit log keeps the record that it existed and was discarded. A signed
 * session is never discarded; it is corrected by an amendment.
 */
export function DiscardDraft({ session, siteCount, nav }: { session: SessionDetail; siteCount: number; nav: Nav }) {
  const [asking, setAsking] = useState(false);
  if (session.status !== 'draft') return null;
  return (
    <>
      <button type="button" className="danger" onClick={() => setAsking(true)} data-testid="discard-draft">
        Discard draft…
      </button>
      {asking && <DiscardDialog session={session} siteCount={siteCount} nav={nav} onCancel={() => setAsking(false)} />}
    </>
  );
}

function DiscardDialog({ session, siteCount, nav, onCancel }: { session: SessionDetail; siteCount: number; nav: Nav; onCancel: () => void }) {
  const client = useClient();
  const { busy, error, run } = useAction();
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);
  const what = [
    `${siteCount} ${siteCount === 1 ? 'site' : 'sites'}`,
    session.vials.length > 0 ? `${session.vials.length} ${session.vials.length === 1 ? 'vial' : 'vials'}` : null,
    session.scores.length > 0 ? `${session.scores.length} ${session.scores.length === 1 ? 'score' : 'scores'}` : null,
    session.notes ? 'the notes' : null,
  ].filter(Boolean).join(', ');
  async function discard() {
    const done = await run(() => client.session.delete({ id: session.id }));
    if (!done) return;
    forgetDraft(session.id);
    nav.notify({ kind: 'info', message: `The draft of ${formatDate(session.date)} was discarded.` });
    nav.go({ screen: 'patient', patientId: session.patientId });
  }
  return (
    <dialog ref={ref} className="sign-dialog" aria-labelledby="discard-title" onCancel={(e) => { e.preventDefault(); onCancel(); }} data-testid="discard-dialog">
      <h2 id="discard-title">Discard this draft?</h2>
      <p>
        The draft of {formatDate(session.date)} and everything recorded in it ({what}) will be deleted. This cannot be undone; the
        history keeps a record that it was discarded.
      </p>
      {error && <p className="form-error" role="alert">{error}</p>}
      <div className="form-actions">
        <button type="button" autoFocus onClick={onCancel}>Keep the draft</button>
        <button type="button" className="danger" disabled={busy} onClick={() => void discard()} data-testid="confirm-discard">
          Discard the draft
        </button>
      </div>
    </dialog>
  );
}
