import { CHANNELS } from '../../shared/ipc/channels.ts';
import { contract, type Channel } from '../../shared/ipc/contract.ts';
import type { Patient, SessionDetail, Site } from '../../shared/domain/types.ts';
import { testBackend, type TestBackend } from '../helpers/backend.ts';
import { dumpDatabase } from '../helpers/dump.ts';

let b: TestBackend;
let patient: Patient;
let session: SessionDetail;
let site: Site;

beforeAll(async () => {
  b = await testBackend();
  patient = await b.call('patient:create', { mrn: 'A-1001', familyName: 'Okafor', givenName: 'Ada', birthDate: '1968-04-02' });
  session = await b.call('session:create', { patientId: patient.id, date: '2026-11-20', indication: 'chronic_migraine' });
  site = await b.call('site:add', {
    sessionId: session.id, viewId: 'face_front', viewVersion: 1, x: 400, y: 200, muscleId: 'frontalis', side: 'left', units: 5,
  });
});
afterAll(() => b.dispose());

const GENERIC_BAD: unknown[] = [undefined, null, 'text', 42, true, [], [{}], { unexpected: 1 }];
const uuid = '00000000-0000-4000-8000-000000000000';

/** Inputs that are well-formed JSON but wrong for the channel: each must be refused before any service runs. */
const okSite = { sessionId: uuid, viewId: 'face_front', viewVersion: 1, x: 1, y: 1, muscleId: 'frontalis', side: 'left', units: 5 };
const okPatient = { mrn: 'M1', familyName: 'A', givenName: 'B', birthDate: '1970-01-01' };
const SPECIFIC_BAD: Partial<Record<Channel, unknown[]>> = {
  'app:info': [{ verbose: true }],
  'patient:create': [
    { ...okPatient, mrn: '' },
    { ...okPatient, mrn: 'has space' },
    { ...okPatient, birthDate: '1970-02-30' },
    { ...okPatient, birthDate: '01/02/1970' },
    { ...okPatient, familyName: 'x'.repeat(101) },
    { ...okPatient, familyName: '   ' },
    { ...okPatient, sex: 'x' },
    { mrn: 'M1', familyName: 'A', givenName: 'B' },
  ],
  'patient:update': [{ id: uuid, birthDate: '2020-02-31' }, { id: uuid, mrn: '' }, { mrn: 'M2' }],
  'patient:get': [{ id: 'not-a-uuid' }, { id: 5 }, { id: uuid, extra: 1 }],
  'patient:search': [{ query: 5 }, { query: 'a', limit: 0 }, { query: 'a', limit: 1.5 }, { query: 'x'.repeat(101) }],
  'patient:addCondition': [
    { patientId: uuid, indication: 'blepharospasm', icd10Code: 'not a code' },
    { patientId: uuid, indication: 'nope', icd10Code: 'G24.5' },
    { patientId: uuid, indication: 'blepharospasm', icd10Code: 'G24.5', side: 'up' },
  ],
  'session:create': [
    { patientId: 'nope', date: '2026-01-01', indication: 'blepharospasm' },
    { patientId: uuid, date: '2026-13-01', indication: 'blepharospasm' },
    { patientId: uuid, date: '2026-01-01', indication: 'hiccups' },
    { patientId: uuid, date: '2026-01-01', indication: 'blepharospasm', productId: 'snake_oil' },
  ],
  'session:listForPatient': [{ patientId: 'nope' }, { patientId: null }],
  'session:update': [
    { id: uuid, guidance: ['laser'] }, { id: uuid, startedAt: 'yesterday' }, { id: uuid, notes: 'x'.repeat(8001) },
    { id: uuid, weightKg: 0 }, { id: uuid, weightKg: 0.4 }, { id: uuid, weightKg: 401 }, { id: uuid, weightKg: '70' }, { id: uuid, weightKg: Number.NaN },
  ],
  'session:amend': [{ id: uuid }, { id: uuid, reason: '' }],
  'session:derive': [{ id: uuid }, { sessionId: 'nope' }],
  'finding:acknowledge': [
    { sessionId: uuid, key: 'interval', kind: 'interval', reason: '' },
    { sessionId: uuid, key: '', kind: 'interval', reason: 'agreed' },
    { sessionId: uuid, key: 'interval', reason: 'agreed' },
  ],
  'finding:unacknowledge': [{ sessionId: uuid }, { sessionId: uuid, key: '  ' }],
  'externalDose:add': [
    { patientId: uuid, date: '2025-01-01', productId: 'onabotulinumtoxinA', units: 10, where: '' },
    { patientId: uuid, date: '2025-02-30', productId: 'onabotulinumtoxinA', units: 10, where: 'clinic' },
    { patientId: uuid, date: '2025-01-01', productId: 'snake_oil', units: 10, where: 'clinic' },
    { patientId: uuid, date: '2025-01-01', productId: 'onabotulinumtoxinA', units: 0, where: 'clinic' },
    { patientId: uuid, date: '2025-01-01', productId: 'onabotulinumtoxinA', units: 10, where: 'clinic', indication: 'wrinkles' },
  ],
  'externalDose:list': [{ patientId: 'nope' }],
  'site:add': [
    { ...okSite, units: 0 },
    { ...okSite, units: -5 },
    { ...okSite, units: 1.234 },
    { ...okSite, units: Number.NaN },
    { ...okSite, units: '5' },
    { ...okSite, units: 1e9 },
    { ...okSite, x: Number.POSITIVE_INFINITY },
    { ...okSite, side: 'up' },
    { ...okSite, viewVersion: 0 },
    { ...okSite, muscleId: 'Robert; DROP TABLE sites' },
    { ...okSite, sessionId: undefined },
  ],
  'site:update': [{ id: uuid, units: 0 }, { id: uuid, x: 5 }, { id: uuid, side: 'top' }, { units: 5 }],
  'vial:add': [
    { sessionId: uuid, productId: 'onabotulinumtoxinA', sizeUnits: 100, lot: '', expiry: '2027-01-01', diluentMl: 2 },
    { sessionId: uuid, productId: 'onabotulinumtoxinA', sizeUnits: -1, lot: 'C1', expiry: '2027-01-01', diluentMl: 2 },
    { sessionId: uuid, productId: 'onabotulinumtoxinA', sizeUnits: 100, lot: 'C1', expiry: '2027-02-30', diluentMl: 2 },
    { sessionId: uuid, productId: 'onabotulinumtoxinA', sizeUnits: 100, lot: 'C1', expiry: '2027-01-01', diluentMl: 0 },
  ],
  'score:add': [{ sessionId: uuid, scaleId: 'twstrs', value: '' }, { sessionId: uuid, scaleId: 'TW STRS', value: '5' }],
  'adverseEvent:add': [{ sessionId: uuid, description: 'ptosis', severity: 'awful' }, { sessionId: uuid, description: '', severity: 'mild' }],
  'template:list': [{ indication: 'x' }],
  'template:saveFromSession': [{ sessionId: uuid, name: '' }],
  'priorAuth:save': [
    { patientId: uuid, payer: 'P', number: 'N', validFrom: '2026-02-01', validTo: '2026-01-01' },
    { patientId: uuid, payer: '', number: 'N', validFrom: '2026-01-01', validTo: '2026-02-01' },
  ],
  'clinician:save': [{ name: '' }, { name: 'A', defaultGuidance: 'x-ray' }],
  'audit:list': [{ limit: 0 }, { entityId: 'x' }],
  'backup:restore': [{ name: '../../etc/passwd' }, { name: 'x.db' }],
};

