import type { Patient } from '../../shared/domain/types.ts';
import type { PatientCreateInput, PatientSearchInput } from '../../shared/ipc/contract.ts';
import { AppError } from '../../shared/ipc/result.ts';
import * as repo from '../db/patients.ts';
import { found } from '../db/rows.ts';
import type { ServiceContext } from './context.ts';

export function createPatient(ctx: ServiceContext, input: PatientCreateInput): Patient {
  const at = ctx.now().toISOString();
  if (input.birthDate > at.slice(0, 10)) throw new AppError('BAD_INPUT', 'Date of birth is in the future');
  return ctx.db.transaction(() => {
    const existing = repo.getPatientByMrn(ctx.db, input.mrn);
    if (existing) {
      throw new AppError('CONFLICT', `MRN ${input.mrn} already belongs to ${existing.familyName}, ${existing.givenName}`);
    }
    return repo.insertPatient(ctx.db, { id: ctx.newId(), ...input, createdAt: at, updatedAt: at });
  })();
}

export function getPatient(ctx: ServiceContext, input: { id: string }): Patient {
  return found(repo.getPatient(ctx.db, input.id), `Patient ${input.id}`);
}

export function searchPatients(ctx: ServiceContext, input: PatientSearchInput): Patient[] {
  return repo.searchPatients(ctx.db, input.query, input.limit ?? 50);
}
