// Test data written with plain SQL (the services are being rewritten), through a connection that has
// the audit functions registered, so the audit triggers fill audit_log as the app would.
import type Database from 'better-sqlite3-multiple-ciphers';
import { signAndSeal } from '../../electron/trust/seal.ts';
import { getView, pointAlong } from '../../shared/atlas/index.ts';

const T = '2025-03-01T09:00:00.000Z';

export interface Seeded {
  patientIds: string[];
  draftSessionId: string;
  signedSessionId: string;
  amendmentSessionId: string;
  siteIds: string[];
}

function insert(db: Database.Database, table: string, row: Record<string, string | number | null>): void {
  const cols = Object.keys(row);
  db.prepare(`INSERT INTO ${table} (${cols.join(', ')}) VALUES (${cols.map((c) => `@${c}`).join(', ')})`).run(row);
}

export function seedPatient(db: Database.Database, n: number): string {
  const id = `patient-${n}`;
  insert(db, 'patients', {
    id, mrn: `MRN${n}`, family_name: `Família ${n}`, given_name: `Ana "${n}"`, birth_date: '1970-05-0' + ((n % 9) + 1),
    sex: 'female', notes: 'allergic to latex\nsecond line', created_at: T, updated_at: T,
    search_family: `familia ${n}`, search_given: `ana "${n}"`, search_mrn: `mrn${n}`,
  });
  return id;
}

export function seedSession(db: Database.Database, id: string, patientId: string, extra: Record<string, string | number | null> = {}): string {
  insert(db, 'sessions', {
    id, patient_id: patientId, date: '2025-03-01', indication: 'chronic_migraine', created_at: T, updated_at: T,
    started_at: T, other_indications: '["cervical_dystonia"]', clinician_id: 'clinician-1', clinician_name: 'Dr. Rivera',
    product_id: 'onabotulinumtoxinA', guidance: '["emg"]', notes: 'tolerated well', next_due_date: '2025-05-24', ...extra,
  });
  return id;
}

/** A point on the muscle and side of face_front v1 (sites must lie on the muscle they name), spread by `t` (0..1). */
export function onFace(muscleId: string, side: string, t = 0.5): { x: number; y: number } {
  const region = getView('face_front', 1).regions.find((r) => r.muscleId === muscleId && r.side === side && r.layer === 'superficial');
  if (!region) throw new Error(`seed: no ${side} ${muscleId} on face_front`);
  return pointAlong(region, t);
}

export function seedSite(db: Database.Database, sessionId: string, seq: number, units = 5): string {
  const id = `${sessionId}-site-${seq}`;
  const side = seq % 2 ? 'left' : 'right';
  const { x, y } = onFace('frontalis', side, 0.2 + 0.15 * (seq % 5));
  insert(db, 'sites', {
    id, session_id: sessionId, seq, diagram_id: 'face_front', diagram_version: 1, x, y,
    muscle_id: 'frontalis', side, units, guidance: 'emg', note: seq === 1 ? 'medial' : '',
    location: seq === 2 ? 'upper lid, medial' : null, created_at: T, updated_at: T,
  });
  return id;
}

function seedChildren(db: Database.Database, sessionId: string): string[] {
  const sites = [1, 2, 3].map((seq) => seedSite(db, sessionId, seq, seq === 3 ? 2.5 : 5));
  insert(db, 'session_vials', {
    id: `${sessionId}-vial`, session_id: sessionId, product_id: 'onabotulinumtoxinA', size_units: 100, lot: 'C1234',
    expiry: '2026-01-31', diluent_ml: 2, reconstituted_at: T, created_at: T,
  });
  insert(db, 'outcome_scores', { id: `${sessionId}-score`, session_id: sessionId, scale_id: 'mas', value: '1+', note: '', created_at: T });
  insert(db, 'adverse_events', {
    id: `${sessionId}-ae`, session_id: sessionId, onset_date: '2025-03-03', description: 'mild ptosis', severity: 'mild', created_at: T,
  });
  return sites;
}

