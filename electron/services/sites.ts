import { getMuscle, getView, hasView, siteLocation } from '../../shared/atlas/index.ts';
import { siteRegionProblem } from '../../shared/atlas/site-region.ts';
import type { Side } from '../../shared/atlas/types.ts';
import type { Site } from '../../shared/domain/types.ts';
import type { SiteAddInput, SiteUpdateInput } from '../../shared/ipc/contract.ts';
import { AppError } from '../../shared/ipc/result.ts';
import { withChanges } from '../../shared/domain/merge.ts';
import { getSessionOrigin } from '../db/charting.ts';
import { found } from '../db/rows.ts';
import * as repo from '../db/sites.ts';
import type { ServiceContext } from './context.ts';
import { requireDraftState } from './sessions.ts';

/** The muscle must be a known injection target, and its side must fit it (procerus is midline, frontalis is not). */
export function checkMuscleAndSide(muscleId: string, side: Side): void {
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

/**
 * Which part of the muscle the site's point lies in, from its own diagram version: derived here, never taken
 * from the renderer, so the stored location always matches the drawing.
 */
export function locationOf(site: Pick<Site, 'viewId' | 'viewVersion' | 'x' | 'y' | 'muscleId' | 'side'>): string | null {
  return siteLocation(getView(site.viewId, site.viewVersion), site, site.muscleId, site.side);
}

/**
 * A site's point lies on its diagram: inside the drawing's own width and height (a site at
 * (-10000, -10000) claiming a muscle is a typing or software error, not a charted site).
 */
export function checkPointOnView(viewId: string, viewVersion: number, x: number, y: number): void {
  const view = getView(viewId, viewVersion);
  if (x < 0 || y < 0 || x > view.width || y > view.height) {
    throw new AppError('BAD_INPUT', `The point (${Math.round(x)}, ${Math.round(y)}) is outside the diagram ${view.title} (${view.width} × ${view.height})`);
  }
}

/**
 * A site's point lies on the muscle and side it names, on its own diagram version (within the tolerance of
 * shared/atlas/site-region.ts): a site claiming the frontalis while its point is on the masseter is refused.
 */
export function checkPointOnMuscle(site: Pick<Site, 'viewId' | 'viewVersion' | 'x' | 'y' | 'muscleId' | 'side'>): void {
  const problem = pointOffMuscle(site);
  if (problem) throw new AppError('BAD_INPUT', problem);
}

/** Why the site's point is not on the muscle and side it names, or null when it is. */
export function pointOffMuscle(site: Pick<Site, 'viewId' | 'viewVersion' | 'x' | 'y' | 'muscleId' | 'side'>): string | null {
  return siteRegionProblem(getView(site.viewId, site.viewVersion), site, site.muscleId, site.side);
}

type SitePlace = Pick<SiteAddInput, 'viewId' | 'viewVersion' | 'muscleId' | 'side' | 'x' | 'y'>;

/** What a site names exists and fits: its diagram, its point on the diagram, its muscle and side. */
export function checkSiteNames(input: SitePlace): void {
  if (!hasView(input.viewId, input.viewVersion)) {
    throw new AppError('BAD_INPUT', `Unknown diagram ${input.viewId} version ${input.viewVersion}`);
  }
  checkPointOnView(input.viewId, input.viewVersion, input.x, input.y);
  checkMuscleAndSide(input.muscleId, input.side);
}

/** Checks what a new site names before anything is written: its diagram, its point on it, muscle and side, and that they agree. */
export function checkNewSite(input: SitePlace): void {
  checkSiteNames(input);
  checkPointOnMuscle(input);
}

/** A site said to be carried forward must come from the session this one was copied from. */
function checkCopiedFrom(ctx: ServiceContext, sessionId: string, copiedFrom: string | undefined): string | null {
  if (copiedFrom === undefined) return null;
  const origin = getSessionOrigin(ctx.db, sessionId);
  const earlier = repo.getSite(ctx.db, copiedFrom);
  if (!origin || !earlier || earlier.sessionId !== origin) {
    throw new AppError('BAD_INPUT', `Site ${copiedFrom} is not a site of the session this one was copied from`);
  }
  return copiedFrom;
}

/** Inserts one new site inside the caller's transaction (the session is a draft, checked by the caller). */
export function insertNewSite(ctx: ServiceContext, input: SiteAddInput, at: string): Site {
  const id = input.id ?? ctx.newId();
  if (repo.siteExists(ctx.db, id)) throw new AppError('CONFLICT', `Site ${id} already exists`);
  return repo.insertSite(ctx.db, {
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
    location: locationOf(input),
    copiedFrom: checkCopiedFrom(ctx, input.sessionId, input.copiedFrom),
    createdAt: at,
    updatedAt: at,
  });
}

/** Applies one change to a site inside the caller's transaction; its location follows its point and muscle. */
export function applySiteUpdate(ctx: ServiceContext, input: SiteUpdateInput, sessionId: string | null, at: string): Site {
  const before = found(repo.getSite(ctx.db, input.id), `Site ${input.id}`);
  if (sessionId !== null && before.sessionId !== sessionId) throw new AppError('BAD_INPUT', `Site ${input.id} belongs to another session`);
  requireDraftState(ctx, before.sessionId);
  const { id: _id, ...changes } = input;
  const moved = withChanges(before, changes);
  const placed = changes.x !== undefined || changes.y !== undefined;
  if (placed) checkPointOnView(moved.viewId, moved.viewVersion, moved.x, moved.y);
  checkMuscleAndSide(moved.muscleId, moved.side);
  // A site whose point or muscle changes must still agree with the drawing (one charted before this
  // check keeps its point while only its units, guidance or note change).
  if (placed || moved.muscleId !== before.muscleId || moved.side !== before.side) checkPointOnMuscle(moved);
  return repo.updateSite(ctx.db, { ...moved, location: locationOf(moved), updatedAt: at });
}

export function addSite(ctx: ServiceContext, input: SiteAddInput): Site {
  checkNewSite(input);
  const at = ctx.now().toISOString();
  return ctx.db.transaction(() => {
    requireDraftState(ctx, input.sessionId);
    return insertNewSite(ctx, input, at);
  })();
}

export function updateSite(ctx: ServiceContext, input: SiteUpdateInput): Site {
  const at = ctx.now().toISOString();
  return ctx.db.transaction(() => applySiteUpdate(ctx, input, null, at))();
}

export function deleteSite(ctx: ServiceContext, input: { id: string }): { id: string } {
  return ctx.db.transaction(() => {
    const before = found(repo.getSite(ctx.db, input.id), `Site ${input.id}`);
    requireDraftState(ctx, before.sessionId);
    repo.deleteSite(ctx.db, input.id);
    return { id: input.id };
  })();
}
