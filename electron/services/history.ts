import { differenceInCalendarDays, parseISO } from 'date-fns';
import type { HistorySession, PatientHistory } from '../../shared/domain/review.ts';
import { acknowledgedWarningsForPatient } from '../db/acknowledged.ts';
import { followUpsForPatient, sessionMuscleScoresForPatient } from '../db/follow-ups.ts';
import * as patients from '../db/patients.ts';
import { found } from '../db/rows.ts';
import * as parts from '../db/session-parts.ts';
import * as repo from '../db/sessions.ts';
import { sitesForPatient } from '../db/sites.ts';
import type { ServiceContext } from './context.ts';

/**
 * A patient's whole treatment history for the review screen, newest first: each session with its map (the
 * sites on their own diagram versions), scores, adverse events, grades per muscle, acknowledged warnings and
 * follow-up visits, in a fixed number of queries whatever the number of sessions (no per-session derive:
 * acknowledged warnings are read from the stored figures inside SQLite).
 */
export function patientHistory(ctx: ServiceContext, input: { patientId: string }): PatientHistory {
  found(patients.getPatient(ctx.db, input.patientId), `Patient ${input.patientId}`);
  return ctx.db.transaction((): PatientHistory => {
    const sessions = repo.listSessionsForPatient(ctx.db, input.patientId);
    const sites = sitesForPatient(ctx.db, input.patientId);
    const partsBySession = parts.partsForPatient(ctx.db, input.patientId);
    const acknowledged = acknowledgedWarningsForPatient(ctx.db, input.patientId);
    const followUps = followUpsForPatient(ctx.db, input.patientId);
    const grades = sessionMuscleScoresForPatient(ctx.db, input.patientId);
    const status = new Map(sessions.map((s) => [s.id, s.status]));

    const history: HistorySession[] = sessions.map((s) => ({
      id: s.id,
      date: s.date,
      indication: s.indication,
      otherIndications: s.otherIndications,
      productId: s.productId,
      status: s.status,
      clinicianName: s.clinicianName,
      signedAt: s.signedAt,
      nextDueDate: s.nextDueDate,
      amendsSessionId: s.amendsSessionId,
      supersededBy: s.amendedBy.find((a) => status.get(a) === 'signed') ?? null,
      totalUnits: s.totalUnits,
      siteCount: s.siteCount,
      sites: (sites.get(s.id) ?? []).map((t) => ({
        id: t.id, seq: t.seq, viewId: t.viewId, viewVersion: t.viewVersion, x: t.x, y: t.y, muscleId: t.muscleId, side: t.side, units: t.units,
      })),
      scores: partsBySession.scores.get(s.id) ?? [],
      adverseEvents: partsBySession.adverseEvents.get(s.id) ?? [],
      muscleScores: grades.get(s.id) ?? [],
      acknowledged: acknowledged.get(s.id) ?? [],
      followUps: followUps.get(s.id) ?? [],
      daysSincePrevious: null,
    }));
    withIntervals(history);
    return { patientId: input.patientId, sessions: history };
  })();
}

/**
 * Days since the previous treatment, counted between treatment visits only: a version replaced by a signed
 * amendment, and an amendment still in draft (its original stands until it is signed), are not visits of their own.
 */
export function withIntervals(newestFirst: HistorySession[]): void {
  const visits = newestFirst.filter((s) => s.supersededBy === null && !(s.amendsSessionId !== null && s.status === 'draft'));
  for (let i = 0; i < visits.length; i += 1) {
    const visit = visits[i];
    const previous = visits[i + 1];
    if (visit && previous) visit.daysSincePrevious = differenceInCalendarDays(parseISO(visit.date), parseISO(previous.date));
  }
}
