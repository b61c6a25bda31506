import type { AuditEntry, Clinician, Condition, OutcomeScore, Patient, PriorAuthorization, SessionDetail, Template, Vial } from '../../shared/domain/types.ts';
import { patientSearchQuery } from '../../electron/db/patients.ts';
import { testBackend, type TestBackend } from '../helpers/backend.ts';
import { onFace } from '../helpers/seed-sql.ts';
import { SIGNING_PASSPHRASE, signingClinician } from '../helpers/signing.ts';

let b: TestBackend;
let patient: Patient;

const site = (sessionId: string, units: number, extra: Record<string, unknown> = {}) => ({
  sessionId, viewId: 'face_front', viewVersion: 1, x: 300, y: 200, muscleId: 'frontalis', side: 'left', units, ...extra,
});

/** A draft with the product, one documented vial (signing needs it) and sites of the given units. */
async function draftWithSites(units: number[], date = '2026-11-01'): Promise<SessionDetail> {
  const s = await b.call<SessionDetail>('session:create', { patientId: patient.id, date, indication: 'chronic_migraine', productId: 'onabotulinumtoxinA' });
  await b.call('vial:add', { sessionId: s.id, productId: 'onabotulinumtoxinA', sizeUnits: 200, lot: 'C0001', expiry: '2027-12-31', diluentMl: 4 });
  for (const u of units) await b.call('site:add', site(s.id, u));
  return b.call<SessionDetail>('session:get', { id: s.id });
}

beforeEach(async () => {
  b = await testBackend();
  await b.call<Clinician>('clinician:add', signingClinician());
  patient = await b.call<Patient>('patient:create', { mrn: 'MRN-77', familyName: 'Lindqvist', givenName: 'Åsa', birthDate: '1971-06-15', sex: 'female' });
});
afterEach(() => b.dispose());

