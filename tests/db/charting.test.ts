// Charting at the chair, as the record keeps it: a batch of site changes saved all or nothing, the part of a
// muscle a site lies in, the patterns applied, sessions copied forward, and own templates renamed.
import Database from 'better-sqlite3-multiple-ciphers';
import { loadMigrations, migrate, schemaVersion } from '../../electron/db/migrate.ts';
import { getView, regionCentroid } from '../../shared/atlas/index.ts';
import type { AuditEntry, Patient, SessionDetail, Site, Template } from '../../shared/domain/types.ts';
import type { SiteBatchResult } from '../../shared/ipc/contract.ts';
import { testBackend, type TestBackend } from '../helpers/backend.ts';
import { MIGRATIONS_DIR } from '../helpers/temp.ts';
import { SIGNING_PASSPHRASE, signingClinician } from '../helpers/signing.ts';

const migrations = loadMigrations(MIGRATIONS_DIR);

let b: TestBackend;
let patient: Patient;

function clock(): () => Date {
  let t = Date.parse('2026-12-01T09:00:00.000Z');
  return () => new Date((t += 1000));
}

/** A point inside a face_front region, by its id. */
function inRegion(regionId: string): { x: number; y: number } {
  const r = getView('face_front').regions.find((x) => x.id === regionId);
  if (!r) throw new Error(`no region ${regionId}`);
  return regionCentroid(r);
}

const site = (id: string, extra: Record<string, unknown> = {}) => ({
  id, viewId: 'face_front', viewVersion: 1, ...inRegion('frontalis-left'), muscleId: 'frontalis', side: 'left', units: 5, ...extra,
});

async function refusal(channel: string, input: unknown): Promise<{ code: string; message: string }> {
  const r = await b.dispatch(channel, input);
  if (r.ok) throw new Error(`${channel} was accepted`);
  return r.error;
}

async function draft(extra: Record<string, unknown> = {}): Promise<SessionDetail> {
  return b.call<SessionDetail>('session:create', { patientId: patient.id, date: '2026-11-20', indication: 'cervical_dystonia', productId: 'onabotulinumtoxinA', ...extra });
}

const ids = (n: number) => Array.from({ length: n }, () => crypto.randomUUID());

beforeEach(async () => {
  b = await testBackend(undefined, { now: clock() });
  await b.call('clinician:add', signingClinician());
  patient = await b.call<Patient>('patient:create', { mrn: 'MRN-90', familyName: 'Moreau', givenName: 'Léa', birthDate: '1970-05-02' });
});
afterEach(() => b.dispose());

describe('a batch of site changes', () => {
  it('adds, moves and removes sites in one step, each audited', async () => {
    const s = await draft();
    const [a, c, d] = ids(3) as [string, string, string];
    await b.call('site:batch', { sessionId: s.id, add: [site(a), site(c, { units: 2.5 })] });
    const result = await b.call<SiteBatchResult>('site:batch', {
      sessionId: s.id, remove: [a], update: [{ id: c, units: 7.5 }], add: [site(d, { side: 'right', ...inRegion('frontalis-right') })],
    });
    expect(result.removed).toEqual([a]);
    expect(result.updated.map((x) => [x.id, x.units])).toEqual([[c, 7.5]]);
    expect(result.added.map((x) => [x.id, x.side, x.seq])).toEqual([[d, 'right', 3]]);
    const after = await b.call<SessionDetail>('session:get', { id: s.id });
    expect(after.sites.map((x) => [x.id, x.units])).toEqual([[c, 7.5], [d, 5]]);
    const audit = await b.call<AuditEntry[]>('audit:list', { sessionId: s.id, entity: 'sites' });
    expect(audit.filter((e) => e.entity === 'sites').map((e) => e.action).sort()).toEqual(['delete', 'insert', 'insert', 'insert', 'update']);
  });

  it('saves nothing when one change of the batch is refused', async () => {
    const s = await draft();
    const [a, missing] = ids(2) as [string, string];
    const error = await refusal('site:batch', { sessionId: s.id, add: [site(a)], update: [{ id: missing, units: 3 }] });
    expect(error.code).toBe('NOT_FOUND');
    const bad = await refusal('site:batch', { sessionId: s.id, add: [site(a), site(missing, { muscleId: 'levator_palpebrae_superioris' })] });
    expect(bad).toMatchObject({ code: 'BAD_INPUT', message: expect.stringMatching(/structure to avoid/) });
    expect((await b.call<SessionDetail>('session:get', { id: s.id })).sites).toEqual([]);
    expect(await b.call<AuditEntry[]>('audit:list', { sessionId: s.id, entity: 'sites' })).toEqual([]);
  });

  it('refuses a site of another session, an empty batch, and any change to a signed session', async () => {
    const s = await draft();
    const other = await draft({ date: '2026-11-21' });
    const [a, c] = ids(2) as [string, string];
    await b.call('site:batch', { sessionId: other.id, add: [site(a)] });
    expect((await refusal('site:batch', { sessionId: s.id, remove: [a] })).code).toBe('BAD_INPUT');
    expect((await refusal('site:batch', { sessionId: s.id })).message).toMatch(/must change something/);
    expect((await refusal('site:batch', { sessionId: s.id, add: [] })).code).toBe('BAD_INPUT');
    expect((await refusal('site:batch', { sessionId: s.id, add: [site(c)], remove: [c] })).message).toMatch(/each site once/);
    await b.call('vial:add', { sessionId: other.id, productId: 'onabotulinumtoxinA', sizeUnits: 100, lot: 'L1', expiry: '2028-01-01', diluentMl: 2 });
    await b.call('session:sign', { id: other.id, passphrase: SIGNING_PASSPHRASE });
    expect((await refusal('site:batch', { sessionId: other.id, update: [{ id: a, units: 1 }] })).code).toBe('SIGNED');
  });
});

