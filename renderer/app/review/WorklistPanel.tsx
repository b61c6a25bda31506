import { useEffect, useState, type ReactNode } from 'react';
import type { Worklist } from '../../../shared/domain/review.ts';
import { indicationLabel } from '../../../shared/indications.ts';
import { errorMessage } from '../../api.ts';
import type { Nav } from '../App.tsx';
import { useClient } from '../client-context.tsx';
import { formatDate, formatDateTime, formatUnits } from '../format.ts';
import { productName } from './review-format.ts';
import './review.css';

function dueText(days: number): string {
  if (days < 0) return `overdue ${-days} day${days === -1 ? '' : 's'}`;
  if (days === 0) return 'due today';
  return `due in ${days} day${days === 1 ? '' : 's'}`;
}

/** A row that opens the patient: a link (navigation), so it is reachable with Tab and opened with Enter. */
function PatientLink({ nav, patientId, sessionId, children }: { nav: Nav; patientId: string; sessionId?: string; children: ReactNode }) {
  return (
    <a
      href="#"
      className="worklist-link"
      onClick={(e) => {
        e.preventDefault();
        nav.go(sessionId ? { screen: 'chart', patientId, sessionId } : { screen: 'patient', patientId });
      }}
    >
      {children}
    </a>
  );
}

/**
 * The clinic's day at a glance: who is due or overdue (by their own next due date, else the last treatment
 * plus the clinician's interval), drafts left unsigned, prior authorizations running out, recent patients.
 */
export function WorklistPanel({ nav }: { nav: Nav }) {
  const client = useClient();
  const [list, setList] = useState<Worklist | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let current = true;
    client.review
      .worklist({})
      .then((w) => current && setList(w))
      .catch((err: unknown) => current && setError(errorMessage(err)));
    return () => {
      current = false;
    };
  }, [client]);

  if (error) return <p className="form-error" role="alert">{error}</p>;
  if (!list) return <p className="muted">Loading the worklist…</p>;
  return (
    <section className="worklist" aria-label="Worklist" data-testid="worklist">
      <h2>Worklist <span className="muted small">{formatDate(list.today)}</span></h2>
      <div className="worklist-block" data-testid="worklist-due">
        <h3>Due and overdue <span className="count">{list.due.length}</span></h3>
        {list.due.length === 0 ? (
          <p className="muted small">Nobody is due in the next 14 days.</p>
        ) : (
          <ul>
            {list.due.map((d) => (
              <li key={d.patientId} className={d.daysUntilDue < 0 ? 'overdue' : 'due'} data-testid="worklist-due-row">
                <PatientLink nav={nav} patientId={d.patientId}>{d.name}</PatientLink>
                <span className={d.daysUntilDue < 0 ? 'tag tag-overdue' : 'tag tag-due'}>{dueText(d.daysUntilDue)}</span>
                <div className="muted small">
                  {indicationLabel(d.indication)} · last {formatDate(d.lastDate)} · due {formatDate(d.dueDate)}
                  {d.dueFrom === 'interval' ? ` (${list.defaultIntervalDays}-day interval)` : ' (next due date set)'}
                </div>
              </li>
            ))}
          </ul>
        )}
        {list.longOverdueCount > 0 && <p className="muted small">{list.longOverdueCount} more patient{list.longOverdueCount === 1 ? '' : 's'} overdue by over a year, not listed.</p>}
        <p className="muted small">
          Without a next due date: the last treatment plus {list.defaultIntervalDays} days ({list.intervalSource === 'settings' ? 'your setting' : 'the reference’s 12-week retreatment convention'}).
        </p>
      </div>
      <div className="worklist-block" data-testid="worklist-drafts">
        <h3>Unsigned drafts older than a day <span className="count">{list.drafts.length}</span></h3>
        {list.drafts.length === 0 ? <p className="muted small">None.</p> : (
          <ul>
            {list.drafts.map((d) => (
              <li key={d.sessionId} data-testid="worklist-draft-row">
                <PatientLink nav={nav} patientId={d.patientId} sessionId={d.sessionId}>{d.name}</PatientLink>
                <span className="tag tag-draft">draft since {formatDateTime(d.createdAt)}</span>
                <div className="muted small">{indicationLabel(d.indication)} · session of {formatDate(d.date)} · {d.siteCount} sites</div>
              </li>
            ))}
          </ul>
        )}
      </div>
      <div className="worklist-block" data-testid="worklist-auths">
        <h3>Prior authorizations running out <span className="count">{list.authorizations.length}</span></h3>
        {list.authorizations.length === 0 ? <p className="muted small">None.</p> : (
          <ul>
            {list.authorizations.map((a) => (
              <li key={a.priorAuthId} data-testid="worklist-auth-row">
                <PatientLink nav={nav} patientId={a.patientId}>{a.name}</PatientLink>
                {a.reasons.includes('expiring') && <span className="tag tag-overdue">{a.daysLeft <= 0 ? 'ends today' : `ends in ${a.daysLeft} days`}</span>}
                {a.reasons.includes('visits') && <span className="tag tag-due">{a.visitsLeft === 1 ? 'last visit left' : 'no visits left'}</span>}
                {a.reasons.includes('units') && <span className="tag tag-due">{formatUnits(Math.max(0, a.unitsLeft ?? 0))} of {formatUnits(a.approvedUnits ?? 0)} left</span>}
                <div className="muted small">
                  {a.payer} {a.number}{a.productId ? ` · ${productName(a.productId)}` : ''} · valid to {formatDate(a.validTo)}
                </div>
              </li>
            ))}
          </ul>
        )}
      </div>
      <div className="worklist-block" data-testid="worklist-recent">
        <h3>Recent patients</h3>
        {list.recent.length === 0 ? <p className="muted small">None yet.</p> : (
          <ul className="worklist-recent">
            {list.recent.map((r) => (
              <li key={r.patientId}>
                <PatientLink nav={nav} patientId={r.patientId}>{r.name}</PatientLink> <span className="muted small mono">{r.mrn}</span>
              </li>
            ))}
          </ul>
        )}
      </div>
    </section>
  );
}
