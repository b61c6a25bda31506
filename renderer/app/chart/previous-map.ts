import { useEffect, useState } from 'react';
import type { SessionDetail, SessionSummary, Site } from '../../../shared/domain/types.ts';
import type { Client } from '../../api.ts';

export interface PreviousMap {
  sessionId: string;
  date: string;
  sites: Site[];
}

/**
 * The session to overlay while charting: the patient's latest signed treatment before this one (the same
 * indication when there is one), never this session, the version it amends, nor a version replaced by an amendment.
 */
export function previousSession(session: Pick<SessionDetail, 'id' | 'date' | 'indication' | 'amendsSessionId'>, all: readonly SessionSummary[]): SessionSummary | null {
  const signed = new Set(all.filter((s) => s.status === 'signed').map((s) => s.id));
  const candidates = all.filter(
    (s) =>
      s.status === 'signed' && s.id !== session.id && s.id !== session.amendsSessionId && s.date <= session.date &&
      !s.amendedBy.some((a) => signed.has(a)) && s.siteCount > 0,
  );
  const newestFirst = [...candidates].sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : b.createdAt.localeCompare(a.createdAt)));
  return newestFirst.find((s) => s.indication === session.indication) ?? newestFirst[0] ?? null;
}

/** Loads the previous session's map once per session (two reads); null while loading or when there is none. */
export function usePreviousMap(client: Client, session: Pick<SessionDetail, 'id' | 'patientId' | 'date' | 'indication' | 'amendsSessionId'>): PreviousMap | null {
  const [map, setMap] = useState<PreviousMap | null>(null);
  const { id, patientId, date, indication, amendsSessionId } = session;
  useEffect(() => {
    let current = true;
    void (async () => {
      const all = await client.session.listForPatient({ patientId });
      const prev = previousSession({ id, date, indication, amendsSessionId }, all);
      if (!prev) return;
      const detail = await client.session.get({ id: prev.id });
      if (current) setMap({ sessionId: prev.id, date: prev.date, sites: detail.sites });
    })().catch(() => undefined); // the overlay is a convenience: charting goes on without it
    return () => {
      current = false;
    };
  }, [client, id, patientId, date, indication, amendsSessionId]);
  return map;
}
