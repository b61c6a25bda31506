import { format } from 'date-fns';
import { hasMuscle, muscleName } from '../../shared/atlas/index.ts';
import { PER_MUSCLE_SCALES } from '../../shared/clinical/outcome-measures.ts';
import { checkScaleValue, getScale } from '../../shared/clinical/scales.ts';
import type { FollowUpVisit, MuscleScore } from '../../shared/domain/review.ts';
import type { FollowUpSaveInput, MuscleScoreSetInput } from '../../shared/ipc/review-contract.ts';
import { AppError } from '../../shared/ipc/result.ts';
import { currentClinicianName } from '../db/clinicians.ts';
import * as repo from '../db/follow-ups.ts';
import { found } from '../db/rows.ts';
import { getSessionRecord } from '../db/sessions.ts';
import type { ServiceContext } from './context.ts';
import { requireDraft } from './sessions.ts';

/** Scales recorded once per goal or domain: the same scale may appear more than once at one visit. */
const REPEATABLE = new Set(['gas', 'das']);

function checkedValue(scaleId: string, value: string, where: string): string {
  let scale;
  try {
    scale = getScale(scaleId);
  } catch {
    throw new AppError('BAD_INPUT', `${where}: unknown outcome scale '${scaleId}'`);
  }
  const checked = checkScaleValue(scale, value);
  if (!checked.ok) throw new AppError('BAD_INPUT', `${where}: ${checked.message}`);
  return checked.value;
}

function checkMuscleGrade(m: { muscleId: string; side: string; scaleId: string }, where: string): void {
  if (!PER_MUSCLE_SCALES.has(m.scaleId)) throw new AppError('BAD_INPUT', `${where}: ${m.scaleId} is not graded per muscle`);
  if (!hasMuscle(m.muscleId)) throw new AppError('BAD_INPUT', `${where}: unknown muscle '${m.muscleId}'`);
}

/**
 * Records or corrects the follow-up visit of a treatment session: the visit, its scores, its adverse events
 * and its grades per muscle, in one transaction (the lists given replace the visit's earlier ones; every
 * change is audited). The visit happens after treatment, so the session may be signed.
 */