describe('IPC contract', () => {
  it('lists every contract channel once, and the preload exposes exactly those', () => {
    expect([...CHANNELS].sort()).toEqual(Object.keys(contract).sort());
  });

  it.each(CHANNELS.map((c) => [c]))('%s rejects malformed input with BAD_INPUT and leaves the database unchanged', async (channel) => {
    const before = dumpDatabase(b.db);
    for (const bad of [...GENERIC_BAD, ...(SPECIFIC_BAD[channel] ?? [])]) {
      const result = await b.dispatch(channel, bad);
      expect(result.ok, `${channel} accepted ${JSON.stringify(bad)}`).toBe(false);
      if (!result.ok) {
        expect(result.error.code).toBe('BAD_INPUT');
        expect(result.error.message.length).toBeGreaterThan(5);
      }
    }
    expect(dumpDatabase(b.db)).toBe(before);
  });

  it('answers an unknown channel with UNKNOWN_CHANNEL', async () => {
    const result = await b.dispatch('patient:drop', {});
    expect(result).toEqual({ ok: false, error: { code: 'UNKNOWN_CHANNEL', message: "Unknown request 'patient:drop'" } });
  });
});

describe('services through the dispatcher', () => {
  it('refuse a second patient with the same MRN, naming who has it', async () => {
    const result = await b.dispatch('patient:create', { mrn: 'A-1001', familyName: 'X', givenName: 'Y', birthDate: '1970-01-01' });
    expect(result).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    if (!result.ok) expect(result.error.message).toContain('Okafor');
  });

  it('find patients by part of the name or MRN, case-insensitively', async () => {
    await b.call('patient:create', { mrn: 'B-2002', familyName: 'Okonkwo', givenName: 'Chidi', birthDate: '1980-01-01' });
    const byFamily = await b.call<Patient[]>('patient:search', { query: 'oko' });
    expect(byFamily.map((p) => p.mrn)).toEqual(['B-2002']);
    const byPrefix = await b.call<Patient[]>('patient:search', { query: 'ok' });
    expect(byPrefix.map((p) => p.mrn).sort()).toEqual(['A-1001', 'B-2002']);
    expect((await b.call<Patient[]>('patient:search', { query: 'a-10' })).map((p) => p.mrn)).toEqual(['A-1001']);
    expect((await b.call<Patient[]>('patient:search', { query: 'ada' })).map((p) => p.mrn)).toEqual(['A-1001']);
    expect(await b.call<Patient[]>('patient:search', { query: '%' })).toEqual([]);
  });

  it('placing 5 U then 2.5 U on the left frontalis gives a 7.5 U session total', async () => {
    await b.call('site:add', {
      sessionId: session.id, viewId: 'face_front', viewVersion: 1, x: 410, y: 210, muscleId: 'frontalis', side: 'left', units: 2.5,
    });
    const detail = await b.call<SessionDetail>('session:get', { id: session.id });
    expect(detail.sites.map((s) => s.seq)).toEqual([1, 2]);
    expect(detail.totalUnits).toBe(7.5);
  });

  it('refuse a side that does not fit the muscle, an unknown muscle and an unknown diagram version', async () => {
    const base = { sessionId: session.id, viewId: 'face_front', viewVersion: 1, x: 1, y: 1, units: 5 };
    await expect(b.call('site:add', { ...base, muscleId: 'procerus', side: 'left' })).rejects.toThrow(/midline/);
    await expect(b.call('site:add', { ...base, muscleId: 'frontalis', side: 'midline' })).rejects.toThrow(/paired/);
    await expect(b.call('site:add', { ...base, muscleId: 'not_a_muscle', side: 'left' })).rejects.toThrow(/Unknown muscle/);
    await expect(b.call('site:add', { ...base, viewVersion: 999, muscleId: 'frontalis', side: 'left' })).rejects.toThrow(/Unknown diagram/);
    await expect(b.call('site:add', { ...base, muscleId: 'levator_palpebrae_superioris', side: 'left' })).rejects.toThrow(/avoid/);
  });

  it('update units and delete a site', async () => {
    const updated = await b.call<Site>('site:update', { id: site.id, units: 10 });
    expect(updated.units).toBe(10);
    await b.call('site:delete', { id: site.id });
    const result = await b.dispatch('site:delete', { id: site.id });
    expect(result).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('refuse a session dated before the patient was born', async () => {
    const child = await b.call<Patient>('patient:create', { mrn: 'A-2010', familyName: 'Okafor', givenName: 'Ebele', birthDate: '2010-06-01' });
    await expect(b.call('session:create', { patientId: child.id, date: '2005-01-01', indication: 'blepharospasm' })).rejects.toThrow(
      /before the date of birth/,
    );
  });

  it('refuse dates outside a sensible range, whatever the patient (a typing error, not a record)', async () => {
    await expect(b.call('session:create', { patientId: patient.id, date: '1960-01-01', indication: 'blepharospasm' })).rejects.toThrow(/Session date is before 1980-01-01/);
    await expect(b.call('session:create', { patientId: patient.id, date: '9999-01-01', indication: 'blepharospasm' })).rejects.toThrow(/Session date is after/);
  });
});

describe('while the database file is being replaced', () => {
  it('requests are refused with a plain message instead of failing obscurely', async () => {
    const other = await testBackend();
    other.db.close();
    const result = await other.dispatch('patient:search', { query: 'a' });
    expect(result).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    if (!result.ok) expect(result.error.message).toMatch(/being restored/);
    other.dispose();
  });
});
