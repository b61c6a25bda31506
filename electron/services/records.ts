import type { AuditEntry, PriorAuthorization, Template } from '../../shared/domain/types.ts';
import type { AuditListInput, PriorAuthSaveInput } from '../../shared/ipc/contract.ts';
import type { IndicationId } from '../../shared/indications.ts';
import { AppError } from '../../shared/ipc/result.ts';
import { listAudit } from '../db/audit.ts';
import * as patients from '../db/patients.ts';
import * as auth from '../db/prior-auth.ts';
import { found } from '../db/rows.ts';
import * as sessions from '../db/sessions.ts';
import { listSites } from '../db/sites.ts';
import * as templates from '../db/templates.ts';
import type { ServiceContext } from './context.ts';
import { builtinTemplate, builtinTemplates } from '../../shared/clinical/builtin-templates.ts';

export function listTemplates(ctx: ServiceContext, input: { indication?: IndicationId | undefined }): Template[] {
  const builtin = builtinTemplates().filter((t) => !input.indication || t.indication === input.indication);
  return [...builtin, ...templates.listTemplates(ctx.db, input.indication)];
}

/** A template by id: a built-in protocol or one of the clinician's own. */
export function findTemplate(ctx: ServiceContext, id: string): Template {
  return builtinTemplate(id) ?? found(templates.getTemplate(ctx.db, id), `Template ${id}`);
}

/** The clinician's own template: the sites of a session, positions and units as charted. */
export function saveTemplateFromSession(ctx: ServiceContext, input: { sessionId: string; name: string }): Template {
  const id = ctx.newId();
  ctx.db.transaction(() => {
    const session = found(sessions.getSession(ctx.db, input.sessionId), `Session ${input.sessionId}`);
    const sites = listSites(ctx.db, input.sessionId);
    if (sites.length === 0) throw new AppError('BAD_INPUT', 'The session has no sites to save as a template');
    const at = ctx.now().toISOString();
    templates.insertTemplate(ctx.db, {
      id, name: input.name, indication: session.indication, builtin: false, createdAt: at, updatedAt: at,
      sites: sites.map((s, i) => ({
        id: ctx.newId(), seq: i + 1, viewId: s.viewId, viewVersion: s.viewVersion, x: s.x, y: s.y,
        muscleId: s.muscleId, side: s.side, units: s.units, note: s.note,
      })),
    });
  })();
  return found(templates.getTemplate(ctx.db, id), `Template ${id}`);
}

export function deleteTemplate(ctx: ServiceContext, input: { id: string }): { id: string } {
  ctx.db.transaction(() => {
    const t = findTemplate(ctx, input.id);
    if (t.builtin) throw new AppError('BAD_INPUT', `“${t.name}” is a built-in protocol and cannot be deleted`);
    templates.deleteTemplate(ctx.db, input.id);
  })();
  return { id: input.id };
}

/** Renames one of the clinician's own templates; built-in protocols keep the reference's names. */
export function renameTemplate(ctx: ServiceContext, input: { id: string; name: string }): Template {
  ctx.db.transaction(() => {
    const t = findTemplate(ctx, input.id);
    if (t.builtin) throw new AppError('BAD_INPUT', `“${t.name}” is a built-in protocol and cannot be renamed`);
    templates.renameTemplate(ctx.db, input.id, input.name, ctx.now().toISOString());
  })();
  return found(templates.getTemplate(ctx.db, input.id), `Template ${input.id}`);
}

export function listPriorAuths(ctx: ServiceContext, input: { patientId: string }): PriorAuthorization[] {
  found(patients.getPatient(ctx.db, input.patientId), `Patient ${input.patientId}`);
  return auth.listPriorAuths(ctx.db, input.patientId);
}

export function savePriorAuth(ctx: ServiceContext, input: PriorAuthSaveInput): PriorAuthorization {
  const at = ctx.now().toISOString();
  const id = input.id ?? ctx.newId();
  ctx.db.transaction(() => {
    found(patients.getPatient(ctx.db, input.patientId), `Patient ${input.patientId}`);
    const existing = input.id ? found(auth.getPriorAuth(ctx.db, input.id), `Prior authorization ${input.id}`) : undefined;
    if (existing && existing.patientId !== input.patientId) throw new AppError('BAD_INPUT', 'A prior authorization cannot move to another patient');
    auth.upsertPriorAuth(
      ctx.db,
      {
        id, patientId: input.patientId, payer: input.payer, number: input.number, productId: input.productId ?? null,
        validFrom: input.validFrom, validTo: input.validTo, approvedUnits: input.approvedUnits ?? null,
        approvedVisits: input.approvedVisits ?? null, notes: input.notes ?? '', createdAt: existing?.createdAt ?? at, updatedAt: at,
      },
      existing !== undefined,
    );
  })();
  return found(auth.getPriorAuth(ctx.db, id), `Prior authorization ${id}`);
}

export function deletePriorAuth(ctx: ServiceContext, input: { id: string }): { id: string } {
  ctx.db.transaction(() => {
    found(auth.getPriorAuth(ctx.db, input.id), `Prior authorization ${input.id}`);
    auth.deletePriorAuth(ctx.db, input.id);
  })();
  return { id: input.id };
}

export function listAuditEntries(ctx: ServiceContext, input: AuditListInput): AuditEntry[] {
  return listAudit(ctx.db, {
    ...(input.entity ? { entity: input.entity } : {}),
    ...(input.entityId ? { entityId: input.entityId } : {}),
    ...(input.sessionId ? { sessionId: input.sessionId } : {}),
    limit: input.limit ?? 200,
  });
}
