import { getView, pointAlong, viewsForIndication } from '../../shared/atlas/index.ts';
import type { FollowUpVisit, LotRecall, MuscleScore, PatientHistory, Worklist } from '../../shared/domain/review.ts';
import type { Patient, SessionDetail } from '../../shared/domain/types.ts';
import type { IndicationId } from '../../shared/indications.ts';
import { testBackend, type TestBackend } from '../helpers/backend.ts';
import { SIGNING_PASSPHRASE, signingClinician } from '../helpers/signing.ts';

const NOW = new Date('2026-11-30T10:00:00.000Z');
let b: TestBackend;
let patient: Patient;

function siteAt(indication: IndicationId, muscleId: string, side: 'left' | 'right') {
  for (const viewId of viewsForIndication(indication)) {
    const view = getView(viewId);
    const region = view.regions.find((r) => r.muscleId === muscleId && r.side === side);
    if (region) return { viewId, viewVersion: view.version, ...pointAlong(region, 0.5), muscleId, side };
  }
  throw new Error(`no ${side} ${muscleId}`);
}

async function session(p: Patient, date: string, sites: Array<[string, 'left' | 'right', number]>, opts: { lots?: Array<[string, number]>; sign?: boolean; twstrs?: string; nextDue?: string } = {}): Promise<SessionDetail> {
  const s = await b.call<SessionDetail>('session:create', { patientId: p.id, date, indication: 'cervical_dystonia', productId: 'onabotulinumtoxinA' });
  for (const [lot, size] of opts.lots ?? [['C1000', 200]]) {
    await b.call('vial:add', { sessionId: s.id, productId: 'onabotulinumtoxinA', sizeUnits: size, lot, expiry: '2028-01-31', diluentMl: 2 });
  }
  for (const [muscleId, side, units] of sites) await b.call('site:add', { sessionId: s.id, ...siteAt('cervical_dystonia', muscleId, side), units });
  if (opts.twstrs) await b.call('score:add', { sessionId: s.id, scaleId: 'twstrs', value: opts.twstrs });
  if (opts.nextDue) await b.call('session:update', { id: s.id, nextDueDate: opts.nextDue });
  if (opts.sign !== false) await b.call('session:sign', { id: s.id, passphrase: SIGNING_PASSPHRASE });
  return b.call<SessionDetail>('session:get', { id: s.id });
}

// A clock that moves a second per reading, so records made one after another (vials opened in turn) keep their order.
let tick = 0;
const clock = () => new Date(NOW.getTime() + 1000 * tick++);

beforeEach(async () => {
  tick = 0;
  b = await testBackend(undefined, { now: clock });
  await b.call('clinician:add', signingClinician());
  patient = await b.call<Patient>('patient:create', { mrn: 'CD-100', familyName: 'Moreau', givenName: 'Lise', birthDate: '1965-03-02' });
});
afterEach(() => b.dispose());

