/**
 * Injection sites as CSV, one row per site, for one session or for a date range across patients. The
 * columns are documented in docs/csv-export.md; change them there too.
 */
import { hasMuscle, muscleName } from '../../../shared/atlas/index.ts';
import { PRODUCTS } from '../../../shared/clinical/products.ts';
import type { Guidance } from '../../../shared/domain/types.ts';
import type { SessionDerived, SiteSide } from '../../../shared/rules/types.ts';
import { toCsv, type CsvColumn } from './csv.ts';

/** What the CSV reads about one session: plain data, from a SessionDetail or from the batch range queries. */
export interface SiteCsvSession {
  session: {
    id: string;
    date: string;
    status: 'draft' | 'signed';
    signedAt: string | null;
    signedBy: string | null;
    amendsSessionId: string | null;
    clinicianName: string;
    indication: string;
    otherIndications: readonly string[];
    productId: string | null;
  };
  patient: { mrn: string; familyName: string; givenName: string; birthDate: string };
  sites: ReadonlyArray<{
    id: string; seq: number; viewId: string; viewVersion: number; x: number; y: number; muscleId: string; side: SiteSide; units: number;
    guidance: Guidance; note: string;
  }>;
  /** Lots of the session's vials, in the order recorded. */
  lots: readonly string[];
  /** What session:derive answers for these (for a signed session, the figures stored at signing). */
  figures: Pick<SessionDerived, 'concentrationPer01mL' | 'volumes'>;
  /** The signed amendment that replaces this version, if any. */
  supersededBy: string | null;
}

interface Row {
  s: SiteCsvSession;
  site: SiteCsvSession['sites'][number];
  volume: number | null;
}

const product = (id: string | null) => (id === null ? undefined : PRODUCTS.find((p) => p.id === id));

export const SITE_COLUMNS: ReadonlyArray<CsvColumn<Row>> = [
  { header: 'record_id', value: (r) => r.s.session.id },
  { header: 'session_date', value: (r) => r.s.session.date },
  { header: 'status', value: (r) => r.s.session.status },
  { header: 'signed_at', value: (r) => r.s.session.signedAt },
  { header: 'signed_by', value: (r) => r.s.session.signedBy },
  { header: 'amends_record_id', value: (r) => r.s.session.amendsSessionId },
  { header: 'superseded_by_record_id', value: (r) => r.s.supersededBy },
  { header: 'clinician', value: (r) => r.s.session.clinicianName },
  { header: 'patient_mrn', value: (r) => r.s.patient.mrn },
  { header: 'patient_family_name', value: (r) => r.s.patient.familyName },
  { header: 'patient_given_name', value: (r) => r.s.patient.givenName },
  { header: 'patient_birth_date', value: (r) => r.s.patient.birthDate },
  { header: 'indication', value: (r) => r.s.session.indication },
  { header: 'other_indications', value: (r) => r.s.session.otherIndications.join(';') },
  { header: 'product_id', value: (r) => r.s.session.productId },
  { header: 'product_brand', value: (r) => product(r.s.session.productId)?.brand },
  { header: 'hcpcs', value: (r) => product(r.s.session.productId)?.hcpcsCode },
  { header: 'units_per_0_1_ml', value: (r) => r.s.figures.concentrationPer01mL },
  { header: 'vial_lots', value: (r) => r.s.lots.join(';') },
  { header: 'site_order', value: (r) => r.site.seq },
  { header: 'muscle_id', value: (r) => r.site.muscleId },
  { header: 'muscle_name', value: (r) => (hasMuscle(r.site.muscleId) ? muscleName(r.site.muscleId) : r.site.muscleId) },
  { header: 'side', value: (r) => r.site.side },
  { header: 'units', value: (r) => r.site.units },
  { header: 'volume_ml', value: (r) => r.volume },
  { header: 'guidance', value: (r) => r.site.guidance },
  { header: 'note', value: (r) => r.site.note },
  { header: 'diagram_id', value: (r) => r.site.viewId },
  { header: 'diagram_version', value: (r) => r.site.viewVersion },
  { header: 'diagram_x', value: (r) => r.site.x },
  { header: 'diagram_y', value: (r) => r.site.y },
];

export function siteRows(sessions: readonly SiteCsvSession[]): Row[] {
  return sessions.flatMap((s) => {
    const volumes = new Map(s.figures.volumes.map((v) => [v.siteId, v.mL]));
    return [...s.sites].sort((a, b) => a.seq - b.seq).map((site) => ({ s, site, volume: volumes.get(site.id) ?? null }));
  });
}

const PART_ROWS = 2_000;

/**
 * The CSV text (UTF-8 BOM, CRLF, header row) and the number of site rows in it. A long export (a year of a
 * busy clinic is a quarter of a million rows) is written in parts of 2,000 rows with a pause between them, so the app
 * keeps answering the window while it works.
 */
export async function sitesCsv(sessions: readonly SiteCsvSession[]): Promise<{ csv: string; rows: number }> {
  const parts: string[] = [];
  let batch: Row[] = [];
  let rows = 0;
  const flush = () => {
    parts.push(toCsv(SITE_COLUMNS, batch, parts.length === 0 ? {} : { bom: false, header: false }));
    rows += batch.length;
    batch = [];
  };
  for (const session of sessions) {
    for (const row of siteRows([session])) {
      batch.push(row);
      if (batch.length >= PART_ROWS) {
        flush();
        await new Promise<void>((resolve) => setImmediate(resolve));
      }
    }
  }
  if (batch.length > 0 || parts.length === 0) flush();
  return { csv: parts.join(''), rows };
}
