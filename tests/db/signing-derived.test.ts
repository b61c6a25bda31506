// Signing asks the rules once more, refuses when data is missing (warnings never block), and keeps what
// they said with the signed record: session:derive answers a signed session from that snapshot.
import type { Patient, SessionDetail, Template } from '../../shared/domain/types.ts';
import type { SessionDerivedView } from '../../shared/ipc/contract.ts';
import type { SessionDerived } from '../../shared/rules/types.ts';
import { buildDeriveInput } from '../../electron/services/derive.ts';
import { deriveSession } from '../../shared/rules/index.ts';
import { testBackend, type TestBackend } from '../helpers/backend.ts';
import { dumpDatabase } from '../helpers/dump.ts';
import { SIGNING_PASSPHRASE, signingClinician } from '../helpers/signing.ts';

let b: TestBackend;
let patient: Patient;

function clock(): () => Date {
  let t = Date.parse('2026-12-01T09:00:00.000Z');
  return () => new Date((t += 1000));
}

const face = { viewId: 'face_front', viewVersion: 1, x: 300, y: 200, muscleId: 'frontalis', side: 'left' };
const vial = { productId: 'onabotulinumtoxinA', sizeUnits: 100, lot: 'C77', expiry: '2028-01-31', diluentMl: 2 };

async function draft(units: number[], options: { vial?: boolean; date?: string } = {}): Promise<SessionDetail> {
  const s = await b.call<SessionDetail>('session:create', {
    patientId: patient.id, date: options.date ?? '2026-11-20', indication: 'chronic_migraine', productId: 'onabotulinumtoxinA',
  });
  if (options.vial !== false) await b.call('vial:add', { sessionId: s.id, ...vial });
  for (const u of units) await b.call('site:add', { sessionId: s.id, ...face, units: u });
  return b.call<SessionDetail>('session:get', { id: s.id });
}

const derive = (sessionId: string) => b.call<SessionDerivedView>('session:derive', { sessionId });

function stored(sessionId: string): { derived: string; derived_at: string } | undefined {
  return b.db.prepare<[string], { derived: string; derived_at: string }>('SELECT derived, derived_at FROM session_derived WHERE session_id = ?').get(sessionId);
}

beforeEach(async () => {
  b = await testBackend(undefined, { now: clock() });
  await b.call('clinician:add', signingClinician());
  patient = await b.call<Patient>('patient:create', { mrn: 'MRN-61', familyName: 'Nguyen', givenName: 'Linh', birthDate: '1975-09-09' });
});
afterEach(() => b.dispose());

describe('signing', () => {
  it('is refused while data is missing, naming what to record, and nothing changes', async () => {
    const s = await draft([5, 5], { vial: false });
    const missing = (await derive(s.id)).completeness;
    expect(missing.length).toBeGreaterThan(0);
    const before = dumpDatabase(b.db);
    const r = await b.dispatch('session:sign', { id: s.id, passphrase: SIGNING_PASSPHRASE });
    expect(r).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
    if (!r.ok) for (const m of missing) expect(r.error.message).toContain(m.message);
    expect(dumpDatabase(b.db)).toBe(before);
    expect((await b.call<SessionDetail>('session:get', { id: s.id })).status).toBe('draft');

    await b.call('vial:add', { sessionId: s.id, ...vial });
    expect((await derive(s.id)).completeness).toEqual([]);
    expect((await b.call<SessionDetail>('session:sign', { id: s.id, passphrase: SIGNING_PASSPHRASE })).status).toBe('signed');
  });

  it('is not blocked by warnings, only by missing data', async () => {
    // A dose elsewhere two weeks earlier: whatever the rules warn about it, signing goes ahead.
    await b.call('externalDose:add', { patientId: patient.id, date: '2026-11-06', productId: 'onabotulinumtoxinA', units: 12, where: 'cosmetic clinic' });
    const s = await draft([5, 5]);
    const live = await derive(s.id);
    expect(live.findings.some((f) => f.severity === 'warning')).toBe(true);
    expect(live.completeness).toEqual([]);
    expect((await b.call<SessionDetail>('session:sign', { id: s.id, passphrase: SIGNING_PASSPHRASE })).status).toBe('signed');
    expect((await derive(s.id)).findings).toEqual(live.findings);
  });

  it('of a session that departs from its template needs the reason, given as an acknowledgement', async () => {
    const source = await draft([5, 2.5]);
    const template = await b.call<Template>('template:saveFromSession', { sessionId: source.id, name: 'Forehead' });
    const s = await b.call<SessionDetail>('session:create', { patientId: patient.id, date: '2026-11-25', indication: 'chronic_migraine', productId: 'onabotulinumtoxinA', templateId: template.id });
    await b.call('vial:add', { sessionId: s.id, ...vial });
    await b.call('site:update', { id: s.sites[0]?.id, units: 10 });
    const departure = (await derive(s.id)).findings.find((f) => f.kind === 'template_departure');
    expect(departure).toBeDefined();
    await expect(b.call('session:sign', { id: s.id, passphrase: SIGNING_PASSPHRASE })).rejects.toThrow(/BAD_INPUT/);
    await b.call('finding:acknowledge', { sessionId: s.id, key: departure?.key, kind: departure?.kind, reason: 'more frontal pain this time' });
    expect((await b.call<SessionDetail>('session:sign', { id: s.id, passphrase: SIGNING_PASSPHRASE })).status).toBe('signed');
    const kept = (await derive(s.id)).findings.find((f) => f.key === departure?.key);
    expect(kept?.acknowledgement).toMatchObject({ by: 'Dana Reyes, MD', reason: 'more frontal pain this time' });
  });
});

