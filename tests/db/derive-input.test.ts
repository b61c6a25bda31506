// What the clinical rules are told about a session: its own record, and which of the patient's other
// records count as earlier doses (buildDeriveInput, electron/services/derive.ts).
import type { ExternalDose, Patient, SessionDetail } from '../../shared/domain/types.ts';
import type { PriorDose } from '../../shared/rules/types.ts';
import { buildDeriveInput } from '../../electron/services/derive.ts';
import { signAndSeal } from '../../electron/trust/seal.ts';
import { testBackend, type TestBackend } from '../helpers/backend.ts';
import { SIGNING_PASSPHRASE, signingClinician } from '../helpers/signing.ts';

let b: TestBackend;
let patient: Patient;

/** A clock that starts on 2026-12-01 and advances one second per reading, so records keep their order. */
function clock(): () => Date {
  let t = Date.parse('2026-12-01T09:00:00.000Z');
  return () => new Date((t += 1000));
}

const face = { viewId: 'face_front', viewVersion: 1, x: 300, y: 200, muscleId: 'frontalis', side: 'left' };

async function session(date: string, units: number[], extra: Record<string, unknown> = {}): Promise<SessionDetail> {
  const s = await b.call<SessionDetail>('session:create', { patientId: patient.id, date, indication: 'chronic_migraine', productId: 'onabotulinumtoxinA' });
  await b.call('vial:add', { sessionId: s.id, productId: 'onabotulinumtoxinA', sizeUnits: 100, lot: 'L1', expiry: '2028-01-31', diluentMl: 2 });
  for (const u of units) await b.call('site:add', { sessionId: s.id, ...face, units: u });
  if (Object.keys(extra).length > 0) await b.call('session:update', { id: s.id, ...extra });
  return b.call<SessionDetail>('session:get', { id: s.id });
}

async function signed(date: string, units: number[], extra: Record<string, unknown> = {}): Promise<SessionDetail> {
  const s = await session(date, units, extra);
  return b.call<SessionDetail>('session:sign', { id: s.id, passphrase: SIGNING_PASSPHRASE });
}

/** Amends a signed session, setting every site to the given units. */
async function amendment(of: SessionDetail, units: number): Promise<SessionDetail> {
  const a = await b.call<SessionDetail>('session:amend', { id: of.id, reason: 'units corrected', passphrase: SIGNING_PASSPHRASE });
  for (const site of a.sites) await b.call('site:update', { id: site.id, units });
  return b.call<SessionDetail>('session:get', { id: a.id });
}

const ids = (earlier: PriorDose[]) => earlier.map((d) => d.id);

beforeEach(async () => {
  b = await testBackend(undefined, { now: clock() });
  await b.call('clinician:add', signingClinician());
  patient = await b.call<Patient>('patient:create', { mrn: 'MRN-41', familyName: 'Lindqvist', givenName: 'Åsa', birthDate: '1971-06-15' });
});
afterEach(() => b.dispose());

