// Input plausibility at the IPC boundary: what a clinician could never have meant is refused with a
// clear message, and nothing is written.
import { testBackend, type TestBackend } from '../helpers/backend.ts';
import type { Patient, SessionDetail, Site } from '../../shared/domain/types.ts';

let b: TestBackend;
let patient: Patient;
let session: SessionDetail;
beforeAll(async () => {
  b = await testBackend();
  patient = await b.call<Patient>('patient:create', { mrn: 'AB-12', familyName: 'Lindqvist', givenName: 'Åsa', birthDate: '1971-05-02' });
  session = await b.call<SessionDetail>('session:create', { patientId: patient.id, date: '2025-03-01', indication: 'blepharospasm' });
});
afterAll(() => b.dispose());

async function refused(channel: string, input: unknown): Promise<string> {
  const r = await b.dispatch(channel, input);
  if (r.ok) throw new Error(`${channel} accepted ${JSON.stringify(input).slice(0, 200)}`);
  return `${r.error.code}: ${r.error.message}`;
}

const site = { sessionId: '', viewId: 'face_front', viewVersion: 1, x: 300, y: 200, muscleId: 'frontalis', side: 'left', units: 5 };

describe('refused', () => {
  it('names made only of invisible characters', async () => {
    for (const invisible of ['\u200b\u200b', '\u3164', '\u2800', ' \u00a0 ', '\u200e']) {
      expect(await refused('patient:create', { mrn: 'X-1', familyName: invisible, givenName: 'Ann', birthDate: '1970-01-01' })).toMatch(
        /BAD_INPUT: familyName: Family name (must contain visible characters|is required)/,
      );
    }
  });

  it('control characters and text-direction overrides', async () => {
    expect(await refused('patient:create', { mrn: 'X-1', familyName: 'Doe\u0007', givenName: 'Ann', birthDate: '1970-01-01' })).toMatch(/control character/);
    expect(await refused('patient:create', { mrn: 'X-1', familyName: 'Doe', givenName: 'Ann\u202e', birthDate: '1970-01-01' })).toMatch(/text-direction override/);
    expect(await refused('session:update', { id: session.id, notes: 'fine\u0000' })).toMatch(/control character/);
  });

  it('an MRN that differs from another only by case', async () => {
    expect(await refused('patient:create', { mrn: 'ab-12', familyName: 'Other', givenName: 'Person', birthDate: '1980-01-01' })).toMatch(/CONFLICT: MRN ab-12 already belongs to Lindqvist, Åsa/);
    // The patient's own MRN may change case.
    expect((await b.call<Patient>('patient:update', { id: patient.id, mrn: 'Ab-12' })).mrn).toBe('Ab-12');
    await b.call('patient:update', { id: patient.id, mrn: 'AB-12' });
  });

  it('dates outside a sensible range', async () => {
    expect(await refused('session:create', { patientId: patient.id, date: '9999-01-01', indication: 'blepharospasm' })).toMatch(/Session date is after/);
    expect(await refused('vial:add', { sessionId: session.id, productId: 'onabotulinumtoxinA', sizeUnits: 100, lot: 'C1', expiry: '0001-01-01', diluentMl: 2 })).toMatch(
      /Expiry is before 2000-01-01/,
    );
    expect(await refused('patient:create', { mrn: 'X-2', familyName: 'Doe', givenName: 'Ann', birthDate: '2999-01-01' })).toMatch(/Date of birth is in the future/);
  });

  it('a site outside its diagram', async () => {
    expect(await refused('site:add', { ...site, sessionId: session.id, x: -10000, y: -10000 })).toMatch(/BAD_INPUT: The point \(-10000, -10000\) is outside the diagram/);
    const placed = await b.call<Site>('site:add', { ...site, sessionId: session.id });
    expect(await refused('site:update', { id: placed.id, x: 99999 / 10, y: 5000 })).toMatch(/outside the diagram/);
  });

  it('a site whose point is not on the muscle it names (another muscle, the wrong side), by every channel', async () => {
    const count = async () => (await b.call<SessionDetail>('session:get', { id: session.id })).sites.length;
    const before = await count();
    const onProcerus = { x: 300, y: 280 };
    const { sessionId: _none, ...onView } = site;
    expect(await refused('site:add', { ...site, sessionId: session.id, ...onProcerus })).toBe(
      'BAD_INPUT: The point (300, 280) is not on Frontalis (left) on the diagram Face, front: it lies 41 units outside it',
    );
    expect(await refused('site:add', { ...site, sessionId: session.id, x: 410, y: 210, side: 'right' })).toMatch(/is not on Frontalis \(right\) on the diagram Face, front/);
    expect(await refused('site:add', { ...site, sessionId: session.id, muscleId: 'biceps_brachii' })).toMatch(
      /^BAD_INPUT: Biceps brachii \(left\) on the diagram Face, front is not drawn/,
    );
    const batch = await refused('site:batch', {
      sessionId: session.id,
      add: [{ ...onView, id: crypto.randomUUID() }, { ...onView, id: crypto.randomUUID(), ...onProcerus }],
    });
    expect(batch).toMatch(/is not on Frontalis \(left\)/);
    expect(batch.length).toBeLessThan(220);
    const placed = await b.call<Site>('site:add', { ...site, sessionId: session.id, x: 380, y: 155 });
    expect(await refused('site:update', { id: placed.id, ...onProcerus })).toMatch(/is not on Frontalis \(left\)/);
    expect(await refused('site:update', { id: placed.id, side: 'right' })).toMatch(/is not on Frontalis \(right\)/);
    // Moved with its muscle, or given the muscle under it, it is fine.
    expect((await b.call<Site>('site:update', { id: placed.id, ...onProcerus, muscleId: 'procerus', side: 'midline' })).muscleId).toBe('procerus');
    expect(await count()).toBe(before + 1);
  });

  it('scores written other than as numbers', async () => {
    for (const value of ['0x1F', '1e1', 'Infinity', '--2']) {
      expect(await refused('score:add', { sessionId: session.id, scaleId: 'headache_days', value })).toMatch(/must be a number/);
    }
  });

  it('and an error message never echoes unbounded input', async () => {
    const r = await b.dispatch('x'.repeat(1_000_000), {});
    expect(!r.ok && r.error.message.length).toBeLessThan(120);
    const long = await refused('patient:search', { query: 'y'.repeat(1_000_000) });
    expect(long.length).toBeLessThan(700);
  });
});

it('units are stored at two decimals', async () => {
  const placed = await b.call<Site>('site:add', { ...site, sessionId: session.id, units: 5.000000001 });
  expect(placed.units).toBe(5);
  expect(b.db.prepare('SELECT units FROM sites WHERE id = ?').pluck().get(placed.id)).toBe(5);
});
