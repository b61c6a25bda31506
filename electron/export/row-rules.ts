// What an imported row must satisfy: the same field rules as the IPC contract (shared/domain/values.ts)
// and the same domain checks as the services (a known diagram, a muscle that is an injection target, a
// side that fits it, a known product, real dates, a signed session complete). A row that fails is
// refused with its table, position and id, and the whole import with it.
import { z } from 'zod';
import { INDICATION_IDS } from '../../shared/indications.ts';
import * as v from '../../shared/domain/values.ts';
import { AppError } from '../../shared/ipc/result.ts';
import { checkNewSite, checkSiteNames, pointOffMuscle } from '../services/sites.ts';

type Cell = string | number | null | Buffer;
export type ImportRow = Record<string, Cell>;

/** Ids the app writes are UUIDs; older files and test fixtures use other short keys, still plain text. */
const key = z.string({ error: 'must be an id' }).min(1).max(64).regex(/^[A-Za-z0-9_.:-]+$/, { error: 'must be an id' });
const moment = z.string({ error: 'must be a date and time' }).min(1).max(40).refine((s) => !Number.isNaN(Date.parse(s)), { error: 'must be a date and time in ISO 8601 form' });
const int01 = z.union([z.literal(0), z.literal(1)], { error: 'must be 0 or 1' });
const jsonText = (inner: z.ZodType) =>
  z.string().transform((s, ctx) => {
    try {
      const parsed = inner.safeParse(JSON.parse(s));
      if (!parsed.success) ctx.addIssue({ code: 'custom', message: parsed.error.issues[0]?.message ?? 'malformed' });
    } catch {
      ctx.addIssue({ code: 'custom', message: 'must be JSON text' });
    }
    return s;
  });
const anyJson = jsonText(z.unknown());
const slug = z.string().min(1).max(64).regex(/^[a-z0-9_-]+$/, { error: 'is malformed' });

const siteColumns = {
  id: key,
  seq: z.number().int().min(1).max(100_000),
  diagram_id: slug,
  diagram_version: z.number().int().min(1).max(10_000),
  x: v.coordinate,
  y: v.coordinate,
  muscle_id: slug,
  side: v.side,
  units: v.units,
  note: v.boundedText('Note', 500),
};

const SCHEMAS: Readonly<Record<string, z.ZodType>> = {
  clinicians: z.object({
    id: key, name: v.requiredText('Name', 120), credentials: v.boundedText('Credentials', 120), default_product_id: v.productId.nullable(),
    default_guidance: v.guidance, is_current: int01, created_at: moment, updated_at: moment,
  }),
  patients: z.object({
    id: key, mrn: v.mrn, family_name: v.requiredText('Family name', 100), given_name: v.requiredText('Given name', 100), birth_date: v.birthDate,
    sex: v.sex, notes: v.boundedText('Notes', 4000), created_at: moment, updated_at: moment,
  }),
  patient_conditions: z.object({
    id: key, patient_id: key, indication: v.indication,
    icd10_code: z.string().regex(/^[A-Z][0-9][0-9A-Z](\.[0-9A-Z]{1,4})?$/, { error: 'ICD-10-CM code is malformed' }),
    side: v.conditionSide, noted_on: v.isoDate.nullable(), created_at: moment,
  }),
  sessions: z.object({
    id: key, patient_id: key, date: v.sessionDate, indication: v.indication, status: z.enum(['draft', 'signed']),
    started_at: moment.nullable(), other_indications: jsonText(z.array(z.enum(INDICATION_IDS)).max(8)),
    clinician_id: key.nullable(), clinician_name: v.boundedText('Clinician name', 250), product_id: v.productId.nullable(),
    guidance: jsonText(z.array(v.guidance).max(4)), notes: v.boundedText('Notes', 8000), next_due_date: v.isoDate.nullable(),
    signed_at: moment.nullable(), signed_by: v.boundedText('Signer', 250).nullable(), amends_session_id: key.nullable(),
    amendment_reason: v.boundedText('Reason for the amendment', 1000).nullable(), amendment_author: v.boundedText('Amendment author', 250).nullable(),
    amended_at: moment.nullable(), weight_kg: v.weightKg.nullable(), template_origin: anyJson.nullable(), created_at: moment, updated_at: moment,
  }),
  sites: z.object({ ...siteColumns, session_id: key, guidance: v.guidance, created_at: moment, updated_at: moment }),
  template_sites: z.object({ ...siteColumns, template_id: key }),
  session_vials: z.object({
    id: key, session_id: key, product_id: v.productId, size_units: z.number().finite().gt(0).max(20_000), lot: v.requiredText('Lot number', 40),
    expiry: v.expiryDate, diluent_ml: z.number().finite().min(0.1).max(20).nullable(), reconstituted_at: moment.nullable(), created_at: moment,
  }),
  outcome_scores: z.object({ id: key, session_id: key, scale_id: slug, value: z.string().trim().min(1).max(12), note: v.boundedText('Note', 500), created_at: moment }),
  adverse_events: z.object({
    id: key, session_id: key, onset_date: v.isoDate.nullable(), description: v.requiredText('Description', 2000), severity: v.severity, created_at: moment,
  }),
  finding_acknowledgements: z.object({
    id: key, session_id: key, finding_key: v.requiredText('Finding key', 300), finding_kind: v.requiredText('Finding kind', 64),
    reason: v.requiredText('Reason', 1000), acknowledged_by: v.requiredText('Acknowledged by', 250), acknowledged_at: moment,
  }),
  session_derived: z.object({ session_id: key, derived: anyJson, derived_at: moment }),
  templates: z.object({ id: key, name: v.requiredText('Template name', 120), indication: v.indication, builtin: int01, created_at: moment, updated_at: moment }),
  prior_authorizations: z.object({
    id: key, patient_id: key, payer: v.requiredText('Payer', 120), number: v.requiredText('Authorization number', 60), product_id: v.productId.nullable(),
    valid_from: v.isoDate, valid_to: v.isoDate, approved_units: v.units.nullable(), approved_visits: z.number().int().min(1).max(100).nullable(),
    notes: v.boundedText('Notes', 2000), created_at: moment, updated_at: moment,
  }),
  external_doses: z.object({
    id: key, patient_id: key, date: v.isoDate, product_id: v.productId, units: v.units, where_given: v.requiredText('Where the dose was given', 200),
    indication: v.indication.nullable(), note: v.boundedText('Note', 1000), created_at: moment,
  }),
  audit_log: z.object({
    id: z.number().int().min(1), at: moment, author: z.string().max(300), action: z.enum(['insert', 'update', 'delete']),
    entity: z.string().min(1).max(64), entity_id: z.string().max(300), before: anyJson.nullable(), after: anyJson.nullable(),
  }),
};