describe("a session's earlier doses", () => {
  it('are the latest signed version of each other session dated on or before it, plus doses given elsewhere', async () => {
    const january = await signed('2026-01-10', [5, 5]);
    const januaryAmended = await amendment(january, 2.5);
    await b.call('session:sign', { id: januaryAmended.id, passphrase: SIGNING_PASSPHRASE });
    const march = await signed('2026-03-01', [1.25, 1.25, 2.5]);
    const openAmendment = await b.call<SessionDetail>('session:amend', { id: march.id, reason: 'note added', passphrase: SIGNING_PASSPHRASE });
    const abandonedDraft = await session('2026-02-01', [50]);
    const sameDay = await signed('2026-06-01', [5]);
    const later = await signed('2026-09-01', [5]);
    const other = await b.call<Patient>('patient:create', { mrn: 'MRN-42', familyName: 'Other', givenName: 'Pat', birthDate: '1980-01-01' });
    const othersSession = await b.call<SessionDetail>('session:create', { patientId: other.id, date: '2026-05-01', indication: 'chronic_migraine' });
    const cosmetic = await b.call<ExternalDose>('externalDose:add', {
      patientId: patient.id, date: '2026-05-01', productId: 'onabotulinumtoxinA', units: 12, where: 'cosmetic clinic',
    });
    const elsewhereLater = await b.call<ExternalDose>('externalDose:add', {
      patientId: patient.id, date: '2026-07-01', productId: 'abobotulinumtoxinA', units: 30, where: 'hospital', indication: 'cervical_dystonia',
    });
    const today = await session('2026-06-01', [5]);

    const input = buildDeriveInput(b.ctx, today.id);
    expect(ids(input.earlier)).toEqual([januaryAmended.id, march.id, cosmetic.id, sameDay.id]);
    for (const left of [january, openAmendment, abandonedDraft, later, othersSession, today]) expect(ids(input.earlier)).not.toContain(left.id);
    expect(ids(input.earlier)).not.toContain(elsewhereLater.id);
    const byId = new Map(input.earlier.map((d) => [d.id, d]));
    expect(byId.get(januaryAmended.id)).toEqual({
      id: januaryAmended.id, date: '2026-01-10', productId: 'onabotulinumtoxinA', indications: ['chronic_migraine'], units: 5, origin: 'session',
    });
    // 1.25 + 1.25 + 2.5 is exactly 5 (summed in hundredths, not in binary floating point).
    expect(byId.get(march.id)?.units).toBe(5);
    expect(byId.get(cosmetic.id)).toEqual({
      id: cosmetic.id, date: '2026-05-01', productId: 'onabotulinumtoxinA', indications: [], units: 12, origin: 'elsewhere', where: 'cosmetic clinic',
    });
  });

  it("of an open amendment leave out the original it corrects, which is the same treatment", async () => {
    const earlier = await signed('2026-02-01', [5]);
    const original = await signed('2026-05-01', [5, 5]);
    const correction = await amendment(original, 2.5);
    expect(ids(buildDeriveInput(b.ctx, correction.id).earlier)).toEqual([earlier.id]);
    // Once signed, a second correction leaves out both earlier versions of the record.
    await b.call('session:sign', { id: correction.id, passphrase: SIGNING_PASSPHRASE });
    const second = await amendment(correction, 1.25);
    expect(ids(buildDeriveInput(b.ctx, second.id).earlier)).toEqual([earlier.id]);
  });

  it('of a signed session leave out its own later amendments', async () => {
    const original = await signed('2026-05-01', [5]);
    const correction = await amendment(original, 2.5);
    await b.call('session:sign', { id: correction.id, passphrase: SIGNING_PASSPHRASE });
    expect(ids(buildDeriveInput(b.ctx, original.id).earlier)).toEqual([]);
  });

  it("follow an earlier session's correction: its units are those of the latest signed version", async () => {
    const original = await signed('2026-03-01', [5, 5]);
    const today = await session('2026-06-01', [5]);
    expect(buildDeriveInput(b.ctx, today.id).earlier).toEqual([expect.objectContaining({ id: original.id, units: 10 })]);
    const correction = await amendment(original, 1.25);
    expect(buildDeriveInput(b.ctx, today.id).earlier).toEqual([expect.objectContaining({ id: original.id, units: 10 })]);
    await b.call('session:sign', { id: correction.id, passphrase: SIGNING_PASSPHRASE });
    expect(buildDeriveInput(b.ctx, today.id).earlier).toEqual([expect.objectContaining({ id: correction.id, units: 2.5 })]);
  });

  it('are kept between derivations and read again when a session of the patient is signed or the date changes', async () => {
    const march = await signed('2026-03-01', [5]);
    const today = await session('2026-06-01', [5]);
    const first = buildDeriveInput(b.ctx, today.id).earlier;
    expect(ids(first)).toEqual([march.id]);
    // Kept: the same frozen doses again.
    expect(buildDeriveInput(b.ctx, today.id).earlier[0]).toBe(first[0]);
    expect(Object.isFrozen(first[0])).toBe(true);
    const april = await signed('2026-04-01', [2.5]);
    expect(ids(buildDeriveInput(b.ctx, today.id).earlier)).toEqual([march.id, april.id]);
    await b.call('session:update', { id: today.id, date: '2026-03-15' });
    expect(ids(buildDeriveInput(b.ctx, today.id).earlier)).toEqual([march.id]);
  });

  it('are never taken from a derivation inside a signing that was rolled back', async () => {
    const today = await session('2026-06-01', [5]);
    const undone = await session('2026-02-01', [5]);
    expect(() =>
      b.ctx.db.transaction(() => {
        const signer = b.ctx.db.prepare('SELECT id FROM clinicians LIMIT 1').pluck().get() as string;
        signAndSeal(b.ctx.db, undone.id, { signedAt: '2026-12-01T10:00:00.000Z', signedBy: 'Dr. Test', signerId: signer });
        expect(ids(buildDeriveInput(b.ctx, today.id).earlier)).toEqual([undone.id]);
        throw new Error('rolled back');
      })(),
    ).toThrow('rolled back');
    // One other session signed: the patient has as many signed sessions as inside the rolled-back one.
    const march = await signed('2026-03-01', [2.5]);
    expect(ids(buildDeriveInput(b.ctx, today.id).earlier)).toEqual([march.id]);
  });

  it('count the other indications treated at those sessions', async () => {
    const s = await signed('2026-03-01', [5], { otherIndications: ['cervical_dystonia'] });
    const today = await session('2026-06-01', [5]);
    expect(buildDeriveInput(b.ctx, today.id).earlier).toEqual([expect.objectContaining({ id: s.id, indications: ['chronic_migraine', 'cervical_dystonia'] })]);
  });
});

