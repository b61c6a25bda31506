// Thousands of random and malformed payloads at every channel (DESIGN.md targets: "every bad IPC payload
// answered with a clear error and the database unchanged"). Each answer must be an envelope; a refusal
// must carry a known code and a sentence a clinician can read (no stack trace, no raw SQLite code);
// malformed input must be BAD_INPUT; and afterwards the database must be row-identical and byte-identical.
// Scale the runs with FUZZ_SCALE (e.g. 10 for a long soak) and replay a failure with FUZZ_SEED.
import fs from 'node:fs';
import fc from 'fast-check';
import { CHANNELS } from '../../shared/ipc/channels.ts';
import { contract, type Channel } from '../../shared/ipc/contract.ts';
import { ERROR_CODES, type Envelope, type ErrorCode } from '../../shared/ipc/result.ts';
import type {
  AdverseEvent, Condition, ExternalDose, OutcomeScore, PatientDetail, PriorAuthorization, SessionDetail, Site, Template, Vial,
} from '../../shared/domain/types.ts';
import { testBackend, type TestBackend } from '../helpers/backend.ts';
import { dumpDatabase } from '../helpers/dump.ts';
import { MAINTENANCE, READS, refusedPayload, validPayload, type FuzzSeed } from '../helpers/fuzz-channels.ts';
import { edgePayloads, malformedPayload, randomPayload } from '../helpers/fuzz-mutate.ts';

const SCALE = Number(process.env.FUZZ_SCALE ?? 1);
const RUNS = { random: Math.round(150 * SCALE), malformed: Math.round(250 * SCALE), refused: Math.round(150 * SCALE) };
const SEED = process.env.FUZZ_SEED === undefined ? undefined : Number(process.env.FUZZ_SEED);
const REFUSALS: readonly ErrorCode[] = ['NOT_FOUND', 'SIGNED', 'CONFLICT', 'BAD_INPUT'];
const SIGNING_PASSPHRASE = 'rivera signs with this';

let b: TestBackend;
let seed: FuzzSeed;
let initial: Snapshot;
const counts = new Map<string, { random: number; malformed: number; refused: number }>();
const started = performance.now();

interface Snapshot {
  dump: string;
  bytes: Buffer;
}

/** Rows and file bytes; the WAL is checkpointed into the file first so the file holds every commit. */
function snapshot(): Snapshot {
  const [checkpoint] = b.db.pragma('wal_checkpoint(TRUNCATE)') as Array<{ busy: number }>;
  expect(checkpoint?.busy).toBe(0);
  return { dump: dumpDatabase(b.db), bytes: fs.readFileSync(b.info.databaseFile) };
}

/** Which tables differ, with row counts and the first differing row, instead of two whole dumps. */
function tableDiff(before: string, after: string): string[] {
  const a = (JSON.parse(before) as { out: Record<string, unknown[]> }).out;
  const b2 = (JSON.parse(after) as { out: Record<string, unknown[]> }).out;
  return Object.keys({ ...a, ...b2 }).flatMap((table) => {
    const x = (a[table] ?? []).map((r) => JSON.stringify(r));
    const y = (b2[table] ?? []).map((r) => JSON.stringify(r));
    if (JSON.stringify(x) === JSON.stringify(y)) return [];
    const changed = y.find((r) => !x.includes(r)) ?? x.find((r) => !y.includes(r)) ?? '';
    return [`${table}: ${x.length} rows before, ${y.length} after; e.g. ${changed.slice(0, 400)}`];
  });
}

function expectUnchanged(before: Snapshot, what: string): void {
  const after = snapshot();
  expect(tableDiff(before.dump, after.dump), `${what}: rows changed`).toEqual([]);
  expect(after.dump, `${what}: rows changed`).toBe(before.dump);
  expect(after.bytes.equals(before.bytes), `${what}: database file bytes changed`).toBe(true);
}

function count(channel: Channel, family: 'random' | 'malformed' | 'refused'): void {
  const c = counts.get(channel) ?? { random: 0, malformed: 0, refused: 0 };
  c[family] += 1;
  counts.set(channel, c);
}

function show(payload: unknown): string {
  return fc.stringify(payload).slice(0, 300);
}