function clip(text: string, max = 160): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}

/**
 * Checks one row of `table` (its position counted from 1 in the file). Tables without rules here (added
 * by a later migration and not yet described) are only checked for their cells' shape by the archive schema.
 * Throws AppError BAD_INPUT naming the table, position, id and the first problem. Answers 'signed site off
 * its muscle' for a site taken as it was signed although its point lies off its muscle (counted and told).
 */
export function checkRow(table: string, position: number, row: ImportRow, signedSessions: ReadonlySet<unknown> = new Set()): 'signed site off its muscle' | undefined {
  const where = () => `Row ${position} of ${table}${typeof row.id === 'string' || typeof row.id === 'number' ? ` (id ${clip(String(row.id), 64)})` : ''}`;
  const schema = SCHEMAS[table];
  if (schema) {
    const parsed = schema.safeParse(row);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const field = issue?.path.join('.') ?? '';
      throw new AppError('BAD_INPUT', clip(`${where()}: ${field ? `${field}: ` : ''}${issue?.message ?? 'invalid'}`, 400) + '. Nothing was imported.');
    }
  }
  try {
    if (table === 'sites' || table === 'template_sites') {
      const place = {
        viewId: String(row.diagram_id), viewVersion: Number(row.diagram_version), muscleId: String(row.muscle_id), side: row.side as 'left',
        x: Number(row.x), y: Number(row.y),
      };
      // A signed session's site is taken as it was signed: its seal (verified before the import commits)
      // vouches for the point, and a record charted before points had to lie on their muscle (a muscle
      // changed from the site list kept its point) must go back in from its own export. Elsewhere the
      // point must lie on the muscle it names, as at site:add.
      if (table === 'sites' && signedSessions.has(row.session_id)) {
        checkSiteNames(place);
        if (pointOffMuscle(place)) return 'signed site off its muscle';
      } else checkNewSite(place);
    }
    if (table === 'sessions' && row.status === 'signed') {
      if (!row.signed_at || !row.signed_by) throw new AppError('BAD_INPUT', 'a signed session must name its signer and the time of signing');
      if (!row.product_id) throw new AppError('BAD_INPUT', 'a signed session must name its product');
      if (!row.seal) throw new AppError('BAD_INPUT', 'a signed session must carry its seal');
    }
    if (table === 'prior_authorizations' && String(row.valid_to) < String(row.valid_from)) {
      throw new AppError('BAD_INPUT', 'the authorization ends before it starts');
    }
  } catch (err) {
    if (!(err instanceof AppError)) throw err;
    throw new AppError('BAD_INPUT', clip(`${where()}: ${err.message}`, 400) + '. Nothing was imported.');
  }
}

/**
 * Checks across rows, once everything is inserted (inside the import transaction): a session is not
 * before its patient's birth, a signed session has sites. Throws the first problem found.
 */
export const CROSS_ROW_CHECKS: readonly { sql: string; message: (r: Record<string, unknown>) => string }[] = [
  {
    sql: 'SELECT s.id, s.date, p.birth_date FROM sessions s JOIN patients p ON p.id = s.patient_id WHERE s.date < p.birth_date LIMIT 1',
    message: (r) => `Session ${String(r.id)} is dated ${String(r.date)}, before its patient's birth (${String(r.birth_date)})`,
  },
  {
    sql: "SELECT s.id FROM sessions s WHERE s.status = 'signed' AND NOT EXISTS (SELECT 1 FROM sites t WHERE t.session_id = s.id) LIMIT 1",
    message: (r) => `Session ${String(r.id)} is signed but has no injection sites`,
  },
];
