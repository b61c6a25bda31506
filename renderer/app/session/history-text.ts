import type { AuditEntry } from '../../../shared/domain/types.ts';
import { getScale } from '../../../shared/clinical/scales.ts';
import { indicationLabel, type IndicationId } from '../../../shared/indications.ts';

/** Field names as a clinician reads them; fields not listed are bookkeeping and are not shown. */
const FIELD_LABEL: Record<string, string> = {
  units: 'units', muscle_id: 'muscle', side: 'side', x: 'position', guidance: 'guidance', note: 'note',
  date: 'date', indication: 'indication', other_indications: 'other indications', product_id: 'product',
  notes: 'notes', next_due_date: 'next due', status: 'status', value: 'value', scale_id: 'scale',
  lot: 'lot', expiry: 'expiry', diluent_ml: 'diluent mL', size_units: 'vial size', description: 'description',
  severity: 'severity', onset_date: 'onset', weight_kg: 'weight kg', reason: 'reason',
};

const ENTITY_LABEL: Record<string, string> = {
  sessions: 'Session', sites: 'Site', session_vials: 'Vial', outcome_scores: 'Score', adverse_events: 'Adverse event',
  finding_acknowledgements: 'Acknowledgement', follow_up_visits: 'Follow-up visit', follow_up_scores: 'Follow-up score',
  follow_up_adverse_events: 'Adverse event at follow-up', muscle_scores: 'Muscle grade',
};

function show(v: unknown): string {
  if (v === null || v === undefined || v === '') return '—';
  return typeof v === 'string' ? v : JSON.stringify(v);
}

function scaleLabel(id: unknown): string {
  try {
    return getScale(String(id)).label;
  } catch {
    return show(id);
  }
}

function indicationsText(json: unknown): string {
  try {
    const ids = JSON.parse(String(json)) as IndicationId[];
    return ids.length === 0 ? 'none' : ids.map(indicationLabel).join(', ');
  } catch {
    return show(json);
  }
}

/** One line for one audit entry: what happened to which record, and which fields changed how. */
export function describeAuditEntry(e: AuditEntry, muscleName: (id: string) => string): string {
  const row = e.after ?? e.before ?? {};
  const what = ENTITY_LABEL[e.entity] ?? e.entity;
  const label = e.entity === 'sites' ? `${what} ${show(row.seq)} (${muscleName(String(row.muscle_id))} ${show(row.side)})` : what;
  if (e.action === 'insert') {
    if (e.entity === 'sites') return `${label} placed, ${show(row.units)} U`;
    if (e.entity === 'sessions') return row.amends_session_id ? `Amendment opened: ${show(row.amendment_reason)}` : 'Session started';
    if (e.entity === 'session_vials') return `Vial recorded: ${show(row.size_units)} U, lot ${show(row.lot)}`;
    if (e.entity === 'outcome_scores') return `Score recorded: ${scaleLabel(row.scale_id)} ${show(row.value)}`;
    if (e.entity === 'adverse_events') return `Adverse event recorded: ${show(row.description)}`;
    if (e.entity === 'finding_acknowledgements') return `Warning acknowledged (${show(row.finding_kind)}): ${show(row.reason)}`;
    if (e.entity === 'follow_up_visits') return `Follow-up visit recorded, ${show(row.date)}`;
    if (e.entity === 'follow_up_scores') return `Follow-up score: ${scaleLabel(row.scale_id)} ${show(row.value)}`;
    if (e.entity === 'follow_up_adverse_events') {
      return `Adverse event at follow-up: ${show(row.description)} (${show(row.severity)}${row.serious === 1 ? ', serious' : ''}, ${show(row.relatedness).replace('_', ' ')})`;
    }
    if (e.entity === 'muscle_scores') return `Grade recorded: ${scaleLabel(row.scale_id)} ${muscleName(String(row.muscle_id))} ${show(row.side)} ${show(row.value)}`;
    return `${label} added`;
  }
  if (e.action === 'delete') return e.entity === 'finding_acknowledgements' ? `Acknowledgement withdrawn (${show(row.finding_kind)})` : `${label} removed`;
  const before = e.before ?? {};
  const after = e.after ?? {};
  if (e.entity === 'sessions' && before.status === 'draft' && after.status === 'signed') return `Signed by ${show(after.signed_by)}`;
  const changes = Object.keys(FIELD_LABEL)
    .filter((k) => k !== 'x' || before.x !== after.x || before.y !== after.y)
    .filter((k) => JSON.stringify(before[k]) !== JSON.stringify(after[k]))
    .map((k) => {
      if (k === 'x') return 'moved';
      if (k === 'muscle_id') return `muscle ${muscleName(String(before[k]))} → ${muscleName(String(after[k]))}`;
      if (k === 'other_indications') return `other indications ${indicationsText(before[k])} → ${indicationsText(after[k])}`;
      return `${FIELD_LABEL[k]} ${show(before[k])} → ${show(after[k])}`;
    });
  return changes.length > 0 ? `${label}: ${changes.join(', ')}` : `${label} updated`;
}
