import { lazy, startTransition, Suspense, useCallback, useEffect, useMemo, useState } from 'react';
import type { HistorySession } from '../../../shared/domain/review.ts';
import type { Nav } from '../App.tsx';
import { FollowUpDialog } from './FollowUpDialog.tsx';
import { HistoryCard } from './HistoryCard.tsx';
import { currentVersions } from './review-format.ts';
import { useHistory } from './useHistory.ts';
import './review.css';

/** Cards drawn in the first frame (a screenful and more); the rest follow in a transition, without blocking input. */
const FIRST_CARDS = 12;

// The chart library is loaded when the trend is first shown, not with the patient screen.
const DoseTrend = lazy(() => import('./DoseTrend.tsx'));

/** The patient's treatments at a glance, newest first: maps, doses, outcomes, warnings and follow-ups. */
export function PatientHistory({ patientId, nav }: { patientId: string; nav: Nav }) {
  const { history, error, reload } = useHistory(patientId);
  const [picked, setPicked] = useState<string[]>([]);
  const [followUp, setFollowUp] = useState<{ session: HistorySession; followUpId?: string } | null>(null);
  const [showTrend, setShowTrend] = useState(true);

  const sessions = useMemo(() => (history ? currentVersions(history.sessions) : []), [history]);
  const [shown, setShown] = useState(FIRST_CARDS);
  useEffect(() => {
    if (sessions.length > FIRST_CARDS) startTransition(() => setShown(sessions.length));
  }, [sessions.length]);
  const replaced = useMemo(() => {
    const map = new Map<string, HistorySession[]>();
    for (const s of history?.sessions ?? []) {
      if (s.supersededBy) map.set(s.supersededBy, [...(map.get(s.supersededBy) ?? []), s]);
    }
    return map;
  }, [history]);

  const open = useCallback((id: string) => nav.go({ screen: 'chart', patientId, sessionId: id }), [nav, patientId]);
  const select = useCallback((id: string, on: boolean) => setPicked((p) => (on ? [...p.filter((x) => x !== id), id].slice(-2) : p.filter((x) => x !== id))), []);
  const onFollowUp = useCallback((session: HistorySession, followUpId?: string) => setFollowUp({ session, ...(followUpId ? { followUpId } : {}) }), []);

  if (error) return <p className="form-error" role="alert">{error}</p>;
  if (!history) return <p className="muted">Loading the history…</p>;
  const signedCount = sessions.filter((s) => s.status === 'signed').length;
  const [a, b] = picked;
  return (
    <section className="history" aria-label="Treatment history">
      <div className="history-head">
        <h2>History <span className="muted">({sessions.length} session{sessions.length === 1 ? '' : 's'})</span></h2>
        <div className="toolgroup">
          <button
            type="button"
            disabled={picked.length !== 2}
            data-testid="compare-selected"
            title={picked.length === 2 ? undefined : 'Tick “compare” on two sessions'}
            onClick={() => a && b && nav.go({ screen: 'compare', patientId, a, b })}
          >
            Compare {picked.length}/2
          </button>
          {signedCount >= 2 && (
            <button type="button" aria-pressed={showTrend} onClick={() => setShowTrend((v) => !v)}>
              {showTrend ? 'Hide' : 'Show'} dose and response
            </button>
          )}
        </div>
      </div>
      {showTrend && signedCount >= 2 && (
        <Suspense fallback={<p className="muted">Loading the chart…</p>}>
          <DoseTrend sessions={sessions} />
        </Suspense>
      )}
      {sessions.length === 0 ? (
        <p className="empty">No sessions recorded yet.</p>
      ) : (
        <ol className="history-list" data-testid="session-list">
          {sessions.slice(0, Math.max(shown, FIRST_CARDS)).map((s) => (
            <HistoryCard
              key={s.id}
              session={s}
              versions={replaced.get(s.id) ?? []}
              selected={picked.includes(s.id)}
              onSelect={select}
              onOpen={open}
              onFollowUp={onFollowUp}
            />
          ))}
        </ol>
      )}
      {followUp && (
        <FollowUpDialog
          session={followUp.session}
          existing={followUp.session.followUps.find((f) => f.id === followUp.followUpId) ?? null}
          onClose={() => setFollowUp(null)}
          onSaved={() => {
            setFollowUp(null);
            reload();
          }}
        />
      )}
    </section>
  );
}
