import type { AdverseEvent, OutcomeScore, Vial } from '../../shared/domain/types.ts';
import type { AdverseEventAddInput, ScoreAddInput, VialAddInput } from '../../shared/ipc/contract.ts';
import { getProduct } from '../../shared/clinical/products.ts';
import { checkScaleValue, getScale } from '../../shared/clinical/scales.ts';
import { AppError } from '../../shared/ipc/result.ts';
import * as parts from '../db/session-parts.ts';
import { found } from '../db/rows.ts';
import type { ServiceContext } from './context.ts';
import { requireDraft } from './sessions.ts';

export function addVial(ctx: ServiceContext, input: VialAddInput): Vial {
  const product = getProduct(input.productId);
  if (!product.vialSizes.includes(input.sizeUnits)) {
    throw new AppError('BAD_INPUT', `${product.brand} vials are listed as ${product.vialSizes.join(', ')} U, not ${input.sizeUnits} U`);
  }
  if (input.diluentMl === null && !product.readyToUse) {
    throw new AppError('BAD_INPUT', `${product.brand} is reconstituted: record the diluent volume`);
  }
  const vial: Vial = {
    id: ctx.newId(),
    sessionId: input.sessionId,
    productId: input.productId,
    sizeUnits: input.sizeUnits,
    lot: input.lot,
    expiry: input.expiry,
    diluentMl: input.diluentMl,
    reconstitutedAt: input.reconstitutedAt ?? null,
    createdAt: ctx.now().toISOString(),
  };
  ctx.db.transaction(() => {
    const session = requireDraft(ctx, input.sessionId);
    // Units of one product are never mixed into another's record.
    if (session.productId && session.productId !== input.productId) {
      throw new AppError('BAD_INPUT', `This session records ${getProduct(session.productId).brand}; a ${product.brand} vial does not belong to it`);
    }
    parts.insertVial(ctx.db, vial);
  })();
  return vial;
}

export function addScore(ctx: ServiceContext, input: ScoreAddInput): OutcomeScore {
  let scale;
  try {
    scale = getScale(input.scaleId);
  } catch {
    throw new AppError('BAD_INPUT', `Unknown outcome scale '${input.scaleId}'`);
  }
  const checked = checkScaleValue(scale, input.value);
  if (!checked.ok) throw new AppError('BAD_INPUT', checked.message);
  const score: OutcomeScore = {
    id: ctx.newId(),
    sessionId: input.sessionId,
    scaleId: scale.id,
    value: checked.value,
    note: input.note ?? '',
    createdAt: ctx.now().toISOString(),
  };
  ctx.db.transaction(() => {
    requireDraft(ctx, input.sessionId);
    parts.insertScore(ctx.db, score);
  })();
  return score;
}

export function addAdverseEvent(ctx: ServiceContext, input: AdverseEventAddInput): AdverseEvent {
  const event: AdverseEvent = {
    id: ctx.newId(),
    sessionId: input.sessionId,
    onsetDate: input.onsetDate ?? null,
    description: input.description,
    severity: input.severity,
    createdAt: ctx.now().toISOString(),
  };
  ctx.db.transaction(() => {
    // Events are usually reported at the next visit, so the onset may precede this session's date.
    requireDraft(ctx, input.sessionId);
    parts.insertAdverseEvent(ctx.db, event);
  })();
  return event;
}

/** Removes a vial, score or adverse event of a draft session. */
export function removePart(ctx: ServiceContext, table: 'session_vials' | 'outcome_scores' | 'adverse_events', id: string): { id: string } {
  ctx.db.transaction(() => {
    const sessionId = found(parts.partOwner(ctx.db, table, id), `Record ${id}`);
    requireDraft(ctx, sessionId);
    parts.deletePart(ctx.db, table, id);
  })();
  return { id };
}
