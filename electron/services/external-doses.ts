import { format } from 'date-fns';
import type { ExternalDose } from '../../shared/domain/types.ts';
import type { ExternalDoseAddInput } from '../../shared/ipc/contract.ts';
import { AppError } from '../../shared/ipc/result.ts';
import * as doses from '../db/external-doses.ts';
import * as patients from '../db/patients.ts';
import { found } from '../db/rows.ts';
import type { ServiceContext } from './context.ts';

/** A dose given elsewhere, so rolling totals and intervals count it; dated between birth and today. */
export function addExternalDose(ctx: ServiceContext, input: ExternalDoseAddInput): ExternalDose {
  return ctx.db.transaction(() => {
    const patient = found(patients.getPatient(ctx.db, input.patientId), `Patient ${input.patientId}`);
    if (input.date < patient.birthDate) {
      throw new AppError('BAD_INPUT', `The dose date ${input.date} is before the date of birth ${patient.birthDate}`);
    }
    const today = format(ctx.now(), 'yyyy-MM-dd');
    if (input.date > today) throw new AppError('BAD_INPUT', `The dose date ${input.date} is in the future (today is ${today})`);
    return doses.insertExternalDose(ctx.db, {
      id: ctx.newId(),
      patientId: input.patientId,
      date: input.date,
      productId: input.productId,
      units: input.units,
      where: input.where,
      indication: input.indication ?? null,
      note: input.note ?? '',
      createdAt: ctx.now().toISOString(),
    });
  })();
}

export function listExternalDoses(ctx: ServiceContext, input: { patientId: string }): ExternalDose[] {
  found(patients.getPatient(ctx.db, input.patientId), `Patient ${input.patientId}`);
  return doses.listExternalDoses(ctx.db, input.patientId);
}

export function removeExternalDose(ctx: ServiceContext, input: { id: string }): { id: string } {
  ctx.db.transaction(() => {
    found(doses.getExternalDose(ctx.db, input.id), `Dose given elsewhere ${input.id}`);
    doses.deleteExternalDose(ctx.db, input.id);
  })();
  return { id: input.id };
}