describe('patient history', () => {
  it('lists every session newest first with its map, totals, scores and days since the previous one', async () => {
    await session(patient, '2025-06-02', [['sternocleidomastoid', 'left', 40], ['splenius_capitis', 'right', 60]], { twstrs: '42' });
    await session(patient, '2025-08-25', [['sternocleidomastoid', 'left', 50], ['splenius_capitis', 'right', 60]], { twstrs: '35' });
    const history = await b.call<PatientHistory>('review:history', { patientId: patient.id });
    expect(history.sessions.map((s) => s.date)).toEqual(['2025-08-25', '2025-06-02']);
    const [last, first] = history.sessions;
    expect(last?.totalUnits).toBe(110);
    expect(last?.productId).toBe('onabotulinumtoxinA');
    expect(last?.sites).toHaveLength(2);
    expect(last?.sites[0]).toMatchObject({ viewId: expect.any(String), viewVersion: 1, muscleId: 'sternocleidomastoid' });
    expect(last?.scores.map((s) => s.value)).toEqual(['35']);
    expect(last?.daysSincePrevious).toBe(84);
    expect(first?.daysSincePrevious).toBeNull();
  });

  it('shows the warnings the clinician acknowledged, worded as they were when signed', async () => {
    await session(patient, '2025-06-02', [['sternocleidomastoid', 'left', 40]]);
    const early = await session(patient, '2025-07-14', [['sternocleidomastoid', 'left', 40]], { sign: false });
    const derived = await b.call<{ findings: Array<{ key: string; kind: string; message: string }> }>('session:derive', { sessionId: early.id });
    const interval = derived.findings.find((f) => f.kind === 'interval_under_12_weeks');
    if (!interval) throw new Error('expected the 12-week interval warning');
    await b.call('finding:acknowledge', { sessionId: early.id, key: interval.key, kind: interval.kind, reason: 'travelling abroad' });
    const beforeSigning = await b.call<PatientHistory>('review:history', { patientId: patient.id });
    expect(beforeSigning.sessions[0]?.acknowledged).toEqual([expect.objectContaining({ key: interval.key, message: null, reason: 'travelling abroad' })]);
    await b.call('session:sign', { id: early.id, passphrase: SIGNING_PASSPHRASE });
    const history = await b.call<PatientHistory>('review:history', { patientId: patient.id });
    expect(history.sessions[0]?.acknowledged).toEqual([
      expect.objectContaining({ key: interval.key, message: interval.message, reason: 'travelling abroad', by: 'Dana Reyes, MD' }),
    ]);
    expect(history.sessions[1]?.acknowledged).toEqual([]);
  });

  it('counts an amended session once, in its signed amendment', async () => {
    await session(patient, '2025-06-02', [['sternocleidomastoid', 'left', 40]]);
    const second = await session(patient, '2025-09-01', [['sternocleidomastoid', 'left', 40]]);
    const amendment = await b.call<SessionDetail>('session:amend', { id: second.id, reason: 'wrong side', passphrase: SIGNING_PASSPHRASE });
    let history = await b.call<PatientHistory>('review:history', { patientId: patient.id });
    expect(history.sessions.find((s) => s.id === second.id)?.daysSincePrevious).toBe(91);
    expect(history.sessions.find((s) => s.id === amendment.id)?.daysSincePrevious).toBeNull();
    await b.call('session:sign', { id: amendment.id, passphrase: SIGNING_PASSPHRASE });
    history = await b.call<PatientHistory>('review:history', { patientId: patient.id });
    expect(history.sessions.find((s) => s.id === second.id)?.supersededBy).toBe(amendment.id);
    expect(history.sessions.find((s) => s.id === amendment.id)?.daysSincePrevious).toBe(91);
  });
});

describe('follow-up visit', () => {
  it('records scores, satisfaction, onset and wear-off, adverse events and grades, and corrects them, audited', async () => {
    const s = await session(patient, '2026-09-01', [['sternocleidomastoid', 'left', 40]]);
    const visit = await b.call<FollowUpVisit>('followUp:save', {
      sessionId: s.id, date: '2026-10-06', satisfaction: 7, onsetDate: '2026-09-05', wearOffDate: '2026-11-20',
      scores: [{ scaleId: 'twstrs', value: '28' }, { scaleId: 'cgi_i', value: '2' }, { scaleId: 'pgi_i', value: '3' }],
      adverseEvents: [{ description: 'mild dysphagia', severity: 'mild', serious: false, relatedness: 'probable', outcome: 'resolved', onsetDate: '2026-09-10' }],
      muscleScores: [{ muscleId: 'sternocleidomastoid', side: 'left', scaleId: 'mas', value: '1+' }],
    });
    expect(visit).toMatchObject({ sessionId: s.id, satisfaction: 7, clinicianName: 'Dana Reyes, MD', wearOffDate: '2026-11-20' });
    expect(visit.scores.map((x) => `${x.scaleId}=${x.value}`)).toEqual(['twstrs=28', 'cgi_i=2', 'pgi_i=3']);
    expect(visit.adverseEvents[0]).toMatchObject({ serious: false, relatedness: 'probable', outcome: 'resolved' });
    expect(visit.muscleScores[0]).toMatchObject({ muscleId: 'sternocleidomastoid', value: '1+' });

    const corrected = await b.call<FollowUpVisit>('followUp:save', { id: visit.id, sessionId: s.id, date: '2026-10-06', satisfaction: 8, scores: [{ scaleId: 'twstrs', value: '27' }] });
    expect(corrected.scores.map((x) => x.value)).toEqual(['27']);
    expect(corrected.adverseEvents).toEqual([]);
    const history = await b.call<PatientHistory>('review:history', { patientId: patient.id });
    expect(history.sessions[0]?.followUps.map((f) => f.satisfaction)).toEqual([8]);
    const audit = await b.call<Array<{ entity: string }>>('audit:list', { sessionId: s.id, limit: 200 });
    expect(audit.map((a) => a.entity)).toEqual(expect.arrayContaining(['follow_up_visits', 'follow_up_scores', 'follow_up_adverse_events', 'muscle_scores']));
    await b.call('followUp:delete', { id: visit.id });
    expect((await b.call<PatientHistory>('review:history', { patientId: patient.id })).sessions[0]?.followUps).toEqual([]);
  });

  it('refuses impossible dates and values with a clear message, writing nothing', async () => {
    const s = await session(patient, '2026-09-01', [['sternocleidomastoid', 'left', 40]]);
    const base = { sessionId: s.id, date: '2026-10-06' };
    await expect(b.call('followUp:save', { ...base, date: '2026-08-01' })).rejects.toThrow(/before the treatment/);
    await expect(b.call('followUp:save', { ...base, date: '2026-12-24' })).rejects.toThrow(/in the future/);
    await expect(b.call('followUp:save', { ...base, onsetDate: '2026-08-30' })).rejects.toThrow(/onset date/);
    await expect(b.call('followUp:save', { ...base, onsetDate: '2026-09-10', wearOffDate: '2026-09-05' })).rejects.toThrow(/wears off before/);
    await expect(b.call('followUp:save', { ...base, scores: [{ scaleId: 'cgi_i', value: '9' }] })).rejects.toThrow(/CGI-I/);
    await expect(b.call('followUp:save', { ...base, scores: [{ scaleId: 'mas', value: '2' }] })).rejects.toThrow(/per muscle/);
    await expect(b.call('followUp:save', { ...base, scores: [{ scaleId: 'twstrs', value: '20' }, { scaleId: 'twstrs', value: '21' }] })).rejects.toThrow(/twice/);
    await expect(b.call('followUp:save', { ...base, muscleScores: [{ muscleId: 'no_such_muscle', side: 'left', scaleId: 'mas', value: '1' }] })).rejects.toThrow(/unknown muscle/);
    await expect(b.call('followUp:save', { ...base, satisfaction: 11 })).rejects.toThrow(/0 to 10/);
    expect(b.db.prepare('SELECT count(*) FROM follow_up_visits').pluck().get()).toBe(0);
  });
});

