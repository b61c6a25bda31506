import type { Condition, Patient, PatientDetail } from '../../shared/domain/types.ts';
import type { ConditionAddInput, PatientCreateInput, PatientUpdateInput } from '../../shared/ipc/contract.ts';
import { findIcd10 } from '../../shared/clinical/icd10.ts';
import { indicationLabel } from '../../shared/indications.ts';
import { AppError } from '../../shared/ipc/result.ts';
import { withChanges } from '../../shared/domain/merge.ts';
import * as repo from '../db/patients.ts';
import { deletePart, insertCondition, listConditions, partOwner } from '../db/session-parts.ts';
import { found } from '../db/rows.ts';
import type { ServiceContext } from './context.ts';

function checkBirthDate(ctx: ServiceContext, birthDate: string): void {
  if (birthDate > ctx.now().toISOString().slice(0, 10)) throw new AppError('BAD_INPUT', 'Date of birth is in the future');
  if (birthDate < '1900-01-01') throw new AppError('BAD_INPUT', 'Date of birth is before 1900');
}

function checkMrnFree(ctx: ServiceContext, mrn: string, exceptId?: string): void {
  const existing = repo.getPatientByMrn(ctx.db, mrn);
  if (existing && existing.id !== exceptId) {
    throw new AppError('CONFLICT', `MRN ${mrn} already belongs to ${existing.familyName}, ${existing.givenName}`);
  }
}

export function createPatient(ctx: ServiceContext, input: PatientCreateInput): Patient {
  checkBirthDate(ctx, input.birthDate);
  const at = ctx.now().toISOString();
  return ctx.db.transaction(() => {
    checkMrnFree(ctx, input.mrn);
    return repo.insertPatient(ctx.db, {
      id: ctx.newId(),
      mrn: input.mrn,
      familyName: input.familyName,
      givenName: input.givenName,
      birthDate: input.birthDate,
      sex: input.sex ?? 'unknown',
      notes: input.notes ?? '',
      createdAt: at,
      updatedAt: at,
    });
  })();
}

export function updatePatient(ctx: ServiceContext, input: PatientUpdateInput): Patient {
  if (input.birthDate) checkBirthDate(ctx, input.birthDate);
  return ctx.db.transaction(() => {
    const before = found(repo.getPatient(ctx.db, input.id), `Patient ${input.id}`);
    if (input.mrn) checkMrnFree(ctx, input.mrn, input.id);
    const { id: _id, ...changes } = input;
    const next: Patient = { ...withChanges(before, changes), updatedAt: ctx.now().toISOString() };
    return repo.updatePatient(ctx.db, next);
  })();
}

export function getPatient(ctx: ServiceContext, input: { id: string }): PatientDetail {
  const patient = found(repo.getPatient(ctx.db, input.id), `Patient ${input.id}`);
  return { ...patient, conditions: listConditions(ctx.db, input.id) };
}

export function searchPatients(ctx: ServiceContext, input: { query: string; limit?: number | undefined }): Patient[] {
  return repo.searchPatients(ctx.db, input.query, input.limit ?? 50);
}

export function addCondition(ctx: ServiceContext, input: ConditionAddInput): Condition {
  const entry = findIcd10(input.indication, input.icd10Code);
  if (!entry) {
    throw new AppError('BAD_INPUT', `${input.icd10Code} is not among the ICD-10-CM codes listed for ${indicationLabel(input.indication)}`);
  }
  const condition: Condition = {
    id: ctx.newId(),
    patientId: input.patientId,
    indication: input.indication,
    icd10Code: input.icd10Code,
    side: input.side ?? 'none',
    notedOn: input.notedOn ?? null,
    createdAt: ctx.now().toISOString(),
  };
  ctx.db.transaction(() => {
    found(repo.getPatient(ctx.db, input.patientId), `Patient ${input.patientId}`);
    insertCondition(ctx.db, condition);
  })();
  return condition;
}

export function removeCondition(ctx: ServiceContext, input: { id: string }): { id: string } {
  ctx.db.transaction(() => {
    found(partOwner(ctx.db, 'patient_conditions', input.id), `Condition ${input.id}`);
    deletePart(ctx.db, 'patient_conditions', input.id);
  })();
  return { id: input.id };
}
