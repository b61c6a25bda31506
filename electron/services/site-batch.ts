import { findPattern } from '../../shared/clinical/patterns.ts';
import type { Site } from '../../shared/domain/types.ts';
import type { PatternUseInput, SiteBatchInput, SiteBatchResult } from '../../shared/ipc/contract.ts';
import { AppError } from '../../shared/ipc/result.ts';
import * as charting from '../db/charting.ts';
import { found } from '../db/rows.ts';
import * as repo from '../db/sites.ts';
import type { ServiceContext } from './context.ts';
import { requireDraft } from './sessions.ts';
import { applySiteUpdate, checkMuscleAndSide, checkNewSite, insertNewSite } from './sites.ts';

/** A pattern use names a known pattern, with a direction exactly when the pattern has one. */
function checkPatternUse(use: PatternUseInput): string {
  const pattern = findPattern(use.patternId);
  if (!pattern) throw new AppError('BAD_INPUT', `Unknown injection pattern '${use.patternId}'`);
  if ((pattern.direction === null) !== (use.direction === null)) {
    throw new AppError('BAD_INPUT', pattern.direction === null ? `${pattern.name} has no direction` : `${pattern.name} needs a direction (left or right)`);
  }
  for (const m of use.accepted) checkMuscleAndSide(m.muscleId, m.side);
  return pattern.name;
}

/**
 * Several site changes of one session as one step, all saved or none: a pattern, a mirror, a template or a
 * copy-forward accept, and the undo of each. Everything that can be checked without the database is checked
 * first; then, in one transaction, removals, updates, additions and the patterns applied with them.
 */
export function batchSites(ctx: ServiceContext, input: SiteBatchInput): SiteBatchResult {
  for (const a of input.add ?? []) checkNewSite(a);
  const names = new Map((input.addPatterns ?? []).map((p) => [p.id, checkPatternUse(p)]));
  const at = ctx.now().toISOString();
  return ctx.db.transaction(() => {
    requireDraft(ctx, input.sessionId);
    const removed: string[] = [];
    for (const id of input.remove ?? []) {
      const site = found(repo.getSite(ctx.db, id), `Site ${id}`);
      if (site.sessionId !== input.sessionId) throw new AppError('BAD_INPUT', `Site ${id} belongs to another session`);
      repo.deleteSite(ctx.db, id);
      removed.push(id);
    }
    const updated: Site[] = (input.update ?? []).map((u) => applySiteUpdate(ctx, u, input.sessionId, at));
    const added: Site[] = (input.add ?? []).map((a) => insertNewSite(ctx, { ...a, sessionId: input.sessionId }, at));
    for (const id of input.removePatterns ?? []) {
      const use = found(charting.getSessionPattern(ctx.db, id), `Applied pattern ${id}`);
      if (use.sessionId !== input.sessionId) throw new AppError('BAD_INPUT', `Applied pattern ${id} belongs to another session`);
      charting.deleteSessionPattern(ctx.db, id);
    }
    for (const use of input.addPatterns ?? []) {
      if (charting.getSessionPattern(ctx.db, use.id)) throw new AppError('CONFLICT', `Applied pattern ${use.id} already exists`);
      charting.insertSessionPattern(ctx.db, {
        id: use.id,
        sessionId: input.sessionId,
        patternId: use.patternId,
        patternName: names.get(use.id) ?? use.patternId,
        direction: use.direction,
        accepted: use.accepted,
        appliedAt: at,
      });
    }
    return { added, updated, removed, patterns: charting.listSessionPatterns(ctx.db, input.sessionId) };
  })();
}
