import { muscleName } from '../../shared/atlas/index.ts';
import { getProduct } from '../../shared/clinical/products.ts';
import type { LotRecall, LotRecallRow } from '../../shared/domain/review.ts';
import { sumUnits } from '../../shared/domain/values.ts';
import { indicationLabel } from '../../shared/indications.ts';
import { AppError } from '../../shared/ipc/result.ts';
import { toCsv, type CsvColumn } from '../export/csv/csv.ts';
import { sessionsContents, storedVialUse, vialsByLotPrefix } from '../db/lots.ts';
import type { ServiceContext } from './context.ts';
import { deriveSessionView } from './derive.ts';

const DEFAULT_LIMIT = 500;

/**
 * Every vial whose lot starts with the prefix, with the patient, the session and the units drawn from it: the
 * rules' allocation of the session's units to its vials (in the order they were opened), read from the figures
 * stored at signing, or derived live for a draft.
 */
export function lotRecall(ctx: ServiceContext, input: { prefix: string; limit?: number | undefined }): LotRecall {
  const prefix = input.prefix.trim();
  if (prefix === '') throw new AppError('BAD_INPUT', 'Type the first characters of the lot number');
  const limit = input.limit ?? DEFAULT_LIMIT;
  return ctx.db.transaction((): LotRecall => {
    const vials = vialsByLotPrefix(ctx.db, prefix, limit + 1);
    const listed = vials.slice(0, limit);
    const contents = sessionsContents(ctx.db, listed.map((v) => v.sessionId));
    // Signed sessions answer from the figures stored at signing (read in SQL); the others are derived live.
    const stored = storedVialUse(ctx.db, listed.map((v) => v.sessionId));
    const allocation = new Map(stored.used);
    for (const sessionId of new Set(listed.map((v) => v.sessionId))) {
      if (stored.sessions.has(sessionId)) continue;
      for (const b of deriveSessionView(ctx, { sessionId }).vials.byVial) allocation.set(b.vialId, b.usedUnits);
    }
    const rows: LotRecallRow[] = listed.map((v) => {
      const c = contents.get(v.sessionId) ?? { lots: [], sites: [] };
      const muscles = [...new Set(c.sites.map((s) => `${muscleName(s.muscleId)}${s.side === 'midline' ? '' : ` (${s.side})`}`))];
      return {
        vialId: v.vialId, lot: v.lot, expiry: v.expiry, sizeUnits: v.sizeUnits, productId: v.productId,
        patientId: v.patientId, mrn: v.mrn, patientName: `${v.familyName.toUpperCase()}, ${v.givenName}`,
        sessionId: v.sessionId, sessionDate: v.sessionDate, status: v.status, indication: v.indication,
        unitsFromVial: allocation.get(v.vialId) ?? null,
        sessionUnits: sumUnits(c.sites.map((s) => s.units)),
        siteCount: c.sites.length,
        otherLots: [...new Set(c.lots.filter((l) => l !== v.lot))],
        muscles,
      };
    });
    return { prefix, rows, truncated: vials.length > limit };
  })();
}

const COLUMNS: ReadonlyArray<CsvColumn<LotRecallRow>> = [
  { header: 'Lot', value: (r) => r.lot },
  { header: 'Product', value: (r) => getProduct(r.productId).brand },
  { header: 'Vial size (U)', value: (r) => r.sizeUnits },
  { header: 'Expiry', value: (r) => r.expiry },
  { header: 'Patient', value: (r) => r.patientName },
  { header: 'MRN', value: (r) => r.mrn },
  { header: 'Session date', value: (r) => r.sessionDate },
  { header: 'Status', value: (r) => r.status },
  { header: 'Indication', value: (r) => indicationLabel(r.indication) },
  { header: 'Units from this vial (U)', value: (r) => r.unitsFromVial },
  { header: 'Session total (U)', value: (r) => r.sessionUnits },
  { header: 'Sites', value: (r) => r.siteCount },
  { header: 'Other lots in the session', value: (r) => r.otherLots.join('; ') },
  { header: 'Muscles injected', value: (r) => r.muscles.join('; ') },
];

/** The recall list as CSV (RFC 4180, formula injection neutralised), with a file name for the download. */
export function lotRecallCsv(ctx: ServiceContext, input: { prefix: string }): { fileName: string; csv: string; rows: number } {
  const recall = lotRecall(ctx, { prefix: input.prefix, limit: 10_000 });
  if (recall.truncated) throw new AppError('BAD_INPUT', `More than 10,000 vials match “${recall.prefix}”; type more of the lot number`);
  const safe = recall.prefix.replace(/[^A-Za-z0-9_-]/g, '_').slice(0, 40);
  const day = ctx.now().toISOString().slice(0, 10);
  return { fileName: `lot-recall-${safe}-${day}.csv`, csv: toCsv(COLUMNS, recall.rows), rows: recall.rows.length };
}