describe('where within a muscle a site lies', () => {
  it('is read from the diagram: upper and lower lid of the same pretarsal part are told apart, and follow a move', async () => {
    const s = await draft({ indication: 'blepharospasm' });
    const [up, low] = ids(2) as [string, string];
    const eyelid = { muscleId: 'orbicularis_oculi_pretarsal', side: 'right', units: 1.25 };
    await b.call('site:batch', {
      sessionId: s.id,
      add: [site(up, { ...eyelid, ...inRegion('orbicularis_oculi_pretarsal-upper-right') }), site(low, { ...eyelid, ...inRegion('orbicularis_oculi_pretarsal-lower-right') })],
    });
    let sites = (await b.call<SessionDetail>('session:get', { id: s.id })).sites;
    expect(sites.map((x) => x.location)).toEqual(['upper lid', 'lower lid']);
    const moved = await b.call<Site>('site:update', { id: low, ...inRegion('orbicularis_oculi_pretarsal-upper-right') });
    expect(moved.location).toBe('upper lid');
    // Reassigned to a muscle whose region is not under the point: refused (the point must lie on the muscle
    // it names); reassigned with a point on it, the location is that muscle's (none for the procerus).
    expect((await refusal('site:update', { id: up, muscleId: 'procerus', side: 'midline' })).message).toMatch(
      /^The point \(\d+, \d+\) is not on Procerus \(midline\) on the diagram Face, front: it lies \d+ units outside it$/,
    );
    const reassigned = await b.call<Site>('site:update', { id: up, muscleId: 'procerus', side: 'midline', ...inRegion('procerus-midline') });
    expect(reassigned.location).toBeNull();
    sites = (await b.call<SessionDetail>('session:get', { id: s.id })).sites;
    expect(sites.map((x) => x.location)).toEqual([null, 'upper lid']);
  });

  it('is never taken from the caller', async () => {
    const s = await draft();
    expect((await refusal('site:add', { sessionId: s.id, ...site(crypto.randomUUID()), location: 'upper lid' })).code).toBe('BAD_INPUT');
  });
});