describe('grades per muscle at a session', () => {
  it('sets, changes and clears a Modified Ashworth grade per muscle and side while the session is a draft', async () => {
    const s = await session(patient, '2026-11-02', [['sternocleidomastoid', 'left', 40]], { sign: false });
    const set = (value: string | null, side: 'left' | 'right' = 'left') =>
      b.call<MuscleScore[]>('muscleScore:set', { sessionId: s.id, muscleId: 'biceps_brachii', side, scaleId: 'mas', value });
    expect((await set('2')).map((m) => m.value)).toEqual(['2']);
    expect((await set('1+')).map((m) => m.value)).toEqual(['1+']);
    expect((await set('3', 'right')).map((m) => `${m.side}:${m.value}`)).toEqual(['left:1+', 'right:3']);
    expect((await set(null)).map((m) => m.side)).toEqual(['right']);
    await expect(set('5')).rejects.toThrow(/Modified Ashworth is one of/);
    await b.call('session:sign', { id: s.id, passphrase: SIGNING_PASSPHRASE });
    await expect(set('2')).rejects.toThrow(/SIGNED/);
    expect((await b.call<MuscleScore[]>('muscleScore:list', { sessionId: s.id })).map((m) => m.value)).toEqual(['3']);
  });
});

describe('worklist', () => {
  it('lists the overdue and due-soon patients by their own interval, stale drafts, running-out authorizations and recent patients', async () => {
    // Last signed 100 days ago, no next due date: due after the reference's 84 days, so 16 days overdue.
    await session(patient, '2026-08-22', [['sternocleidomastoid', 'left', 40]]);
    // A next due date in 10 days.
    const soon = await b.call<Patient>('patient:create', { mrn: 'CD-101', familyName: 'Adeyemi', givenName: 'Tolu', birthDate: '1970-01-01' });
    await session(soon, '2026-09-30', [['sternocleidomastoid', 'left', 40]], { nextDue: '2026-12-10' });
    // Not due for weeks.
    const later = await b.call<Patient>('patient:create', { mrn: 'CD-102', familyName: 'Berg', givenName: 'Ola', birthDate: '1970-01-01' });
    await session(later, '2026-11-20', [['sternocleidomastoid', 'left', 40]]);
    // Overdue, but the next session is already open as a draft started two days ago.
    const open = await b.call<Patient>('patient:create', { mrn: 'CD-103', familyName: 'Cruz', givenName: 'Ana', birthDate: '1970-01-01' });
    await session(open, '2026-07-01', [['sternocleidomastoid', 'left', 40]]);
    b.ctx.now = () => new Date('2026-11-28T09:00:00.000Z');
    await session(open, '2026-11-28', [], { sign: false, lots: [] });
    b.ctx.now = clock;
    await b.call('priorAuth:save', { patientId: soon.id, payer: 'Acme', number: 'PA-1', validFrom: '2026-01-01', validTo: '2026-12-20', approvedUnits: 400 });
    await b.call('priorAuth:save', { patientId: later.id, payer: 'Acme', number: 'PA-2', validFrom: '2026-01-01', validTo: '2027-06-30', approvedUnits: 400, approvedVisits: 4 });
    await b.call('priorAuth:save', { patientId: patient.id, payer: 'Acme', number: 'PA-3', validFrom: '2026-01-01', validTo: '2027-06-30', approvedUnits: 45 });

    const w = await b.call<Worklist>('review:worklist', {});
    expect(w).toMatchObject({ today: '2026-11-30', defaultIntervalDays: 84, intervalSource: 'reference' });
    expect(w.due.map((d) => [d.mrn, d.daysUntilDue, d.dueFrom])).toEqual([['CD-100', -16, 'interval'], ['CD-101', 10, 'next_due_date']]);
    expect(w.drafts.map((d) => d.mrn)).toEqual(['CD-103']);
    expect(w.authorizations.map((a) => [a.number, a.reasons])).toEqual([['PA-1', ['expiring']], ['PA-3', ['units']]]);
    expect(w.authorizations.find((a) => a.number === 'PA-3')?.unitsLeft).toBe(5);
    expect(w.recent.map((r) => r.mrn)).toEqual(expect.arrayContaining(['CD-100', 'CD-101', 'CD-102', 'CD-103']));

    // The clinician's own interval from the settings replaces the reference's.
    await b.call('settings:save', { defaultRetreatmentDays: 120 });
    const mine = await b.call<Worklist>('review:worklist', {});
    expect(mine).toMatchObject({ defaultIntervalDays: 120, intervalSource: 'settings' });
    expect(mine.due.map((d) => d.mrn)).toEqual(['CD-101']);
  });
});