describe('signing', () => {
  it('records who signed and when, and freezes the session', async () => {
    const s = await draftWithSites([5, 5]);
    const signed = await b.call<SessionDetail>('session:sign', { id: s.id, passphrase: SIGNING_PASSPHRASE });
    expect(signed.status).toBe('signed');
    expect(signed.signedBy).toBe('Dana Reyes, MD');
    expect(signed.signedAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    const siteId = signed.sites[0]?.id;
    await expect(b.call('site:update', { id: siteId, units: 10 })).rejects.toThrow(/SIGNED/);
    await expect(b.call('site:delete', { id: siteId })).rejects.toThrow(/SIGNED/);
    await expect(b.call('site:add', site(s.id, 5))).rejects.toThrow(/SIGNED/);
    await expect(b.call('session:update', { id: s.id, notes: 'changed' })).rejects.toThrow(/SIGNED/);
    await expect(b.call('session:delete', { id: s.id })).rejects.toThrow(/SIGNED/);
    await expect(b.call('vial:add', { sessionId: s.id, productId: 'onabotulinumtoxinA', sizeUnits: 100, lot: 'L', expiry: '2027-01-01', diluentMl: 2 })).rejects.toThrow(/SIGNED/);
  });

  it('is enforced by the database itself, whatever code tries', async () => {
    const s = await draftWithSites([5]);
    await b.call('session:sign', { id: s.id, passphrase: SIGNING_PASSPHRASE });
    const db = b.db;
    expect(() => db.prepare("UPDATE sessions SET notes = 'x' WHERE id = ?").run(s.id)).toThrow(/SIGNED_IMMUTABLE/);
    expect(() => db.prepare("UPDATE sessions SET status = 'draft' WHERE id = ?").run(s.id)).toThrow(/SIGNED_IMMUTABLE/);
    expect(() => db.prepare('DELETE FROM sessions WHERE id = ?').run(s.id)).toThrow(/SIGNED_IMMUTABLE/);
    expect(() => db.prepare('UPDATE sites SET units = 99 WHERE session_id = ?').run(s.id)).toThrow(/SIGNED_IMMUTABLE/);
    expect(() => db.prepare('DELETE FROM sites WHERE session_id = ?').run(s.id)).toThrow(/SIGNED_IMMUTABLE/);
    expect(() =>
      db.prepare("INSERT INTO sites (id, session_id, seq, diagram_id, diagram_version, x, y, muscle_id, side, units, created_at, updated_at) VALUES ('z', ?, 9, 'face_front', 1, 0, 0, 'frontalis', 'left', 5, 't', 't')").run(s.id),
    ).toThrow(/SIGNED_IMMUTABLE/);
    const other = await draftWithSites([5]);
    const signedSiteId = (await b.call<SessionDetail>('session:get', { id: s.id })).sites[0]?.id;
    expect(() => db.prepare('UPDATE sites SET session_id = ? WHERE id = ?').run(other.id, signedSiteId)).toThrow(/SIGNED_IMMUTABLE/);
    expect((await b.call<SessionDetail>('session:get', { id: s.id })).totalUnits).toBe(5);
  });

  it('needs a clinician profile, a product and at least one site', async () => {
    const empty = await b.call<SessionDetail>('session:create', { patientId: patient.id, date: '2026-11-01', indication: 'blepharospasm' });
    await expect(b.call('session:sign', { id: empty.id, passphrase: SIGNING_PASSPHRASE })).rejects.toThrow(/no injection sites/);
    await b.call('site:add', { ...site(empty.id, 2.5), muscleId: 'orbicularis_oculi_pretarsal', ...onFace('orbicularis_oculi_pretarsal', 'left') });
    await expect(b.call('session:sign', { id: empty.id, passphrase: SIGNING_PASSPHRASE })).rejects.toThrow(/product/);
  });
});

describe('amendments', () => {
  it('are new drafts linked to the signed original, which stays readable as signed', async () => {
    const s = await draftWithSites([5, 5, 5]);
    await b.call('session:sign', { id: s.id, passphrase: SIGNING_PASSPHRASE });
    const amendment = await b.call<SessionDetail>('session:amend', { id: s.id, reason: 'Site 3 was 2.5 U, not 5 U', passphrase: SIGNING_PASSPHRASE });
    expect(amendment.status).toBe('draft');
    expect(amendment.amendsSessionId).toBe(s.id);
    expect(amendment.amendmentReason).toBe('Site 3 was 2.5 U, not 5 U');
    expect(amendment.amendmentAuthor).toBe('Dana Reyes, MD');
    expect(amendment.sites.map((x) => x.units)).toEqual([5, 5, 5]);
    await b.call('site:update', { id: amendment.sites[2]?.id, units: 2.5 });
    await b.call('session:sign', { id: amendment.id, passphrase: SIGNING_PASSPHRASE });

    const original = await b.call<SessionDetail>('session:get', { id: s.id });
    expect(original.totalUnits).toBe(15);
    expect(original.amendedBy).toEqual([amendment.id]);
    expect((await b.call<SessionDetail>('session:get', { id: amendment.id })).totalUnits).toBe(12.5);
    await expect(b.call('session:amend', { id: s.id, reason: 'again', passphrase: SIGNING_PASSPHRASE })).rejects.toThrow(/latest version/);
  });

  it('are refused for drafts and while another amendment is open', async () => {
    const s = await draftWithSites([5]);
    await expect(b.call('session:amend', { id: s.id, reason: 'r', passphrase: SIGNING_PASSPHRASE })).rejects.toThrow(/Only a signed session/);
    await b.call('session:sign', { id: s.id, passphrase: SIGNING_PASSPHRASE });
    await b.call('session:amend', { id: s.id, reason: 'r', passphrase: SIGNING_PASSPHRASE });
    await expect(b.call('session:amend', { id: s.id, reason: 'r2', passphrase: SIGNING_PASSPHRASE })).rejects.toThrow(/already open/);
  });
});

describe('audit log', () => {
  it('records every insert, update and delete of a site with author, time, before and after', async () => {
    const s = await draftWithSites([5]);
    const siteId = s.sites[0]?.id as string;
    await b.call('site:update', { id: siteId, units: 7.5 });
    await b.call('site:delete', { id: siteId });
    const entries = await b.call<AuditEntry[]>('audit:list', { entity: 'sites', entityId: siteId });
    expect(entries.map((e) => e.action)).toEqual(['delete', 'update', 'insert']);
    const [del, upd, ins] = entries as [AuditEntry, AuditEntry, AuditEntry];
    expect(ins.before).toBeNull();
    expect(ins.after).toMatchObject({ units: 5, muscle_id: 'frontalis' });
    expect(upd.before).toMatchObject({ units: 5 });
    expect(upd.after).toMatchObject({ units: 7.5 });
    expect(del.after).toBeNull();
    expect(del.before).toMatchObject({ units: 7.5 });
    for (const e of entries) {
      expect(e.author).toBe('Dana Reyes, MD');
      expect(e.at).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    }
  });

  it('cannot be altered or erased', async () => {
    await draftWithSites([5]);
    expect(() => b.db.prepare("UPDATE audit_log SET author = 'someone else'").run()).toThrow(/AUDIT_IMMUTABLE/);
    expect(() => b.db.prepare('DELETE FROM audit_log').run()).toThrow(/AUDIT_IMMUTABLE/);
  });

  it('covers patients, sessions, vials, scores and prior authorizations', async () => {
    const s = await draftWithSites([5]);
    await b.call('vial:add', { sessionId: s.id, productId: 'onabotulinumtoxinA', sizeUnits: 200, lot: 'C123', expiry: '2027-03-01', diluentMl: 4 });
    await b.call('score:add', { sessionId: s.id, scaleId: 'headache_days', value: '18' });
    await b.call('priorAuth:save', { patientId: patient.id, payer: 'Medicare', number: 'PA-1', validFrom: '2026-01-01', validTo: '2026-12-31' });
    const entities = new Set((await b.call<AuditEntry[]>('audit:list', { limit: 1000 })).map((e) => e.entity));
    for (const t of ['patients', 'sessions', 'sites', 'session_vials', 'outcome_scores', 'prior_authorizations', 'clinicians']) {
      expect(entities).toContain(t);
    }
  });
});

describe('patients', () => {
  it('are found by name without accents, by MRN, by "family given" and by date of birth', async () => {
    await b.call('patient:create', { mrn: 'MRN-78', familyName: 'Lind', givenName: 'Per', birthDate: '1980-01-02' });
    const mrns = async (query: string) => (await b.call<Patient[]>('patient:search', { query })).map((p) => p.mrn).sort();
    expect(await mrns('asa')).toEqual(['MRN-77']);
    expect(await mrns('lind')).toEqual(['MRN-77', 'MRN-78']);
    expect(await mrns('lindqvist asa')).toEqual(['MRN-77']);
    expect(await mrns('asa lindq')).toEqual(['MRN-77']);
    expect(await mrns('mrn-78')).toEqual(['MRN-78']);
    expect(await mrns('1971-06-15')).toEqual(['MRN-77']);
    expect(await mrns('lind per')).toEqual(['MRN-78']);
  });

  it('search uses an index for every kind of query (EXPLAIN QUERY PLAN)', () => {
    for (const q of ['lind', 'lindqvist asa', 'MRN-7', '1971-06-15']) {
      const { sql, params } = patientSearchQuery(q, 50);
      const plan = b.db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(params) as Array<{ detail: string }>;
      const details = plan.map((p) => p.detail);
      expect(details.some((d) => /SCAN patients\b(?! USING)/.test(d)), `${q}: ${details.join(' | ')}`).toBe(false);
      expect(details.join(' ')).toMatch(/USING (COVERING )?INDEX patients_by_/);
    }
  });

  it('update keeps the MRN unique and is audited', async () => {
    await b.call('patient:create', { mrn: 'MRN-99', familyName: 'X', givenName: 'Y', birthDate: '1990-01-01' });
    await expect(b.call('patient:update', { id: patient.id, mrn: 'MRN-99' })).rejects.toThrow(/CONFLICT/);
    const updated = await b.call<Patient>('patient:update', { id: patient.id, notes: 'Allergy: none known' });
    expect(updated.notes).toBe('Allergy: none known');
  });

  it('conditions take ICD-10-CM codes from the reference, including members of listed families', async () => {
    const c = await b.call<Condition>('patient:addCondition', { patientId: patient.id, indication: 'cervical_dystonia', icd10Code: 'g24.3' });
    expect(c.icd10Code).toBe('G24.3');
    await b.call('patient:addCondition', { patientId: patient.id, indication: 'upper_limb_spasticity', icd10Code: 'I69.351', side: 'right' });
    await b.call('patient:addCondition', { patientId: patient.id, indication: 'upper_limb_spasticity', icd10Code: 'G81.13' });
    await expect(b.call('patient:addCondition', { patientId: patient.id, indication: 'upper_limb_spasticity', icd10Code: 'G81.19' })).rejects.toThrow(/not among/);
    await expect(b.call('patient:addCondition', { patientId: patient.id, indication: 'blepharospasm', icd10Code: 'G24.3' })).rejects.toThrow(/not among/);
    const detail = await b.call<{ conditions: Condition[] }>('patient:get', { id: patient.id });
    expect(detail.conditions).toHaveLength(3);
  });
});

describe('session details', () => {
  it('vials must match the product and its listed sizes; reconstituted products need a diluent volume', async () => {
    const s = await draftWithSites([5]);
    const vial = await b.call<Vial>('vial:add', { sessionId: s.id, productId: 'onabotulinumtoxinA', sizeUnits: 200, lot: 'C123', expiry: '2027-03-01', diluentMl: 4, reconstitutedAt: '2026-11-01T08:30:00Z' });
    expect(vial.diluentMl).toBe(4);
    await expect(b.call('vial:add', { sessionId: s.id, productId: 'onabotulinumtoxinA', sizeUnits: 300, lot: 'L', expiry: '2027-03-01', diluentMl: 4 })).rejects.toThrow(/listed as/);
    await expect(b.call('vial:add', { sessionId: s.id, productId: 'abobotulinumtoxinA', sizeUnits: 500, lot: 'L', expiry: '2027-03-01', diluentMl: 2.5 })).rejects.toThrow(/does not belong/);
    await expect(b.call('vial:add', { sessionId: s.id, productId: 'onabotulinumtoxinA', sizeUnits: 100, lot: 'L', expiry: '2027-03-01', diluentMl: null })).rejects.toThrow(/diluent/);
  });

  it('outcome scores are checked against their scale', async () => {
    const s = await draftWithSites([5]);
    expect((await b.call<OutcomeScore>('score:add', { sessionId: s.id, scaleId: 'mas', value: '1+' })).value).toBe('1+');
    await expect(b.call('score:add', { sessionId: s.id, scaleId: 'mas', value: '5' })).rejects.toThrow(/one of/);
    await expect(b.call('score:add', { sessionId: s.id, scaleId: 'hit6', value: '30' })).rejects.toThrow(/36 to 78/);
    await expect(b.call('score:add', { sessionId: s.id, scaleId: 'tsui', value: '3.5' })).rejects.toThrow(/whole number/);
    await expect(b.call('score:add', { sessionId: s.id, scaleId: 'nope', value: '3' })).rejects.toThrow(/Unknown outcome scale/);
  });

  it('next due date must follow the session date', async () => {
    const s = await draftWithSites([5], '2026-11-01');
    await expect(b.call('session:update', { id: s.id, nextDueDate: '2026-10-01' })).rejects.toThrow(/after the session date/);
    const updated = await b.call<SessionDetail>('session:update', { id: s.id, nextDueDate: '2027-01-24', guidance: ['emg'], notes: 'Tolerated well' });
    expect(updated).toMatchObject({ nextDueDate: '2027-01-24', guidance: ['emg'], notes: 'Tolerated well' });
  });

  it('a draft can be discarded with everything in it', async () => {
    const s = await draftWithSites([5, 5]);
    // A grade per muscle at the session and a follow-up visit with its own grade and score go with it.
    await b.call('muscleScore:set', { sessionId: s.id, muscleId: s.sites[0]!.muscleId, side: s.sites[0]!.side, scaleId: 'mas', value: '2' });
    await b.call('followUp:save', { sessionId: s.id, date: '2026-11-20', scores: [{ scaleId: 'headache_days', value: '8' }], muscleScores: [{ muscleId: s.sites[0]!.muscleId, side: s.sites[0]!.side, scaleId: 'mas', value: '1' }] });
    await b.call('session:delete', { id: s.id });
    await expect(b.call('session:get', { id: s.id })).rejects.toThrow(/NOT_FOUND/);
  });
});

describe('timeline', () => {
  it("returns every session newest first, exactly as loading each one does", async () => {
    const older = await draftWithSites([5, 2.5], '2026-05-01');
    await b.call('vial:add', { sessionId: older.id, productId: 'onabotulinumtoxinA', sizeUnits: 100, lot: 'L1', expiry: '2027-01-01', diluentMl: 2 });
    await b.call('score:add', { sessionId: older.id, scaleId: 'headache_days', value: '20' });
    await b.call('session:sign', { id: older.id, passphrase: SIGNING_PASSPHRASE });
    const newer = await draftWithSites([10], '2026-08-01');
    await b.call('adverseEvent:add', { sessionId: newer.id, description: 'neck pain', severity: 'mild' });
    const timeline = await b.call<SessionDetail[]>('patient:timeline', { patientId: patient.id });
    expect(timeline.map((s) => s.id)).toEqual([newer.id, older.id]);
    for (const s of timeline) expect(s).toEqual(await b.call<SessionDetail>('session:get', { id: s.id }));
  });
});

describe('templates and prior authorizations', () => {
  it('a session saved as a template starts the next session with the same sites', async () => {
    const s = await draftWithSites([5, 2.5]);
    const t = await b.call<Template>('template:saveFromSession', { sessionId: s.id, name: 'My migraine map' });
    expect(t.sites.map((x) => x.units)).toEqual([5, 2.5]);
    const next = await b.call<SessionDetail>('session:create', { patientId: patient.id, date: '2027-01-30', indication: 'chronic_migraine', templateId: t.id });
    expect(next.sites.map((x) => [x.muscleId, x.units])).toEqual([['frontalis', 5], ['frontalis', 2.5]]);
    expect((await b.call<Template[]>('template:list', { indication: 'chronic_migraine' })).map((x) => x.name)).toContain('My migraine map');
  });

  it('a session can start from a built-in protocol or from the last session\'s map', async () => {
    const templates = await b.call<Template[]>('template:list', { indication: 'chronic_migraine' });
    const preempt = templates.find((t) => t.builtin);
    expect(preempt?.name).toContain('PREEMPT');
    const s = await b.call<SessionDetail>('session:create', { patientId: patient.id, date: '2026-11-01', indication: 'chronic_migraine', templateId: preempt?.id });
    expect(s.siteCount).toBe(31);
    expect(s.totalUnits).toBe(155);
    await expect(b.call('template:delete', { id: preempt?.id })).rejects.toThrow(/built-in/);
    await expect(b.call('session:create', { patientId: patient.id, date: '2026-11-01', indication: 'blepharospasm', templateId: preempt?.id })).rejects.toThrow(/another indication/);
    await b.call('site:update', { id: s.sites[0]?.id, units: 10 });
    const next = await b.call<SessionDetail>('session:create', { patientId: patient.id, date: '2027-01-24', indication: 'chronic_migraine', fromSessionId: s.id });
    expect(next.totalUnits).toBe(160);
    expect(next.sites.map((x) => [x.viewId, x.x, x.y, x.muscleId])).toEqual(s.sites.map((x) => [x.viewId, x.x, x.y, x.muscleId]));
    const other = await b.call<Patient>('patient:create', { mrn: 'OTHER-1', familyName: 'O', givenName: 'P', birthDate: '1980-01-01' });
    await expect(b.call('session:create', { patientId: other.id, date: '2027-01-24', indication: 'chronic_migraine', fromSessionId: s.id })).rejects.toThrow(/another patient/);
  });

  it('prior authorization use is derived from signed sessions in its window, counting amendments once', async () => {
    const pa = await b.call<PriorAuthorization>('priorAuth:save', { patientId: patient.id, payer: 'Acme Health', number: 'PA-9', productId: 'onabotulinumtoxinA', validFrom: '2026-10-01', validTo: '2027-03-31', approvedUnits: 400, approvedVisits: 2 });
    expect(pa).toMatchObject({ usedUnits: 0, usedVisits: 0 });
    const s = await draftWithSites([100, 55], '2026-11-01');
    await draftWithSites([10], '2026-11-02'); // a draft does not count
    await b.call('session:sign', { id: s.id, passphrase: SIGNING_PASSPHRASE });
    const amendment = await b.call<SessionDetail>('session:amend', { id: s.id, reason: 'dose correction', passphrase: SIGNING_PASSPHRASE });
    await b.call('site:update', { id: amendment.sites[1]?.id, units: 45 });
    await b.call('session:sign', { id: amendment.id, passphrase: SIGNING_PASSPHRASE });
    const [used] = await b.call<PriorAuthorization[]>('priorAuth:list', { patientId: patient.id });
    expect(used).toMatchObject({ usedUnits: 145, usedVisits: 1 });
  });
});
