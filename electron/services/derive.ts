import { format } from 'date-fns';
import type { SessionDerivedView } from '../../shared/ipc/contract.ts';
import { deriveSession, type DeriveInput, type PriorDose, type SessionDerived } from '../../shared/rules/index.ts';
import { listAcknowledgements } from '../db/acknowledgements.ts';
import { externalDosesUpTo } from '../db/external-doses.ts';
import * as patients from '../db/patients.ts';
import { found } from '../db/rows.ts';
import { listVials } from '../db/session-parts.ts';
import { getStoredDerived } from '../db/session-derived.ts';
import * as repo from '../db/sessions.ts';
import { sitesForDerivation } from '../db/sites.ts';
import type { ServiceContext } from './context.ts';
import { earlierSessionDoses } from './earlier-doses.ts';

/**
 * Everything deriveSession needs about one session, read in at most eight statements whatever the
 * patient's history: the session, its patient, sites, vials and acknowledgements, the earlier signed
 * sessions, their units (only for sessions not summed before on this connection), and the doses given
 * elsewhere.
 */
export function buildDeriveInput(ctx: ServiceContext, sessionId: string): DeriveInput {
  return deriveInputFor(ctx, found(repo.getSessionRecord(ctx.db, sessionId), `Session ${sessionId}`));
}

export function deriveInputFor(ctx: ServiceContext, session: repo.SessionRecord): DeriveInput {
  const db = ctx.db;
  const patient = found(patients.getPatient(db, session.patientId), `Patient ${session.patientId}`);
  const earlierSessions = earlierSessionDoses(db, { id: session.id, patientId: session.patientId, date: session.date });
  const earlier: PriorDose[] = [...earlierSessions.doses];
  for (const d of externalDosesUpTo(db, session.patientId, session.date)) {
    earlier.push({
      id: d.id, date: d.date, productId: d.productId, indications: d.indication ? [d.indication] : [], units: d.units,
      origin: 'elsewhere', where: d.where,
    });
  }
  earlier.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));

  // This visit's weight, else the latest one recorded on an earlier signed session (oldest first above).
  const weightKg = session.weightKg ?? earlierSessions.latestWeightKg;

  return {
    session: {
      id: session.id,
      date: session.date,
      startedAt: session.startedAt,
      indication: session.indication,
      otherIndications: session.otherIndications,
      productId: session.productId,
      guidance: session.guidance,
      vials: listVials(db, session.id).map((v) => ({
        id: v.id, productId: v.productId, sizeUnits: v.sizeUnits, lot: v.lot, expiry: v.expiry, diluentMl: v.diluentMl,
        reconstitutedAt: v.reconstitutedAt, createdAt: v.createdAt,
      })),
      sites: sitesForDerivation(db, session.id),
      template: session.templateOrigin,
    },
    patient: { birthDate: patient.birthDate },
    weightKg,
    earlier,
    acknowledgements: listAcknowledgements(db, session.id).map((a) => ({ key: a.key, by: a.by, at: a.at, reason: a.reason })),
    today: format(ctx.now(), 'yyyy-MM-dd'),
  };
}

/** Derives a session as it stands now (inside the caller's transaction, if any). */
export function deriveNow(ctx: ServiceContext, session: repo.SessionRecord): SessionDerived {
  return deriveSession(deriveInputFor(ctx, session));
}

/**
 * A draft is derived live, at every call. A signed session answers with what was stored when it was
 * signed, so its record keeps the figures and warnings that were true then; a session signed before
 * figures were stored (no snapshot) is derived live and carries no signedSnapshot.
 */
export function deriveSessionView(ctx: ServiceContext, input: { sessionId: string }): SessionDerivedView {
  return ctx.db.transaction((): SessionDerivedView => {
    const session = found(repo.getSessionRecord(ctx.db, input.sessionId), `Session ${input.sessionId}`);
    if (session.status === 'signed') {
      const stored = getStoredDerived(ctx.db, session.id);
      if (stored) return { ...(JSON.parse(stored.derived) as SessionDerived), signedSnapshot: { derivedAt: stored.derivedAt } };
    }
    return deriveNow(ctx, session);
  })();
}