describe('lot recall', () => {
  it('finds every session that received a lot by prefix, with the units drawn from that vial, and exports CSV', async () => {
    const one = await session(patient, '2026-06-01', [['sternocleidomastoid', 'left', 40], ['splenius_capitis', 'right', 60]], { lots: [['C7781A', 100], ['D2000', 100]] });
    const other = await b.call<Patient>('patient:create', { mrn: 'CD-200', familyName: '+Dubois', givenName: '=cmd', birthDate: '1970-01-01' });
    await session(other, '2026-07-01', [['sternocleidomastoid', 'left', 30]], { lots: [['c7781b', 100]] });
    await session(other, '2026-09-20', [['sternocleidomastoid', 'left', 30]], { lots: [['X1', 100]] });

    // A draft is derived live (signed sessions answer from the figures stored at signing).
    await session(other, '2026-11-29', [['sternocleidomastoid', 'left', 12.5]], { lots: [['C7781C', 50]], sign: false });
    const recall = await b.call<LotRecall>('lot:search', { prefix: ' c778 ' });
    expect(recall.rows.map((r) => [r.lot, r.mrn, r.unitsFromVial, r.sessionUnits, r.status])).toEqual([
      ['C7781A', 'CD-100', 100, 100, 'signed'],
      ['c7781b', 'CD-200', 30, 30, 'signed'],
      ['C7781C', 'CD-200', 12.5, 12.5, 'draft'],
    ]);
    expect(recall.rows[0]).toMatchObject({ sessionId: one.id, otherLots: ['D2000'], siteCount: 2 });
    expect(recall.truncated).toBe(false);
    expect((await b.call<LotRecall>('lot:search', { prefix: 'D2' })).rows[0]?.unitsFromVial).toBe(0);
    expect((await b.call<LotRecall>('lot:search', { prefix: 'Z' })).rows).toEqual([]);

    const csv = await b.call<{ fileName: string; csv: string; rows: number }>('lot:csv', { prefix: 'C778' });
    expect(csv.fileName).toBe('lot-recall-C778-2026-11-30.csv');
    const lines = csv.csv.replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines).toHaveLength(4);
    expect(lines[0]).toContain('Units from this vial (U)');
    expect(lines[2]).toContain("'+DUBOIS, =cmd");
    await expect(b.call('lot:search', { prefix: '   ' })).rejects.toThrow(/first characters/);
  });
});