export function saveFollowUp(ctx: ServiceContext, input: FollowUpSaveInput): FollowUpVisit {
  const today = format(ctx.now(), 'yyyy-MM-dd');
  const at = ctx.now().toISOString();
  const id = input.id ?? ctx.newId();
  ctx.db.transaction(() => {
    const session = found(getSessionRecord(ctx.db, input.sessionId), `Session ${input.sessionId}`);
    const before = input.id ? found(repo.getFollowUpRecord(ctx.db, input.id), `Follow-up visit ${input.id}`) : undefined;
    if (before && before.sessionId !== input.sessionId) throw new AppError('BAD_INPUT', 'A follow-up visit stays with the treatment session it reviews');
    if (input.date < session.date) throw new AppError('BAD_INPUT', `The follow-up date ${input.date} is before the treatment of ${session.date}`);
    if (input.date > today) throw new AppError('BAD_INPUT', `The follow-up date ${input.date} is in the future; record the visit on the day it happens`);
    const onset = input.onsetDate ?? null;
    const wearOff = input.wearOffDate ?? null;
    if (onset !== null && onset < session.date) throw new AppError('BAD_INPUT', `The onset date ${onset} is before the treatment of ${session.date}`);
    if (wearOff !== null && wearOff < (onset ?? session.date)) {
      throw new AppError('BAD_INPUT', `The wear-off date ${wearOff} is before the ${onset ? 'onset' : 'treatment'} date`);
    }
    const seen = new Set<string>();
    const scores = (input.scores ?? []).map((s, i) => {
      if (PER_MUSCLE_SCALES.has(s.scaleId)) throw new AppError('BAD_INPUT', `Score ${i + 1}: ${getScale(s.scaleId).label} is recorded per muscle and side`);
      const value = checkedValue(s.scaleId, s.value, `Score ${i + 1}`);
      if (seen.has(s.scaleId) && !REPEATABLE.has(s.scaleId)) throw new AppError('BAD_INPUT', `Score ${i + 1}: ${getScale(s.scaleId).label} is recorded twice`);
      seen.add(s.scaleId);
      return { id: ctx.newId(), scaleId: s.scaleId, value, note: s.note ?? '' };
    });
    const graded = new Set<string>();
    const grades: MuscleScore[] = (input.muscleScores ?? []).map((m, i) => {
      checkMuscleGrade(m, `Grade ${i + 1}`);
      const key = `${m.muscleId}|${m.side}|${m.scaleId}`;
      if (graded.has(key)) throw new AppError('BAD_INPUT', `Grade ${i + 1}: ${muscleName(m.muscleId)} (${m.side}) is graded twice`);
      graded.add(key);
      return { id: ctx.newId(), muscleId: m.muscleId, side: m.side, scaleId: m.scaleId, value: checkedValue(m.scaleId, m.value, `Grade ${i + 1}`), createdAt: at };
    });
    const events = (input.adverseEvents ?? []).map((e, i) => {
      if (e.onsetDate && e.onsetDate < session.date) throw new AppError('BAD_INPUT', `Adverse event ${i + 1} starts before the treatment`);
      return {
        id: ctx.newId(), onsetDate: e.onsetDate ?? null, description: e.description, severity: e.severity, serious: e.serious,
        relatedness: e.relatedness, outcome: e.outcome ?? 'unknown',
      };
    });
    const record: repo.FollowUpRecord = {
      id,
      sessionId: session.id,
      date: input.date,
      clinicianName: currentClinicianName(ctx.db) ?? before?.clinicianName ?? '',
      satisfaction: input.satisfaction ?? null,
      onsetDate: onset,
      wearOffDate: wearOff,
      notes: input.notes ?? '',
      createdAt: before?.createdAt ?? at,
      updatedAt: at,
    };
    if (before) {
      repo.updateFollowUp(ctx.db, record);
      repo.deleteFollowUpChildren(ctx.db, id);
    } else {
      repo.insertFollowUp(ctx.db, record);
    }
    scores.forEach((s) => repo.insertFollowUpScore(ctx.db, id, s, at));
    events.forEach((e) => repo.insertFollowUpEvent(ctx.db, id, e, at));
    grades.forEach((g) => repo.insertMuscleScore(ctx.db, { followUpId: id }, g));
  })();
  return found(repo.getFollowUp(ctx.db, id), `Follow-up visit ${id}`);
}

export function deleteFollowUp(ctx: ServiceContext, input: { id: string }): { id: string } {
  ctx.db.transaction(() => {
    found(repo.getFollowUpRecord(ctx.db, input.id), `Follow-up visit ${input.id}`);
    repo.deleteFollowUp(ctx.db, input.id);
  })();
  return { id: input.id };
}

/** Sets (or, with a null value, clears) one muscle's grade at a draft session; answers the session's grades. */
export function setMuscleScore(ctx: ServiceContext, input: MuscleScoreSetInput): MuscleScore[] {
  ctx.db.transaction(() => {
    requireDraft(ctx, input.sessionId);
    checkMuscleGrade(input, 'Grade');
    const existing = repo.findSessionMuscleScore(ctx.db, input.sessionId, input.muscleId, input.side, input.scaleId);
    if (input.value === null) {
      if (existing) repo.deleteMuscleScore(ctx.db, existing.id);
      return;
    }
    const value = checkedValue(input.scaleId, input.value, `${muscleName(input.muscleId)} (${input.side})`);
    if (existing) {
      if (existing.value !== value) repo.setMuscleScoreValue(ctx.db, existing.id, value);
    } else {
      repo.insertMuscleScore(ctx.db, { sessionId: input.sessionId }, {
        id: ctx.newId(), muscleId: input.muscleId, side: input.side, scaleId: input.scaleId, value, createdAt: ctx.now().toISOString(),
      });
    }
  })();
  return repo.sessionMuscleScores(ctx.db, input.sessionId);
}

export function listMuscleScores(ctx: ServiceContext, input: { sessionId: string }): MuscleScore[] {
  found(getSessionRecord(ctx.db, input.sessionId), `Session ${input.sessionId}`);
  return repo.sessionMuscleScores(ctx.db, input.sessionId);
}
