// What the rules read besides the sites, as the clinician records it: weight at the visit, the template a
// session started from, doses given elsewhere, and acknowledgements of findings.
import type { AuditEntry, ExternalDose, FindingAcknowledgement, Patient, SessionDetail, Template } from '../../shared/domain/types.ts';
import type { SessionDerivedView } from '../../shared/ipc/contract.ts';
import { testBackend, type TestBackend } from '../helpers/backend.ts';
import { SIGNING_PASSPHRASE, signingClinician } from '../helpers/signing.ts';

let b: TestBackend;
let patient: Patient;

function clock(): () => Date {
  let t = Date.parse('2026-12-01T09:00:00.000Z');
  return () => new Date((t += 1000));
}

const face = { viewId: 'face_front', viewVersion: 1, x: 300, y: 200, muscleId: 'frontalis', side: 'left' };
const vial = { productId: 'onabotulinumtoxinA', sizeUnits: 100, lot: 'C77', expiry: '2028-01-31', diluentMl: 2 };

async function draft(units: number[], date = '2026-11-20', extra: Record<string, unknown> = {}): Promise<SessionDetail> {
  const s = await b.call<SessionDetail>('session:create', { patientId: patient.id, date, indication: 'chronic_migraine', productId: 'onabotulinumtoxinA', ...extra });
  await b.call('vial:add', { sessionId: s.id, ...vial });
  for (const u of units) await b.call('site:add', { sessionId: s.id, ...face, units: u });
  return b.call<SessionDetail>('session:get', { id: s.id });
}

async function refusal(channel: string, input: unknown): Promise<{ code: string; message: string }> {
  const r = await b.dispatch(channel, input);
  if (r.ok) throw new Error(`${channel} was accepted`);
  return r.error;
}

beforeEach(async () => {
  b = await testBackend(undefined, { now: clock() });
  await b.call('clinician:add', signingClinician());
  patient = await b.call<Patient>('patient:create', { mrn: 'MRN-51', familyName: 'Okafor', givenName: 'Ada', birthDate: '1968-04-02' });
});
afterEach(() => b.dispose());

describe("the patient's weight at the visit", () => {
  it('is recorded on the draft, shown with the session, audited, and can be cleared', async () => {
    const s = await draft([5]);
    expect(s.weightKg).toBeNull();
    expect((await b.call<SessionDetail>('session:update', { id: s.id, weightKg: 72.5 })).weightKg).toBe(72.5);
    const [entry] = await b.call<AuditEntry[]>('audit:list', { entity: 'sessions', entityId: s.id, limit: 1 });
    expect(entry?.before).toMatchObject({ weight_kg: null });
    expect(entry?.after).toMatchObject({ weight_kg: 72.5 });
    expect((await b.call<SessionDetail>('session:update', { id: s.id, notes: 'calm' })).weightKg).toBe(72.5);
    expect((await b.call<SessionDetail>('session:update', { id: s.id, weightKg: null })).weightKg).toBeNull();
  });

  it('must be plausible (0.5 to 400 kg), in the contract and in the database', async () => {
    const s = await draft([5]);
    for (const weightKg of [0, 0.4, 400.5, -70, '70']) {
      expect((await refusal('session:update', { id: s.id, weightKg })).code).toBe('BAD_INPUT');
    }
    expect((await b.call<SessionDetail>('session:update', { id: s.id, weightKg: 0.5 })).weightKg).toBe(0.5);
    expect((await b.call<SessionDetail>('session:update', { id: s.id, weightKg: 400 })).weightKg).toBe(400);
    expect(() => b.db.prepare('UPDATE sessions SET weight_kg = 1000 WHERE id = ?').run(s.id)).toThrow(/CHECK/);
  });
});