/** Rows that hang off a session besides its sites and parts: an acknowledged finding and, when signed, the stored figures. */
function seedDerivation(db: Database.Database, sessionId: string, signed: boolean): void {
  insert(db, 'finding_acknowledgements', {
    id: `${sessionId}-ack`, session_id: sessionId, finding_key: 'interval:previous', finding_kind: 'interval',
    reason: 'patient travelling; agreed early visit', acknowledged_by: 'Dr. Rivera, MD', acknowledged_at: T,
  });
  if (signed) {
    insert(db, 'session_derived', {
      session_id: sessionId, derived: JSON.stringify({ totals: { units: 12.5, sites: 3 }, findings: [], completeness: [] }), derived_at: T,
    });
  }
}

/** An injection pattern applied in the session, and (for a session copied forward) where it was copied from. */
function seedCharting(db: Database.Database, sessionId: string, copiedFrom: { sessionId: string; siteId: string } | null): void {
  insert(db, 'session_patterns', {
    id: `${sessionId}-pattern`, session_id: sessionId, pattern_id: 'cd_laterocollis', pattern_name: 'Laterocollis', direction: 'left',
    accepted: JSON.stringify([{ muscleId: 'splenius_capitis', side: 'left', units: 50 }, { muscleId: 'levator_scapulae', side: 'left', units: null }]),
    applied_at: T,
  });
  if (copiedFrom) {
    insert(db, 'session_origins', { session_id: sessionId, from_session_id: copiedFrom.sessionId, created_at: T });
    db.prepare('UPDATE sites SET copied_from = ? WHERE id = ?').run(copiedFrom.siteId, `${sessionId}-site-1`);
  }
}

const TEMPLATE_ORIGIN = JSON.stringify({ id: 'tpl-1', name: 'PREEMPT 155 U', sites: [{ muscleId: 'procerus', side: 'midline', units: 5 }] });

/** Signed as the app signs: status, signer and time with the seal over the content (electron/trust/seal.ts). */
function sign(db: Database.Database, sessionId: string): void {
  signAndSeal(db, sessionId, { signedAt: T, signedBy: 'Dr. Rivera', signerId: 'clinician-1' });
}

/** A follow-up visit of a signed session (scores, an adverse event, a muscle grade) and a grade at a draft. */
function seedFollowUp(db: Database.Database, signedSessionId: string, draftSessionId: string): void {
  insert(db, 'follow_up_visits', {
    id: 'fu-1', session_id: signedSessionId, date: '2025-04-05', clinician_name: 'Dr. Rivera', satisfaction: 8, onset_date: '2025-03-05',
    wear_off_date: '2025-05-20', notes: 'good effect, "less pain"', created_at: T, updated_at: T,
  });
  insert(db, 'follow_up_scores', { id: 'fu-1-score', follow_up_id: 'fu-1', scale_id: 'cgi_i', value: '2', note: '', created_at: T });
  insert(db, 'follow_up_adverse_events', {
    id: 'fu-1-ae', follow_up_id: 'fu-1', onset_date: '2025-03-10', description: 'neck weakness', severity: 'mild', serious: 0,
    relatedness: 'probable', outcome: 'resolved', created_at: T,
  });
  insert(db, 'muscle_scores', { id: 'fu-1-mas', session_id: null, follow_up_id: 'fu-1', muscle_id: 'biceps_brachii', side: 'left', scale_id: 'mas', value: '1+', created_at: T });
  insert(db, 'muscle_scores', { id: 'draft-mas', session_id: draftSessionId, follow_up_id: null, muscle_id: 'biceps_brachii', side: 'left', scale_id: 'mas', value: '2', created_at: T });
  db.prepare("UPDATE follow_up_visits SET satisfaction = 9 WHERE id = 'fu-1'").run();
}