describe("the session's own record", () => {
  it('carries its sites in order, vials, template, acknowledgements, birth date and today', async () => {
    const s = await session('2026-06-01', [5, 2.5], { otherIndications: ['cervical_dystonia'], guidance: ['emg'] });
    await b.call('finding:acknowledge', { sessionId: s.id, key: 'interval:short', kind: 'interval', reason: 'travelling next month' });
    const input = buildDeriveInput(b.ctx, s.id);
    expect(input.today).toBe('2026-12-01');
    expect(input.patient).toEqual({ birthDate: '1971-06-15' });
    expect(input.session).toMatchObject({
      id: s.id, date: '2026-06-01', indication: 'chronic_migraine', otherIndications: ['cervical_dystonia'], productId: 'onabotulinumtoxinA',
      guidance: ['emg'], startedAt: s.startedAt, template: null,
    });
    expect(input.session.sites.map((x) => [x.seq, x.units, x.muscleId, x.side, x.guidance])).toEqual([
      [1, 5, 'frontalis', 'left', 'none'],
      [2, 2.5, 'frontalis', 'left', 'none'],
    ]);
    expect(input.session.sites.every((x) => typeof x.createdAt === 'string')).toBe(true);
    expect(input.session.vials).toEqual([
      expect.objectContaining({ productId: 'onabotulinumtoxinA', sizeUnits: 100, lot: 'L1', expiry: '2028-01-31', diluentMl: 2, reconstitutedAt: null }),
    ]);
    expect(input.acknowledgements).toEqual([expect.objectContaining({ key: 'interval:short', by: 'Dana Reyes, MD', reason: 'travelling next month' })]);
  });

  it("weighs the patient with this visit's weight, else the latest one on an earlier signed session", async () => {
    await signed('2026-01-10', [5], { weightKg: 70 });
    await signed('2026-03-01', [5], { weightKg: 68.5 });
    await signed('2026-04-01', [5]);
    await session('2026-05-01', [5], { weightKg: 90 }); // a draft is not on record
    await signed('2026-09-01', [5], { weightKg: 75 }); // later than the session
    const today = await session('2026-06-01', [5]);
    expect(buildDeriveInput(b.ctx, today.id).weightKg).toBe(68.5);
    await b.call('session:update', { id: today.id, weightKg: 66 });
    expect(buildDeriveInput(b.ctx, today.id).weightKg).toBe(66);
  });

  it('has no weight when none was ever recorded', async () => {
    const s = await session('2026-06-01', [5]);
    expect(buildDeriveInput(b.ctx, s.id).weightKg).toBeNull();
  });
});
