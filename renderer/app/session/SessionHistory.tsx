import { useEffect, useState } from 'react';
import type { AuditEntry } from '../../../shared/domain/types.ts';
import { muscleName } from '../../../shared/atlas/index.ts';
import { errorMessage } from '../../api.ts';
import { useClient } from '../client-context.tsx';
import { describeAuditEntry } from './history-text.ts';

function when(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : d.toLocaleString(undefined, { dateStyle: 'short', timeStyle: 'medium' });
}

/** Who changed what in this session, newest first, straight from the audit log. */
export function SessionHistory({ sessionId, refreshKey }: { sessionId: string; refreshKey: unknown }) {
  const client = useClient();
  const [entries, setEntries] = useState<AuditEntry[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    client.audit
      .list({ sessionId, limit: 500 })
      .then(setEntries)
      .catch((err: unknown) => setError(errorMessage(err)));
  }, [client, sessionId, refreshKey]);

  if (error) return <p className="form-error" role="alert">{error}</p>;
  if (!entries) return <p className="muted">Loading…</p>;
  return (
    <ol className="history" data-testid="session-history">
      {entries.map((e) => (
        <li key={e.id}>
          <span className="history-when">{when(e.at)} · {e.author}</span>
          <span>{describeAuditEntry(e, muscleName)}</span>
        </li>
      ))}
    </ol>
  );
}