describe('the template a session started from', () => {
  it('is kept as it was, even after an own template is deleted, and copied into an amendment', async () => {
    const source = await draft([5, 2.5]);
    const template = await b.call<Template>('template:saveFromSession', { sessionId: source.id, name: 'My forehead map' });
    const s = await b.call<SessionDetail>('session:create', { patientId: patient.id, date: '2026-11-25', indication: 'chronic_migraine', productId: 'onabotulinumtoxinA', templateId: template.id });
    const expected = {
      id: template.id, name: 'My forehead map',
      sites: [{ muscleId: 'frontalis', side: 'left', units: 5 }, { muscleId: 'frontalis', side: 'left', units: 2.5 }],
    };
    expect(s.templateOrigin).toEqual(expected);
    await b.call('template:delete', { id: template.id });
    expect((await b.call<SessionDetail>('session:get', { id: s.id })).templateOrigin).toEqual(expected);

    await b.call('vial:add', { sessionId: s.id, ...vial });
    await b.call('session:sign', { id: s.id, passphrase: SIGNING_PASSPHRASE });
    const amendment = await b.call<SessionDetail>('session:amend', { id: s.id, reason: 'lot corrected', passphrase: SIGNING_PASSPHRASE });
    expect(amendment.templateOrigin).toEqual(expected);
  });

  it('is a built-in protocol by name and sites, and nothing when starting empty or from an earlier map', async () => {
    const preempt = (await b.call<Template[]>('template:list', { indication: 'chronic_migraine' })).find((t) => t.builtin);
    const s = await b.call<SessionDetail>('session:create', { patientId: patient.id, date: '2026-11-20', indication: 'chronic_migraine', templateId: preempt?.id });
    expect(s.templateOrigin?.name).toBe(preempt?.name);
    expect(s.templateOrigin?.sites).toEqual(preempt?.sites.map((t) => ({ muscleId: t.muscleId, side: t.side, units: t.units })));
    const fromEarlier = await b.call<SessionDetail>('session:create', { patientId: patient.id, date: '2026-11-21', indication: 'chronic_migraine', fromSessionId: s.id });
    expect(fromEarlier.templateOrigin).toBeNull();
    expect((await draft([5])).templateOrigin).toBeNull();
  });
});

describe('doses given elsewhere', () => {
  const dose = (extra: Record<string, unknown> = {}) => ({
    patientId: patient.id, date: '2026-10-02', productId: 'onabotulinumtoxinA', units: 12, where: 'cosmetic clinic', ...extra,
  });

  it('are added, listed newest first and removed, each change audited', async () => {
    const first = await b.call<ExternalDose>('externalDose:add', dose({ note: 'glabellar lines' }));
    expect(first).toMatchObject({ patientId: patient.id, date: '2026-10-02', productId: 'onabotulinumtoxinA', units: 12, where: 'cosmetic clinic', indication: null, note: 'glabellar lines' });
    const second = await b.call<ExternalDose>('externalDose:add', dose({ date: '2026-11-30', productId: 'abobotulinumtoxinA', units: 30, where: 'hospital, Lyon', indication: 'cervical_dystonia' }));
    expect((await b.call<ExternalDose[]>('externalDose:list', { patientId: patient.id })).map((d) => d.id)).toEqual([second.id, first.id]);
    await b.call('externalDose:remove', { id: first.id });
    expect((await b.call<ExternalDose[]>('externalDose:list', { patientId: patient.id })).map((d) => d.id)).toEqual([second.id]);
    const audit = await b.call<AuditEntry[]>('audit:list', { entity: 'external_doses', entityId: first.id });
    expect(audit.map((e) => e.action)).toEqual(['delete', 'insert']);
    expect(audit[1]?.after).toMatchObject({ where_given: 'cosmetic clinic', units: 12 });
    expect(audit.every((e) => e.author === 'Dana Reyes, MD')).toBe(true);
    expect((await refusal('externalDose:remove', { id: first.id })).code).toBe('NOT_FOUND');
  });

  it('are dated between the date of birth and today, for a known patient, with a known product and where', async () => {
    expect(await refusal('externalDose:add', dose({ date: '1968-04-01' }))).toMatchObject({ code: 'BAD_INPUT', message: expect.stringMatching(/before the date of birth/) });
    expect(await refusal('externalDose:add', dose({ date: '2026-12-02' }))).toMatchObject({ code: 'BAD_INPUT', message: expect.stringMatching(/future/) });
    expect((await refusal('externalDose:add', dose({ productId: 'snake_oil' }))).code).toBe('BAD_INPUT');
    expect((await refusal('externalDose:add', dose({ where: '  ' }))).code).toBe('BAD_INPUT');
    expect((await refusal('externalDose:add', dose({ patientId: '00000000-0000-4000-8000-000000000000' }))).code).toBe('NOT_FOUND');
    expect((await b.call<ExternalDose>('externalDose:add', dose({ date: '1968-04-02' }))).date).toBe('1968-04-02');
    expect((await b.call<ExternalDose>('externalDose:add', dose({ date: '2026-12-01' }))).date).toBe('2026-12-01');
  });
});