describe('patterns applied in a session', () => {
  const use = (id: string) => ({
    id, patternId: 'cd_laterocollis', direction: 'left', accepted: [{ muscleId: 'splenius_capitis', side: 'left', units: 50 }, { muscleId: 'levator_scapulae', side: 'left', units: null }],
  });

  it('are recorded with the sites they placed, in the same step, and removed with them by undo', async () => {
    const s = await draft();
    const [p, a] = ids(2) as [string, string];
    const splenius = { viewId: 'head_neck_posterior', viewVersion: 1, muscleId: 'splenius_capitis', side: 'left', units: 50 };
    const region = getView('head_neck_posterior').regions.find((r) => r.muscleId === 'splenius_capitis' && r.side === 'left');
    if (!region) throw new Error('no left splenius capitis');
    const result = await b.call<SiteBatchResult>('site:batch', { sessionId: s.id, add: [{ id: a, ...splenius, ...regionCentroid(region) }], addPatterns: [use(p)] });
    expect(result.patterns.map((x) => [x.patternId, x.patternName, x.direction])).toEqual([['cd_laterocollis', 'Laterocollis', 'left']]);
    const detail = await b.call<SessionDetail>('session:get', { id: s.id });
    expect(detail.patterns?.[0]?.accepted).toEqual(use(p).accepted);
    const audit = await b.call<AuditEntry[]>('audit:list', { sessionId: s.id, entity: 'session_patterns' });
    expect(audit.map((e) => e.action)).toEqual(['insert']);
    const undone = await b.call<SiteBatchResult>('site:batch', { sessionId: s.id, remove: [a], removePatterns: [p] });
    expect(undone.patterns).toEqual([]);
    expect((await b.call<SessionDetail>('session:get', { id: s.id })).sites).toEqual([]);
  });

  it('refuses an unknown pattern and a direction that does not fit it', async () => {
    const s = await draft();
    expect((await refusal('site:batch', { sessionId: s.id, addPatterns: [{ ...use(crypto.randomUUID()), patternId: 'nope' }] })).message).toMatch(/Unknown injection pattern/);
    expect((await refusal('site:batch', { sessionId: s.id, addPatterns: [{ ...use(crypto.randomUUID()), direction: null }] })).message).toMatch(/needs a direction/);
    expect((await refusal('site:batch', { sessionId: s.id, addPatterns: [{ ...use(crypto.randomUUID()), patternId: 'cd_retrocollis' }] })).message).toMatch(/has no direction/);
  });

  it('travel with an amendment, and the signed original keeps its own', async () => {
    const s = await draft();
    await b.call('site:batch', { sessionId: s.id, add: [site(crypto.randomUUID())], addPatterns: [use(crypto.randomUUID())] });
    await b.call('vial:add', { sessionId: s.id, productId: 'onabotulinumtoxinA', sizeUnits: 100, lot: 'L1', expiry: '2028-01-01', diluentMl: 2 });
    await b.call('session:sign', { id: s.id, passphrase: SIGNING_PASSPHRASE });
    expect((await refusal('site:batch', { sessionId: s.id, removePatterns: [(await b.call<SessionDetail>('session:get', { id: s.id })).patterns?.[0]?.id] })).code).toBe('SIGNED');
    const amendment = await b.call<SessionDetail>('session:amend', { id: s.id, reason: 'wrong side', passphrase: SIGNING_PASSPHRASE });
    expect(amendment.patterns?.map((p) => p.patternId)).toEqual(['cd_laterocollis']);
  });
});

describe('starting from the last session', () => {
  it('carries every site with a link to the one it came from, and the product, not the vials', async () => {
    const earlier = await draft({ productId: 'incobotulinumtoxinA' });
    await b.call('site:batch', { sessionId: earlier.id, add: [site(crypto.randomUUID(), { guidance: 'emg', note: 'lateral belly' }), site(crypto.randomUUID(), { units: 7.5 })] });
    await b.call('vial:add', { sessionId: earlier.id, productId: 'incobotulinumtoxinA', sizeUnits: 100, lot: 'X1', expiry: '2028-01-01', diluentMl: 2 });
    const before = (await b.call<SessionDetail>('session:get', { id: earlier.id })).sites;
    const next = await b.call<SessionDetail>('session:create', { patientId: patient.id, date: '2027-02-20', indication: 'cervical_dystonia', fromSessionId: earlier.id });
    expect(next.copiedFromSessionId).toBe(earlier.id);
    expect(next.productId).toBe('incobotulinumtoxinA');
    expect(next.vials).toEqual([]);
    expect(next.sites.map((x) => [x.copiedFrom, x.units, x.guidance, x.note])).toEqual(before.map((x) => [x.id, x.units, x.guidance, x.note]));
    // A removed carried site comes back with its link when the removal is undone.
    const first = next.sites[0] as Site;
    await b.call('site:delete', { id: first.id });
    const restored = await b.call<Site>('site:add', { sessionId: next.id, ...site(first.id), copiedFrom: first.copiedFrom });
    expect(restored.copiedFrom).toBe(before[0]?.id);
    // Only a site of the session copied from may be named.
    expect((await refusal('site:add', { sessionId: next.id, ...site(crypto.randomUUID()), copiedFrom: restored.id })).code).toBe('BAD_INPUT');
  });

  it('a fresh session has no origin and its sites no links', async () => {
    const s = await draft();
    expect(s.copiedFromSessionId).toBeNull();
    expect(s.patterns).toEqual([]);
  });
});

describe("the clinician's own templates", () => {
  it('can be renamed (built-in protocols cannot)', async () => {
    const s = await draft();
    await b.call('site:add', { sessionId: s.id, ...site(crypto.randomUUID()) });
    const t = await b.call<Template>('template:saveFromSession', { sessionId: s.id, name: 'Neck' });
    const renamed = await b.call<Template>('template:rename', { id: t.id, name: 'Neck, laterocollis left' });
    expect(renamed.name).toBe('Neck, laterocollis left');
    const builtin = (await b.call<Template[]>('template:list', {})).find((x) => x.builtin);
    expect((await refusal('template:rename', { id: builtin?.id, name: 'Mine' })).message).toMatch(/built-in/);
    expect((await refusal('template:rename', { id: crypto.randomUUID(), name: 'Mine' })).code).toBe('NOT_FOUND');
  });
});

