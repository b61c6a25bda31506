import type { FindingAcknowledgement } from '../../shared/domain/types.ts';
import type { FindingAcknowledgeInput } from '../../shared/ipc/contract.ts';
import { AppError } from '../../shared/ipc/result.ts';
import * as acks from '../db/acknowledgements.ts';
import { currentClinicianName } from '../db/clinicians.ts';
import { found } from '../db/rows.ts';
import type { ServiceContext } from './context.ts';
import { requireDraft } from './sessions.ts';

/**
 * Records the clinician's decision about a finding of a draft session, with a reason. The key is not
 * checked against today's findings: a finding can come and go as sites change, and its acknowledgement
 * simply applies whenever the finding is there. Acknowledging again replaces the reason.
 */
export function acknowledgeFinding(ctx: ServiceContext, input: FindingAcknowledgeInput): FindingAcknowledgement {
  return ctx.db.transaction(() => {
    requireDraft(ctx, input.sessionId);
    const by = currentClinicianName(ctx.db);
    if (!by) throw new AppError('BAD_INPUT', 'Set up your clinician profile (name and credentials) before acknowledging a warning');
    const at = ctx.now().toISOString();
    const before = acks.getAcknowledgement(ctx.db, input.sessionId, input.key);
    if (before) return acks.updateAcknowledgement(ctx.db, { ...before, kind: input.kind, reason: input.reason, by, at });
    return acks.insertAcknowledgement(ctx.db, {
      id: ctx.newId(), sessionId: input.sessionId, key: input.key, kind: input.kind, reason: input.reason, by, at,
    });
  })();
}

export function unacknowledgeFinding(ctx: ServiceContext, input: { sessionId: string; key: string }): { sessionId: string; key: string } {
  ctx.db.transaction(() => {
    requireDraft(ctx, input.sessionId);
    const ack = found(acks.getAcknowledgement(ctx.db, input.sessionId, input.key), `Acknowledgement of '${input.key}'`);
    acks.deleteAcknowledgement(ctx.db, ack.id);
  })();
  return { sessionId: input.sessionId, key: input.key };
}