describe('the figures of a signed session', () => {
  it('are stored at signing as the rules gave them, and answered from there with the time they were derived', async () => {
    const s = await draft([5, 2.5]);
    const beforeSigning = await derive(s.id);
    expect(beforeSigning.signedSnapshot).toBeUndefined();
    const signed = await b.call<SessionDetail>('session:sign', { id: s.id, passphrase: SIGNING_PASSPHRASE });
    const row = stored(s.id);
    expect(row?.derived_at).toBe(signed.signedAt);
    expect(JSON.parse(row?.derived ?? 'null')).toEqual(beforeSigning);
    const answer = await derive(s.id);
    expect(answer).toEqual({ ...beforeSigning, signedSnapshot: { derivedAt: signed.signedAt } });
  });

  it('stay as signed when what the rules would say changes afterwards', async () => {
    const s = await draft([5, 5], { date: '2026-11-20' });
    await b.call('session:sign', { id: s.id, passphrase: SIGNING_PASSPHRASE });
    const atSigning = JSON.parse(stored(s.id)?.derived ?? 'null') as SessionDerived;
    // Learned afterwards: a dose given elsewhere a week before that visit.
    await b.call('externalDose:add', { patientId: patient.id, date: '2026-11-13', productId: 'onabotulinumtoxinA', units: 40, where: 'pain clinic' });
    const wouldSayNow = deriveSession(buildDeriveInput(b.ctx, s.id));
    expect(wouldSayNow).not.toEqual(atSigning);
    const { signedSnapshot, ...answer } = await derive(s.id);
    expect(answer).toEqual(atSigning);
    expect(signedSnapshot?.derivedAt).toMatch(/^2026-12-01T/);
  });

  it('cannot be changed or removed, by any code', async () => {
    const s = await draft([5]);
    await b.call('session:sign', { id: s.id, passphrase: SIGNING_PASSPHRASE });
    const db = b.db;
    expect(() => db.prepare("UPDATE session_derived SET derived = '{}' WHERE session_id = ?").run(s.id)).toThrow(/SIGNED_IMMUTABLE/);
    expect(() => db.prepare('DELETE FROM session_derived WHERE session_id = ?').run(s.id)).toThrow(/SIGNED_IMMUTABLE/);
    const other = await draft([5]);
    await b.call('session:sign', { id: other.id, passphrase: SIGNING_PASSPHRASE });
    expect(() => db.prepare("UPDATE session_derived SET session_id = ? WHERE session_id = ?").run(other.id, s.id)).toThrow(/SIGNED_IMMUTABLE/);
    expect(() => db.prepare("INSERT INTO session_derived (session_id, derived, derived_at) VALUES (?, '{}', 't')").run(s.id)).toThrow(/SIGNED_IMMUTABLE/);
    expect(JSON.parse(stored(s.id)?.derived ?? '{}')).toMatchObject({ totals: { units: 5 } });
  });

  it('of a session signed before figures were stored are derived live, without a snapshot time', async () => {
    const s = await draft([5]);
    // As an older version of the app signed: no stored figures.
    b.db.prepare("UPDATE sessions SET status = 'signed', signed_at = 't', signed_by = 'Dr. Old' WHERE id = ?").run(s.id);
    const answer = await derive(s.id);
    expect(answer.signedSnapshot).toBeUndefined();
    expect(answer.totals.units).toBe(5);
  });

  it('are not copied into an amendment, which is derived live and stores its own when signed', async () => {
    const s = await draft([5, 5]);
    await b.call('finding:acknowledge', { sessionId: s.id, key: 'interval:previous', kind: 'interval', reason: 'travelling' });
    await b.call('session:sign', { id: s.id, passphrase: SIGNING_PASSPHRASE });
    const amendment = await b.call<SessionDetail>('session:amend', { id: s.id, reason: 'second site was 2.5 U', passphrase: SIGNING_PASSPHRASE });
    expect(stored(amendment.id)).toBeUndefined();
    expect((await derive(amendment.id)).signedSnapshot).toBeUndefined();
    const acks = b.db.prepare('SELECT finding_key, reason, acknowledged_by FROM finding_acknowledgements WHERE session_id = ?').all(amendment.id);
    expect(acks).toEqual([{ finding_key: 'interval:previous', reason: 'travelling', acknowledged_by: 'Dana Reyes, MD' }]);
    await b.call('site:update', { id: amendment.sites[1]?.id, units: 2.5 });
    await b.call('session:sign', { id: amendment.id, passphrase: SIGNING_PASSPHRASE });
    expect((await derive(amendment.id)).totals.units).toBe(7.5);
    expect((await derive(s.id)).totals.units).toBe(10);
  });

  it('of a discarded draft leave nothing behind', async () => {
    const s = await draft([5]);
    await b.call('finding:acknowledge', { sessionId: s.id, key: 'interval:previous', kind: 'interval', reason: 'travelling' });
    await b.call('session:delete', { id: s.id });
    expect(b.db.prepare('SELECT count(*) FROM finding_acknowledgements').pluck().get()).toBe(0);
    expect((await b.dispatch('session:derive', { sessionId: s.id })).ok).toBe(false);
  });
});