describe('migration 0090-charting-at-the-chair', () => {
  function at80(): Database.Database {
    const db = new Database(':memory:');
    db.function('audit_now', () => '2026-01-01T00:00:00.000Z');
    db.function('audit_author', () => 'Dr A');
    db.function('audit_enabled', () => 1);
    db.pragma('foreign_keys = ON');
    migrate(db, migrations.filter((m) => m.version < 90));
    db.exec(`INSERT INTO patients (id, mrn, family_name, given_name, birth_date, created_at, updated_at) VALUES ('p', 'M', 'D', 'J', '1970-01-01', 't', 't');
      INSERT INTO sessions (id, patient_id, date, indication, created_at, updated_at) VALUES ('s', 'p', '2026-01-01', 'blepharospasm', 't', 't');
      INSERT INTO sessions (id, patient_id, date, indication, created_at, updated_at) VALUES ('d', 'p', '2026-02-01', 'blepharospasm', 't', 't');
      INSERT INTO sites (id, session_id, seq, diagram_id, diagram_version, x, y, muscle_id, side, units, created_at, updated_at)
        VALUES ('a', 's', 1, 'face_front', 1, 0, 0, 'orbicularis_oculi_pretarsal', 'left', 2.5, 't', 't');
      UPDATE sessions SET status = 'signed', signed_at = 't', signed_by = 'Dr A' WHERE id = 's';`);
    return db;
  }

  it('keeps every site as it was, with no location and no link until one is recorded', () => {
    const db = at80();
    migrate(db, migrations.filter((m) => m.version <= 90));
    expect(schemaVersion(db)).toBeGreaterThanOrEqual(90);
    expect(db.prepare('SELECT id, units, location, copied_from FROM sites').all()).toEqual([{ id: 'a', units: 2.5, location: null, copied_from: null }]);
    db.close();
  });

  it('audits the new site columns and the new tables, and keeps rows under a signed session frozen', () => {
    const db = at80();
    migrate(db, migrations.filter((m) => m.version <= 90));
    db.exec(`INSERT INTO sites (id, session_id, seq, diagram_id, diagram_version, x, y, muscle_id, side, units, location, copied_from, created_at, updated_at)
      VALUES ('b', 'd', 1, 'face_front', 1, 0, 0, 'orbicularis_oculi_pretarsal', 'left', 2.5, 'upper lid, medial', 'a', 't', 't')`);
    const after = db.prepare("SELECT after FROM audit_log WHERE entity = 'sites' AND entity_id = 'b'").pluck().get() as string;
    expect(JSON.parse(after)).toMatchObject({ location: 'upper lid, medial', copied_from: 'a' });
    db.exec(`INSERT INTO session_patterns (id, session_id, pattern_id, pattern_name, direction, accepted, applied_at) VALUES ('x', 'd', 'cd_retrocollis', 'Retrocollis', NULL, '[]', 't');
      INSERT INTO session_origins (session_id, from_session_id, created_at) VALUES ('d', 's', 't');`);
    expect(db.prepare("SELECT entity, session_id FROM audit_log WHERE entity IN ('session_patterns', 'session_origins') ORDER BY id").all()).toEqual([
      { entity: 'session_patterns', session_id: 'd' },
      { entity: 'session_origins', session_id: 'd' },
    ]);
    expect(() => db.exec("INSERT INTO session_patterns (id, session_id, pattern_id, pattern_name, direction, accepted, applied_at) VALUES ('y', 's', 'p', 'P', NULL, '[]', 't')")).toThrow(/SIGNED_IMMUTABLE/);
    expect(() => db.exec("INSERT INTO session_origins (session_id, from_session_id, created_at) VALUES ('s', 'd', 't')")).toThrow(/SIGNED_IMMUTABLE/);
    expect(() => db.exec("UPDATE sites SET location = 'upper lid' WHERE id = 'a'")).toThrow(/SIGNED_IMMUTABLE/);
    expect(() => db.exec("UPDATE session_patterns SET direction = 'up' WHERE id = 'x'")).toThrow(/CHECK/);
    expect(() => db.exec("UPDATE session_patterns SET accepted = 'not json' WHERE id = 'x'")).toThrow(/CHECK/);
    db.close();
  });
});
