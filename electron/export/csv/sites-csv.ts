/**
 * Injection sites as CSV, one row per site, for one session or for a date range across patients. The
 * columns are documented in docs/csv-export.md; change them there too.
 */
import { hasMuscle, muscleName } from '../../../shared/atlas/index.ts';
import { PRODUCTS } from '../../../shared/clinical/products.ts';
import type { Patient, SessionDetail, Site } from '../../../shared/domain/types.ts';
import type { SessionDerivedView } from '../../../shared/ipc/contract.ts';
import { toCsv, type CsvColumn } from './csv.ts';

export interface SiteCsvSession {
  session: SessionDetail;
  patient: Patient;
  /** session:derive's answer (for a signed session, the figures stored at signing). */
  derived: SessionDerivedView;
  /** The signed amendment that replaces this version, if any. */
  supersededBy: string | null;
}

interface Row {
  s: SiteCsvSession;
  site: Site;
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
  { header: 'units_per_0_1_ml', value: (r) => r.s.derived.concentrationPer01mL },
  { header: 'vial_lots', value: (r) => r.s.session.vials.map((v) => v.lot).join(';') },
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
    const volumes = new Map(s.derived.volumes.map((v) => [v.siteId, v.mL]));
    return [...s.session.sites].sort((a, b) => a.seq - b.seq).map((site) => ({ s, site, volume: volumes.get(site.id) ?? null }));
  });
}

/** The CSV text (UTF-8 BOM, CRLF, header row) and the number of site rows in it. */
export function sitesCsv(sessions: readonly SiteCsvSession[]): { csv: string; rows: number } {
  const rows = siteRows(sessions);
  return { csv: toCsv(SITE_COLUMNS, rows), rows: rows.length };
}