/** A small clinic: every table holds rows, with draft, signed and amended sessions and audit rows. */
export function seedClinic(db: Database.Database): Seeded {
  return db.transaction(() => {
    insert(db, 'clinicians', {
      id: 'clinician-1', name: 'Dr. Rivera', credentials: 'MD', default_product_id: 'onabotulinumtoxinA',
      default_guidance: 'emg', is_current: 1, created_at: T, updated_at: T,
    });
    const patientIds = [1, 2, 3].map((n) => seedPatient(db, n));
    const [p1, p2] = patientIds as [string, string, string];
    insert(db, 'patient_conditions', { id: 'cond-1', patient_id: p1, indication: 'chronic_migraine', icd10_code: 'G43.709', side: 'none', noted_on: '2024-01-01', created_at: T });
    insert(db, 'patient_conditions', { id: 'cond-2', patient_id: p2, indication: 'cervical_dystonia', icd10_code: 'G24.3', side: 'left', noted_on: null, created_at: T });
    const signedSessionId = seedSession(db, 'session-signed', p1, { weight_kg: 61.4, template_origin: TEMPLATE_ORIGIN });
    const siteIds = seedChildren(db, signedSessionId);
    seedDerivation(db, signedSessionId, true);
    sign(db, signedSessionId);
    const amendmentSessionId = seedSession(db, 'session-amendment', p1, {
      amends_session_id: signedSessionId, amendment_reason: 'wrong side on site 2', amendment_author: 'Dr. Rivera', amended_at: T,
      weight_kg: 61.4, template_origin: TEMPLATE_ORIGIN,
    });
    siteIds.push(...seedChildren(db, amendmentSessionId));
    seedDerivation(db, amendmentSessionId, true);
    seedCharting(db, amendmentSessionId, null);
    sign(db, amendmentSessionId);
    const draftSessionId = seedSession(db, 'session-draft', p2, { clinician_id: null, product_id: null, next_due_date: null });
    siteIds.push(...seedChildren(db, draftSessionId));
    seedDerivation(db, draftSessionId, false);
    seedCharting(db, draftSessionId, { sessionId: signedSessionId, siteId: `${signedSessionId}-site-1` });
    db.prepare("UPDATE finding_acknowledgements SET reason = 'second thoughts' WHERE id = ?").run(`${draftSessionId}-ack`);
    insert(db, 'external_doses', {
      id: 'ext-1', patient_id: p1, date: '2024-11-20', product_id: 'onabotulinumtoxinA', units: 12, where_given: 'cosmetic clinic',
      indication: null, note: 'glabellar lines', created_at: T,
    });
    insert(db, 'external_doses', {
      id: 'ext-2', patient_id: p2, date: '2024-12-01', product_id: 'abobotulinumtoxinA', units: 120, where_given: 'hospital, Lyon',
      indication: 'cervical_dystonia', note: '', created_at: T,
    });
    db.prepare('DELETE FROM external_doses WHERE id = ?').run('ext-2');
    db.prepare('UPDATE sites SET units = 7.5 WHERE id = ?').run(`${draftSessionId}-site-2`);
    db.prepare('DELETE FROM sites WHERE id = ?').run(`${draftSessionId}-site-3`);
    siteIds.pop();
    db.prepare("UPDATE patients SET notes = 'updated' WHERE id = ?").run(p2);
    insert(db, 'templates', { id: 'tpl-1', name: 'PREEMPT 155 U', indication: 'chronic_migraine', builtin: 1, created_at: T, updated_at: T });
    insert(db, 'template_sites', {
      id: 'tpl-1-site-1', template_id: 'tpl-1', seq: 1, diagram_id: 'face_front', diagram_version: 1, ...onFace('procerus', 'midline'),
      muscle_id: 'procerus', side: 'midline', units: 5, note: '',
    });
    seedFollowUp(db, signedSessionId, draftSessionId);
    insert(db, 'prior_authorizations', {
      id: 'pa-1', patient_id: p1, payer: 'Acme Health', number: 'PA-77', product_id: 'onabotulinumtoxinA', valid_from: '2025-01-01',
      valid_to: '2025-12-31', approved_units: 400, approved_visits: 4, notes: '', created_at: T, updated_at: T,
    });
    insert(db, 'settings', { key: 'clinicName', value: JSON.stringify('Clínica "Rivera" Neurology'), updated_at: T });
    insert(db, 'settings', { key: 'unitsStep', value: JSON.stringify({ blepharospasm: 0.25, cervical_dystonia: 2.5 }), updated_at: T });
    db.prepare('UPDATE settings SET value = ? WHERE key = ?').run(JSON.stringify({ blepharospasm: 0.5 }), 'unitsStep');
    return { patientIds, draftSessionId, signedSessionId, amendmentSessionId, siteIds };
  })();
}