/** The answer is an envelope; a refusal has a known code and a readable message. Returns the envelope. */
async function answer(channel: Channel, payload: unknown): Promise<Envelope<unknown>> {
  let result: Envelope<unknown>;
  try {
    result = await b.dispatch(channel, payload);
  } catch (err) {
    throw new Error(`${channel} threw instead of answering for ${show(payload)}: ${String(err)}`, { cause: err });
  }
  const where = `${channel} ${show(payload)}`;
  expect(typeof result, where).toBe('object');
  expect(typeof result.ok, where).toBe('boolean');
  // The answer crosses the process boundary by structured clone.
  expect(() => structuredClone(result), where).not.toThrow();
  if (!result.ok) {
    expect(Object.keys(result).sort(), where).toEqual(['error', 'ok']);
    expect(ERROR_CODES, where).toContain(result.error.code);
    const message = result.error.message;
    expect(typeof message, where).toBe('string');
    expect(message.trim().length, `${where}: empty message`).toBeGreaterThanOrEqual(8);
    expect(message.length, `${where}: message echoes the payload`).toBeLessThanOrEqual(2000);
    expect(message, `${where}: message is not a sentence`).toMatch(/[A-Za-z]{3,}/);
    expect(message, `${where}: stack trace in message`).not.toContain('    at ');
    expect(message, `${where}: raw SQLite code in message`).not.toMatch(/SQLITE_/);
    expect(message, `${where}: JavaScript error in message`).not.toMatch(/\b(TypeError|ReferenceError|RangeError|SyntaxError)\b|\[object /);
  }
  return result;
}

async function expectBadInput(channel: Channel, payload: unknown): Promise<void> {
  const result = await answer(channel, payload);
  expect(result.ok, `${channel} accepted malformed ${show(payload)}`).toBe(false);
  if (!result.ok) expect(result.error.code, `${channel} ${show(payload)}: ${result.error.message}`).toBe('BAD_INPUT');
}

async function seedClinic(): Promise<FuzzSeed> {
  await b.call('clinician:add', { name: 'Dr. Rivera', credentials: 'MD', passphrase: SIGNING_PASSPHRASE });
  const p1 = await b.call<PatientDetail>('patient:create', { mrn: 'A-1001', familyName: 'Okafor', givenName: 'Ada', birthDate: '1968-04-02' });
  const p2 = await b.call<PatientDetail>('patient:create', { mrn: 'B-2002', familyName: 'Nguyễn', givenName: 'Linh', birthDate: '1980-01-01', sex: 'female' });
  const condition = await b.call<Condition>('patient:addCondition', { patientId: p1.id, indication: 'chronic_migraine', icd10Code: 'G43.709' });
  const site = { viewId: 'face_front', viewVersion: 1, muscleId: 'frontalis', side: 'left', units: 5 };
  const parts = async (sessionId: string) => ({
    site: await b.call<Site>('site:add', { sessionId, ...site, x: 400, y: 200 }),
    vial: await b.call<Vial>('vial:add', { sessionId, productId: 'onabotulinumtoxinA', sizeUnits: 100, lot: 'C1234', expiry: '2027-01-31', diluentMl: 2 }),
    score: await b.call<OutcomeScore>('score:add', { sessionId, scaleId: 'headache_days', value: '14' }),
    event: await b.call<AdverseEvent>('adverseEvent:add', { sessionId, description: 'mild ptosis', severity: 'mild' }),
  });
  const signed = await b.call<SessionDetail>('session:create', { patientId: p1.id, date: '2025-09-01', indication: 'chronic_migraine', productId: 'onabotulinumtoxinA' });
  const signedParts = await parts(signed.id);
  await b.call('site:add', { sessionId: signed.id, ...site, side: 'right', x: 220, y: 160 });
  const signedFindingKey = 'interval:earlier-session';
  await b.call('finding:acknowledge', { sessionId: signed.id, key: signedFindingKey, kind: 'interval', reason: 'agreed with the patient' });
  await b.call('session:sign', { id: signed.id, passphrase: SIGNING_PASSPHRASE });
  const draft = await b.call<SessionDetail>('session:create', { patientId: p2.id, date: '2025-11-24', indication: 'cervical_dystonia', productId: 'onabotulinumtoxinA' });
  const draftParts = await parts(draft.id);
  const draftFindingKey = 'rolling:onabotulinumtoxinA';
  await b.call('finding:acknowledge', { sessionId: draft.id, key: draftFindingKey, kind: 'rolling', reason: 'second indication treated' });
  const externalDose = await b.call<ExternalDose>('externalDose:add', {
    patientId: p1.id, date: '2025-05-02', productId: 'onabotulinumtoxinA', units: 12, where: 'cosmetic clinic',
  });
  const template = await b.call<Template>('template:saveFromSession', { sessionId: signed.id, name: 'Rivera migraine' });
  const auth = await b.call<PriorAuthorization>('priorAuth:save', {
    patientId: p1.id, payer: 'Acme Health', number: 'PA-77', validFrom: '2025-01-01', validTo: '2025-12-31', approvedUnits: 400,
  });
  return {
    patientId: p1.id, patientMrn: p1.mrn, otherPatientId: p2.id, otherPatientMrn: p2.mrn, draftSessionId: draft.id, signedSessionId: signed.id,
    draftSiteId: draftParts.site.id, signedSiteId: signedParts.site.id, draftVialId: draftParts.vial.id, signedVialId: signedParts.vial.id,
    draftScoreId: draftParts.score.id, signedScoreId: signedParts.score.id, draftEventId: draftParts.event.id, signedEventId: signedParts.event.id,
    conditionId: condition.id, templateId: template.id, priorAuthId: auth.id, externalDoseId: externalDose.id, draftFindingKey, signedFindingKey,
  };
}

beforeAll(async () => {
  b = await testBackend();
  seed = await seedClinic();
  await b.startupBackup; // the day's backup reads the file in the background; let it finish first
  initial = snapshot();
});

afterAll(() => {
  const total = [...counts.values()].reduce((n, c) => n + c.random + c.malformed + c.refused, 0);
  const rows = [...counts.entries()].map(([ch, c]) => `  ${ch.padEnd(26)} ${String(c.random).padStart(5)} ${String(c.malformed).padStart(6)} ${String(c.refused).padStart(6)}`);
  console.log(
    [`fuzz: ${total} payloads over ${counts.size} channels in ${((performance.now() - started) / 1000).toFixed(1)} s`,
      `  ${'channel'.padEnd(26)} random malformed refused`, ...rows].join('\n'),
  );
  b?.dispose();
});

const params = (runs: number): fc.Parameters<[unknown]> => ({ numRuns: runs, ...(SEED === undefined ? {} : { seed: SEED }) });

describe('fuzzing every IPC channel', () => {
  it('starts from valid payloads the contract accepts (so every mutation of them is the only fault)', () => {
    for (const channel of CHANNELS) {
      const parsed = contract[channel].input.safeParse(validPayload(channel, seed));
      expect(parsed.success, `${channel}: ${parsed.error?.message ?? ''}`).toBe(true);
    }
  });

  it.each(CHANNELS.map((c) => [c]))('%s refuses random values with BAD_INPUT, leaving the database as it was', async (channel) => {
    const before = snapshot();
    await fc.assert(
      fc.asyncProperty(randomPayload(channel), async (payload) => {
        count(channel, 'random');
        await expectBadInput(channel, payload);
      }),
      params(RUNS.random),
    );
    expectUnchanged(before, channel);
  });

  it.each(CHANNELS.map((c) => [c]))('%s refuses broken valid payloads with BAD_INPUT, leaving the database as it was', async (channel) => {
    const before = snapshot();
    const failures: string[] = [];
    for (const payload of edgePayloads(channel, validPayload(channel, seed))) {
      count(channel, 'malformed');
      // Collected, so one run names every known edge that gets through, not just the first.
      await expectBadInput(channel, payload).catch((err: unknown) => failures.push((err as Error).message.split('\n')[0] ?? ''));
    }
    expect(failures, `${channel}: malformed payloads not refused with BAD_INPUT`).toEqual([]);
    await fc.assert(
      fc.asyncProperty(malformedPayload(channel, validPayload(channel, seed)), async (payload) => {
        count(channel, 'malformed');
        await expectBadInput(channel, payload);
      }),
      params(RUNS.malformed),
    );
    expectUnchanged(before, channel);
  });

  const refusable = CHANNELS.filter((c) => !MAINTENANCE.has(c) && refusedPayload(c, {} as FuzzSeed) !== null);
  it.each(refusable.map((c) => [c]))('%s refuses well-formed payloads about missing or signed records without writing', async (channel) => {
    const before = snapshot();
    const arb = refusedPayload(channel, seed);
    if (arb === null) throw new Error(`no refused payloads for ${channel}`);
    await fc.assert(
      fc.asyncProperty(arb, async (payload) => {
        count(channel, 'refused');
        expect(contract[channel].input.safeParse(payload).success, `fixture is not valid-shaped: ${show(payload)}`).toBe(true);
        const result = await answer(channel, payload);
        if (READS.has(channel) && result.ok) return;
        expect(result.ok, `${channel} accepted ${show(payload)}`).toBe(false);
        if (!result.ok) expect(REFUSALS, `${channel} ${show(payload)}: ${result.error.message}`).toContain(result.error.code);
      }),
      params(RUNS.refused),
    );
    expectUnchanged(before, channel);
  });

  it('leaves the database row- and byte-identical to before the first payload', () => {
    expectUnchanged(initial, 'all channels');
  });
});
