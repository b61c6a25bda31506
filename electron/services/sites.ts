import { getMuscle, hasView } from '../../shared/atlas/index.ts';
import type { Side } from '../../shared/atlas/types.ts';
import type { Site } from '../../shared/domain/types.ts';
import type { SiteAddInput, SiteUpdateInput } from '../../shared/ipc/contract.ts';
import { AppError } from '../../shared/ipc/result.ts';
import { withChanges } from '../../shared/domain/merge.ts';
import { found } from '../db/rows.ts';
import * as repo from '../db/sites.ts';
import type { ServiceContext } from './context.ts';
import { requireDraft } from './sessions.ts';

/** The muscle must be a known injection target, and its side must fit it (procerus is midline, frontalis is not). */
function checkMuscleAndSide(muscleId: string, side: Side): void {
  let muscle;
  try {
    muscle = getMuscle(muscleId);
  } catch {
    throw new AppError('BAD_INPUT', `Unknown muscle '${muscleId}'`);
  }
  if (muscle.injectionTarget === false) {
    throw new AppError('BAD_INPUT', `${muscle.name} is a structure to avoid, not an injection target`);
  }
  const midline = muscle.sideMode === 'midline';
  if (midline !== (side === 'midline')) {
    throw new AppError('BAD_INPUT', `${muscle.name} is ${midline ? 'a midline muscle' : 'paired'}; side '${side}' does not fit`);
  }
}

export function addSite(ctx: ServiceContext, input: SiteAddInput): Site {
  if (!hasView(input.viewId, input.viewVersion)) {
    throw new AppError('BAD_INPUT', `Unknown diagram ${input.viewId} version ${input.viewVersion}`);
  }
  checkMuscleAndSide(input.muscleId, input.side);
  const at = ctx.now().toISOString();
  const id = input.id ?? ctx.newId();
  return ctx.db.transaction(() => {
    requireDraft(ctx, input.sessionId);
    if (repo.getSite(ctx.db, id)) throw new AppError('CONFLICT', `Site ${id} already exists`);
    const site = repo.insertSite(ctx.db, {
      id,
      sessionId: input.sessionId,
      seq: input.seq !== undefined && !repo.seqTaken(ctx.db, input.sessionId, input.seq) ? input.seq : repo.nextSeq(ctx.db, input.sessionId),
      viewId: input.viewId,
      viewVersion: input.viewVersion,
      x: input.x,
      y: input.y,
      muscleId: input.muscleId,
      side: input.side,
      units: input.units,
      guidance: input.guidance ?? 'none',
      note: input.note ?? '',
      createdAt: at,
      updatedAt: at,
    });
    return site;
  })();
}

export function updateSite(ctx: ServiceContext, input: SiteUpdateInput): Site {
  return ctx.db.transaction(() => {
    const before = found(repo.getSite(ctx.db, input.id), `Site ${input.id}`);
    requireDraft(ctx, before.sessionId);
    const { id: _id, ...changes } = input;
    const next: Site = { ...withChanges(before, changes), updatedAt: ctx.now().toISOString() };
    checkMuscleAndSide(next.muscleId, next.side);
    return repo.updateSite(ctx.db, next);
  })();
}

export function deleteSite(ctx: ServiceContext, input: { id: string }): { id: string } {
  return ctx.db.transaction(() => {
    const before = found(repo.getSite(ctx.db, input.id), `Site ${input.id}`);
    requireDraft(ctx, before.sessionId);
    repo.deleteSite(ctx.db, input.id);
    return { id: input.id };
  })();
}