describe('acknowledging a finding', () => {
  const ack = (sessionId: string, reason: string) => ({ sessionId, key: 'interval:previous', kind: 'interval', reason });

  it('records who, when and why; acknowledging again replaces the reason, audited under the session', async () => {
    const s = await draft([5]);
    const first = await b.call<FindingAcknowledgement>('finding:acknowledge', ack(s.id, 'travelling for three months'));
    expect(first).toMatchObject({ sessionId: s.id, key: 'interval:previous', kind: 'interval', reason: 'travelling for three months', by: 'Dana Reyes, MD' });
    const again = await b.call<FindingAcknowledgement>('finding:acknowledge', ack(s.id, 'agreed with the patient'));
    expect(again).toMatchObject({ id: first.id, reason: 'agreed with the patient' });
    expect(b.db.prepare('SELECT count(*) FROM finding_acknowledgements').pluck().get()).toBe(1);
    const history = await b.call<AuditEntry[]>('audit:list', { sessionId: s.id, entity: 'finding_acknowledgements' });
    expect(history.map((e) => e.action)).toEqual(['update', 'insert']);
    expect(history[0]?.before).toMatchObject({ reason: 'travelling for three months' });
    expect(history[0]?.after).toMatchObject({ reason: 'agreed with the patient' });

    expect(await b.call('finding:unacknowledge', { sessionId: s.id, key: 'interval:previous' })).toEqual({ sessionId: s.id, key: 'interval:previous' });
    expect((await b.call<AuditEntry[]>('audit:list', { sessionId: s.id, entity: 'finding_acknowledgements', limit: 1 }))[0]?.action).toBe('delete');
    expect((await refusal('finding:unacknowledge', { sessionId: s.id, key: 'interval:previous' })).code).toBe('NOT_FOUND');
  });

  it('is shown on the finding it names', async () => {
    const source = await draft([5, 2.5]);
    const template = await b.call<Template>('template:saveFromSession', { sessionId: source.id, name: 'Forehead' });
    const s = await b.call<SessionDetail>('session:create', { patientId: patient.id, date: '2026-11-25', indication: 'chronic_migraine', productId: 'onabotulinumtoxinA', templateId: template.id });
    await b.call('site:update', { id: s.sites[0]?.id, units: 10 });
    const departure = (await b.call<SessionDerivedView>('session:derive', { sessionId: s.id })).findings.find((f) => f.kind === 'template_departure');
    expect(departure?.acknowledgement).toBeUndefined();
    await b.call('finding:acknowledge', { sessionId: s.id, key: departure?.key, kind: departure?.kind, reason: 'more frontal pain this time' });
    const after = (await b.call<SessionDerivedView>('session:derive', { sessionId: s.id })).findings.find((f) => f.key === departure?.key);
    expect(after?.acknowledgement).toMatchObject({ by: 'Dana Reyes, MD', reason: 'more frontal pain this time' });
  });

  it('needs a clinician profile', async () => {
    const other = await testBackend(undefined, { now: clock() });
    try {
      const p = await other.call<Patient>('patient:create', { mrn: 'X-1', familyName: 'A', givenName: 'B', birthDate: '1970-01-01' });
      const s = await other.call<SessionDetail>('session:create', { patientId: p.id, date: '2026-11-20', indication: 'chronic_migraine' });
      const r = await other.dispatch('finding:acknowledge', ack(s.id, 'reason'));
      expect(r).toMatchObject({ ok: false, error: { code: 'BAD_INPUT', message: expect.stringMatching(/clinician profile/) } });
    } finally {
      other.dispose();
    }
  });

  it('is refused on a signed session, by the service and by the database itself', async () => {
    const s = await draft([5]);
    await b.call('finding:acknowledge', ack(s.id, 'before signing'));
    await b.call('session:sign', { id: s.id, passphrase: SIGNING_PASSPHRASE });
    expect((await refusal('finding:acknowledge', { ...ack(s.id, 'after'), key: 'other' })).code).toBe('SIGNED');
    expect((await refusal('finding:acknowledge', ack(s.id, 'changed my mind'))).code).toBe('SIGNED');
    expect((await refusal('finding:unacknowledge', { sessionId: s.id, key: 'interval:previous' })).code).toBe('SIGNED');
    const db = b.db;
    expect(() =>
      db.prepare(`INSERT INTO finding_acknowledgements (id, session_id, finding_key, finding_kind, reason, acknowledged_by, acknowledged_at)
        VALUES ('x', ?, 'k', 'interval', 'r', 'me', 't')`).run(s.id),
    ).toThrow(/SIGNED_IMMUTABLE/);
    expect(() => db.prepare("UPDATE finding_acknowledgements SET reason = 'x' WHERE session_id = ?").run(s.id)).toThrow(/SIGNED_IMMUTABLE/);
    expect(() => db.prepare('DELETE FROM finding_acknowledgements WHERE session_id = ?').run(s.id)).toThrow(/SIGNED_IMMUTABLE/);
    expect(db.prepare('SELECT reason FROM finding_acknowledgements WHERE session_id = ?').pluck().all(s.id)).toEqual(['before signing']);
  });
});
