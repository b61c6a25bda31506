import type { SessionDetail, SessionSummary } from '../../shared/domain/types.ts';
import type { SessionCreateInput } from '../../shared/ipc/contract.ts';
import { AppError } from '../../shared/ipc/result.ts';
import * as patients from '../db/patients.ts';
import { found } from '../db/rows.ts';
import * as repo from '../db/sessions.ts';
import { listSites } from '../db/sites.ts';
import type { ServiceContext } from './context.ts';

export function createSession(ctx: ServiceContext, input: SessionCreateInput): SessionDetail {
  const id = ctx.newId();
  ctx.db.transaction(() => {
    const patient = found(patients.getPatient(ctx.db, input.patientId), `Patient ${input.patientId}`);
    if (input.date < patient.birthDate) {
      throw new AppError('BAD_INPUT', `Session date ${input.date} is before the date of birth ${patient.birthDate}`);
    }
    repo.insertSession(ctx.db, { id, ...input, createdAt: ctx.now().toISOString() });
  })();
  return getSession(ctx, { id });
}

export function getSession(ctx: ServiceContext, input: { id: string }): SessionDetail {
  const session = found(repo.getSession(ctx.db, input.id), `Session ${input.id}`);
  return { ...session, sites: listSites(ctx.db, input.id) };
}

export function listSessionsForPatient(ctx: ServiceContext, input: { patientId: string }): SessionSummary[] {
  found(patients.getPatient(ctx.db, input.patientId), `Patient ${input.patientId}`);
  return repo.listSessionsForPatient(ctx.db, input.patientId);
}

/** Sites may change only while their session is a draft (the database enforces it too once signing exists). */
export function requireDraft(ctx: ServiceContext, sessionId: string): SessionSummary {
  const session = found(repo.getSession(ctx.db, sessionId), `Session ${sessionId}`);
  if (session.status !== 'draft') {
    throw new AppError('SIGNED', `Session of ${session.date} is signed; changes must be made as an amendment`);
  }
  return session;
}
