// What the summary, CSV and FHIR builders read, gathered from the database in one read transaction so
// the document never mixes two states of a session. Plain Node; no Electron.
import type { SessionDetail } from '../../shared/domain/types.ts';
import type { SessionDerivedView } from '../../shared/ipc/contract.ts';
import { found } from '../db/rows.ts';
import * as repo from '../db/sessions.ts';
import type { ClinicInfo, RecordVersion, SummaryData } from '../export/summary/types.ts';
import type { ServiceContext } from './context.ts';
import { deriveSessionView } from './derive.ts';
import { getPatient } from './patients.ts';
import { getSession } from './sessions.ts';
import { getSettings } from './settings.ts';

function version(s: repo.SessionRecord): RecordVersion {
  return {
    id: s.id, date: s.date, status: s.status, signedAt: s.signedAt, signedBy: s.signedBy,
    amendmentReason: s.amendmentReason, amendmentAuthor: s.amendmentAuthor, amendedAt: s.amendedAt,
  };
}

/** The amendment chain around a session: the versions it amends (oldest first) and those amending it. */
export function recordVersions(ctx: ServiceContext, session: SessionDetail): SummaryData['versions'] {
  const earlier: RecordVersion[] = [];
  const seen = new Set<string>([session.id]);
  let back = session.amendsSessionId;
  while (back !== null && !seen.has(back)) {
    seen.add(back);
    const prior = repo.getSessionRecord(ctx.db, back);
    if (!prior) break;
    earlier.unshift(version(prior));
    back = prior.amendsSessionId;
  }
  const later: RecordVersion[] = [];
  let forward = session.amendedBy;
  while (forward.length > 0) {
    const next = forward.map((id) => repo.getSession(ctx.db, id)).find((s) => s !== undefined && !seen.has(s.id));
    if (!next) break;
    seen.add(next.id);
    later.push(version(next));
    forward = next.amendedBy;
  }
  return { earlier, later };
}

/** The clinic as the settings name it; null until a clinic name is saved. */
export function clinicInfo(ctx: ServiceContext): ClinicInfo | null {
  const s = getSettings(ctx);
  if (s.clinicName.trim() === '') return null;
  return { name: s.clinicName, address: s.clinicAddress || undefined, phone: s.clinicPhone || undefined };
}

export interface SessionBundle {
  session: SessionDetail;
  derived: SessionDerivedView;
}

export function sessionWithFigures(ctx: ServiceContext, sessionId: string): SessionBundle {
  return ctx.db.transaction(() => {
    const session = getSession(ctx, { id: sessionId });
    return { session, derived: deriveSessionView(ctx, { sessionId }) };
  })();
}

export function summaryData(ctx: ServiceContext, sessionId: string, appVersion: string): SummaryData {
  return ctx.db.transaction((): SummaryData => {
    found(repo.getSessionRecord(ctx.db, sessionId), `Session ${sessionId}`);
    const { session, derived } = sessionWithFigures(ctx, sessionId);
    return {
      session,
      patient: getPatient(ctx, { id: session.patientId }),
      derived,
      versions: recordVersions(ctx, session),
      clinic: clinicInfo(ctx),
      generatedAt: ctx.now().toISOString(),
      appVersion,
    };
  })();
}
