// Per-channel knowledge for the fuzz test: the fields of each input, a valid payload on real records (the
// starting point of mutations), and valid-shaped payloads the services must refuse without writing.
import fc from 'fast-check';
import { BUILTIN_IDS } from '../../shared/clinical/builtin-templates.ts';
import { PRODUCT_IDS } from '../../shared/clinical/products.ts';
import type { Channel } from '../../shared/ipc/contract.ts';
import { validValue } from './fuzz-fields.ts';
import { en, FIELDS, text } from './fuzz-channel-fields.ts';

export { FIELDS };

/** Records created through the services before fuzzing. */
export interface FuzzSeed {
  patientId: string;
  patientMrn: string;
  otherPatientId: string;
  otherPatientMrn: string;
  draftSessionId: string;
  signedSessionId: string;
  draftSiteId: string;
  signedSiteId: string;
  draftVialId: string;
  signedVialId: string;
  draftScoreId: string;
  signedScoreId: string;
  draftEventId: string;
  signedEventId: string;
  conditionId: string;
  templateId: string;
  priorAuthId: string;
  externalDoseId: string;
  /** Keys of findings acknowledged on the draft and (before signing) on the signed session. */
  draftFindingKey: string;
  signedFindingKey: string;
}


/**
 * Channels that open files or dialogs, or set credentials: fuzzed with malformed input only, never called
 * with a valid one.
 */
export const MAINTENANCE: ReadonlySet<Channel> = new Set([
  'clinician:setPassphrase', 'app:health', 'settings:chooseBackupFolder', 'backup:now', 'backup:list', 'backup:restore', 'data:export', 'data:import',
  'export:summaryPdf', 'export:summaryPrint', 'export:sessionCsv', 'export:sitesCsv', 'export:fhirBundle',
]);

/** Channels that only read: a valid payload may be answered with ok. */
export const READS: ReadonlySet<Channel> = new Set([
  'app:info', 'patient:get', 'patient:search', 'session:get', 'session:listForPatient', 'patient:timeline', 'template:list', 'priorAuth:list',
  'clinician:get', 'clinician:list', 'audit:list', 'session:derive', 'externalDose:list', 'settings:get', 'task:progress',
  'review:history', 'review:worklist', 'muscleScore:list', 'lot:search', 'lot:csv', 'export:summaryHtml',
]);

const face = { viewId: 'face_front', viewVersion: 1, muscleId: 'frontalis', side: 'left' };

/**
 * A valid payload for every field of the channel, on real records: if validation ever let a mutation of it
 * through, the service would write, and the database comparison would show it.
 */
export function validPayload(channel: Channel, s: FuzzSeed): Record<string, unknown> {
  const sitePart = { x: 400, y: 200, ...face, units: 5, guidance: 'emg', note: 'medial' };
  const payloads: Record<Channel, Record<string, unknown>> = {
    'app:info': {}, 'app:health': {}, 'clinician:get': {}, 'settings:get': {}, 'settings:chooseBackupFolder': {}, 'backup:now': {}, 'backup:list': {}, 'data:export': {}, 'data:import': {}, 'task:progress': {},
    'clinician:setPassphrase': { id: '3c9e1f20-5a4b-4d6c-8e7f-9a0b1c2d3e4f', current: 'an old long passphrase', passphrase: 'correct horse battery staple' },
    'clinician:list': {},
    'clinician:add': { name: 'Dr. Okonkwo', credentials: 'DO', defaultProductId: 'abobotulinumtoxinA', defaultGuidance: 'ultrasound', passphrase: 'correct horse battery staple' },
    'clinician:activate': { id: '3c9e1f20-5a4b-4d6c-8e7f-9a0b1c2d3e4f', passphrase: 'correct horse battery staple' },
    'clinician:setDeactivated': { id: '3c9e1f20-5a4b-4d6c-8e7f-9a0b1c2d3e4f', deactivated: true, passphrase: 'correct horse battery staple' },
    'patient:create': { mrn: 'Z-9', familyName: 'Adeyemi', givenName: 'Tolu', birthDate: '1971-03-04', sex: 'male', notes: 'n' },
    'patient:update': { id: s.patientId, mrn: 'Z-8', familyName: 'Okafor', givenName: 'Ada', birthDate: '1968-04-02', sex: 'female', notes: 'n' },
    'patient:get': { id: s.patientId },
    'patient:search': { query: 'oka', limit: 10 },
    'patient:addCondition': { patientId: s.patientId, indication: 'cervical_dystonia', icd10Code: 'G24.3', side: 'left', notedOn: '2020-01-01' },
    'patient:removeCondition': { id: s.conditionId },
    'session:create': { patientId: s.patientId, date: '2026-01-05', indication: 'chronic_migraine', productId: 'onabotulinumtoxinA', templateId: s.templateId },
    'session:get': { id: s.draftSessionId },
    'session:listForPatient': { patientId: s.patientId },
    'patient:timeline': { patientId: s.patientId },
    'session:update': {
      id: s.draftSessionId, date: '2026-02-01', startedAt: '2026-02-01T09:30:00.000Z', indication: 'chronic_migraine',
      otherIndications: ['cervical_dystonia'], productId: 'onabotulinumtoxinA', guidance: ['emg'], notes: 'n', nextDueDate: '2026-04-26',
      weightKg: 72.5,
    },
    'session:delete': { id: s.draftSessionId },
    'session:sign': { id: s.draftSessionId },
    'session:amend': { id: s.signedSessionId, reason: 'wrong side on site 2' },
    'session:derive': { sessionId: s.draftSessionId },
    'finding:acknowledge': { sessionId: s.draftSessionId, key: s.draftFindingKey, kind: 'interval', reason: 'patient travelled; agreed early visit' },
    'finding:unacknowledge': { sessionId: s.draftSessionId, key: s.draftFindingKey },
    'externalDose:add': {
      patientId: s.patientId, date: '2025-06-01', productId: 'onabotulinumtoxinA', units: 12, where: 'cosmetic clinic', indication: null, note: 'glabellar lines',
    },
    'externalDose:list': { patientId: s.patientId },
    'externalDose:remove': { id: s.externalDoseId },
    'site:add': { id: '6f1c2d3e-4b5a-4c6d-9e8f-0a1b2c3d4e5f', sessionId: s.draftSessionId, ...sitePart },
    'site:update': { id: s.draftSiteId, x: 220, y: 160, muscleId: 'frontalis', side: 'right', units: 7.5, guidance: 'none', note: 'n' },
    'site:delete': { id: s.draftSiteId },
    'site:batch': {
      sessionId: s.draftSessionId,
      remove: [s.draftSiteId],
      update: [{ id: '0b7c7a52-8d1e-4c55-9f0a-3c2b1a0f9e11', units: 2.5 }],
      add: [{ id: '6f1c2d3e-4b5a-4c6d-9e8f-0a1b2c3d4e5f', ...sitePart }],
      addPatterns: [{ id: '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d', patternId: 'cd_laterocollis', direction: 'left', accepted: [{ muscleId: 'splenius_capitis', side: 'left', units: 50 }] }],
      removePatterns: ['1d2c3b4a-5f6e-4d7c-8b9a-0f1e2d3c4b5a'],
    },
    'vial:add': {
      sessionId: s.draftSessionId, productId: 'onabotulinumtoxinA', sizeUnits: 100, lot: 'C1234', expiry: '2027-01-31', diluentMl: 2,
      reconstitutedAt: '2026-01-05T09:00:00.000Z',
    },
    'vial:remove': { id: s.draftVialId },
    'score:add': { sessionId: s.draftSessionId, scaleId: 'headache_days', value: '12', note: 'n' },
    'score:remove': { id: s.draftScoreId },
    'adverseEvent:add': { sessionId: s.draftSessionId, onsetDate: '2026-01-07', description: 'mild ptosis', severity: 'mild' },
    'adverseEvent:remove': { id: s.draftEventId },
    'template:list': { indication: 'chronic_migraine' },
    'template:saveFromSession': { sessionId: s.draftSessionId, name: 'My migraine map' },
    'template:delete': { id: s.templateId },
    'template:rename': { id: s.templateId, name: 'Renamed migraine map' },
    'priorAuth:list': { patientId: s.patientId },
    'priorAuth:save': {
      id: s.priorAuthId, patientId: s.patientId, payer: 'Acme Health', number: 'PA-78', productId: 'onabotulinumtoxinA',
      validFrom: '2026-01-01', validTo: '2026-12-31', approvedUnits: 400, approvedVisits: 4, notes: 'n',
    },
    'priorAuth:delete': { id: s.priorAuthId },
    'clinician:save': {
      id: '3c9e1f20-5a4b-4d6c-8e7f-9a0b1c2d3e4f', name: 'Dr. Imposter', credentials: 'MD', defaultProductId: 'onabotulinumtoxinA', defaultGuidance: 'emg',
      passphrase: 'correct horse battery staple',
    },
    'audit:list': { entity: 'sites', entityId: s.draftSiteId, limit: 10 },
    'settings:save': {
      clinicName: 'Neurology Clinic', clinicAddress: '1 Main St', clinicPhone: '555-0100', defaultProductId: 'onabotulinumtoxinA',
      defaultDilutions: { onabotulinumtoxinA: { sizeUnits: 100, diluentMl: 2 } }, unitsStep: { blepharospasm: 0.25, chronic_migraine: 5 },
      defaultRetreatmentDays: 90, theme: 'dark', backupFolder: null, backupRetention: { automatic: 30, manual: 5 },
    },
    'backup:restore': { name: 'toxinmap-2026-01-01.sqlite' },
    'review:history': { patientId: s.patientId },
    'review:worklist': {},
    'followUp:save': {
      id: '7a1c2d3e-4b5a-4c6d-9e8f-0a1b2c3d4e5f', sessionId: s.signedSessionId, date: '2025-10-10', satisfaction: 8, onsetDate: '2025-09-05',
      wearOffDate: '2025-11-20', notes: 'n',
      scores: [{ scaleId: 'cgi_i', value: '2' }, { scaleId: 'headache_days', value: '9' }],
      muscleScores: [{ muscleId: 'biceps_brachii', side: 'left', scaleId: 'mas', value: '1+' }],
      adverseEvents: [{ description: 'neck weakness', severity: 'mild', serious: false, relatedness: 'probable' }],
    },
    'followUp:delete': { id: '7a1c2d3e-4b5a-4c6d-9e8f-0a1b2c3d4e5f' },
    'muscleScore:set': { sessionId: s.draftSessionId, muscleId: 'frontalis', side: 'left', scaleId: 'mas', value: '2' },
    'muscleScore:list': { sessionId: s.draftSessionId },
    'lot:search': { prefix: 'C12', limit: 50 },
    'lot:csv': { prefix: 'C12' },
    'export:summaryHtml': { sessionId: s.signedSessionId, copy: 'clinical' },
    'export:summaryPdf': { sessionId: s.signedSessionId, copy: 'patient' },
    'export:summaryPrint': { sessionId: s.signedSessionId, copy: 'clinical' },
    'export:sessionCsv': { sessionId: s.draftSessionId },
    'export:sitesCsv': { from: '2026-01-01', to: '2026-12-31', includeDrafts: true, includeSuperseded: false },
    'export:fhirBundle': { sessionId: s.signedSessionId },
  };
  return payloads[channel];
}

function dayBefore(value: unknown): string {
  const time = typeof value === 'string' ? Date.parse(`${value}T00:00:00Z`) : Number.NaN;
  return Number.isNaN(time) ? '1900-01-01' : new Date(time - 86_400_000).toISOString().slice(0, 10);
}

/** Mutations that only a refinement across fields catches. */
export function crossFieldBreaks(channel: Channel): Array<(p: Record<string, unknown>) => Record<string, unknown>> {
  switch (channel) {
    // Each leaves the payload broken whatever other mutations come before or after it.
    case 'site:update':
      return [({ x: _x, ...rest }) => ({ ...rest, y: rest.y ?? 1 }), ({ y: _y, ...rest }) => ({ ...rest, x: rest.x ?? 1 })];
    case 'priorAuth:save':
      return [(p) => ({ ...p, validTo: dayBefore(p.validFrom) })];
    case 'export:sitesCsv':
      return [(p) => ({ ...p, to: dayBefore(p.from) })];
    default:
      return [];
  }
}

/** A valid payload for the channel's fields, with every id a fresh random UUID (no such record). */
function shaped(channel: Channel, overrides: Record<string, fc.Arbitrary<unknown>> = {}): fc.Arbitrary<Record<string, unknown>> {
  const fields = FIELDS[channel];
  const model: Record<string, fc.Arbitrary<unknown>> = {};
  const requiredKeys: string[] = [];
  for (const [key, field] of Object.entries(fields)) {
    let arb = overrides[key] ?? validValue(field.kind);
    if (field.nullable === true && overrides[key] === undefined) arb = fc.oneof(arb, fc.constant(null));
    model[key] = arb;
    // An overridden field is what makes the payload refused: it is always present.
    if (field.optional !== true || overrides[key] !== undefined) requiredKeys.push(key);
  }
  return fc.record(model, { requiredKeys });
}

const realSite = fc.record({ viewId: fc.constant('face_front'), viewVersion: fc.constant(1), muscleId: fc.constantFrom('frontalis', 'corrugator_supercilii'), side: fc.constantFrom('left', 'right') });

/**
 * Valid-shaped payloads the services must refuse (NOT_FOUND, SIGNED, CONFLICT or BAD_INPUT) without writing:
 * ids of records that do not exist, writes to a signed session, a taken MRN, a template that does not exist
 * (the session insert before it must roll back). Reads may answer ok. Null: the channel has none.
 */
export function refusedPayload(channel: Channel, s: FuzzSeed): fc.Arbitrary<Record<string, unknown>> | null {
  const signedOrMissing = (missing: fc.Arbitrary<unknown>, signed: string) => fc.oneof(missing, fc.constant(signed));
  const site = (p: fc.Arbitrary<Record<string, unknown>>): fc.Arbitrary<Record<string, unknown>> =>
    fc.tuple(p, fc.option(realSite, { nil: undefined })).map(([payload, real]) => ({ ...payload, ...real }));
  switch (channel) {
    case 'patient:create':
      return fc.oneof(
        shaped(channel, { mrn: fc.constantFrom(s.patientMrn, s.otherPatientMrn) }),
      );
    case 'patient:update':
      return fc.oneof(shaped(channel), fc.constant({ id: s.otherPatientId, mrn: s.patientMrn }), fc.constant({ id: s.otherPatientId, mrn: s.patientMrn?.toLowerCase() }));
    case 'session:create':
      return fc.oneof(shaped(channel), shaped(channel, { patientId: fc.constant(s.patientId), date: fc.constant('2026-03-01'), templateId: fc.uuid() }));
    case 'session:update':
    case 'session:delete':
    case 'session:sign':
      return shaped(channel, { id: signedOrMissing(fc.uuid(), s.signedSessionId) });
    case 'session:amend':
      return shaped(channel, { id: signedOrMissing(fc.uuid(), s.draftSessionId) });
    case 'session:derive':
      return fc.oneof(shaped(channel), fc.constantFrom({ sessionId: s.draftSessionId }, { sessionId: s.signedSessionId }));
    case 'finding:acknowledge':
      return shaped(channel, { sessionId: signedOrMissing(fc.uuid(), s.signedSessionId) });
    case 'finding:unacknowledge':
      return fc.oneof(
        shaped(channel, { sessionId: signedOrMissing(fc.uuid(), s.signedSessionId) }),
        fc.constant({ sessionId: s.signedSessionId, key: s.signedFindingKey }),
        shaped(channel, { sessionId: fc.constant(s.draftSessionId) }).filter((p) => p.key !== s.draftFindingKey),
      );
    case 'externalDose:add':
      return fc.oneof(
        shaped(channel),
        // Before the date of birth, or in the future.
        shaped(channel, { patientId: fc.constant(s.patientId), date: fc.constantFrom('1900-01-01', '1968-04-01', '2099-01-01') }),
      );
    case 'site:add':
      return site(
        fc.oneof(
          shaped(channel, { sessionId: signedOrMissing(fc.uuid(), s.signedSessionId) }),
          shaped(channel, { sessionId: fc.constant(s.draftSessionId), id: fc.constantFrom(s.draftSiteId, s.signedSiteId) }),
        ),
      );
    case 'site:update':
      // x and y travel together (a lone one is refused by the contract before any service runs).
      return site(shaped(channel, { id: signedOrMissing(fc.uuid(), s.signedSiteId) })).map(({ viewId: _v, viewVersion: _n, ...rest }) =>
        rest.x === undefined || rest.y === undefined ? { ...rest, x: undefined, y: undefined } : rest,
      );
    case 'site:delete':
      return shaped(channel, { id: signedOrMissing(fc.uuid(), s.signedSiteId) });
    case 'site:batch': {
      const faceSite = (id: string) => ({ id, viewId: 'face_front', viewVersion: 1, x: 150, y: 180, muscleId: 'frontalis', side: 'right', units: 5 });
      return fc.oneof(
        // A session that does not exist or is signed.
        fc.record({ sessionId: signedOrMissing(fc.uuid(), s.signedSessionId), add: fc.uuid().map((id) => [faceSite(id)]) }),
        fc.record({ sessionId: signedOrMissing(fc.uuid(), s.signedSessionId), remove: fc.array(fc.uuid(), { minLength: 1, maxLength: 3 }) }),
        // A site of another session, or none: nothing of the batch is kept (the addition before it rolls back).
        fc.uuid().map((id) => ({ sessionId: s.draftSessionId, add: [faceSite(id)], remove: [s.signedSiteId] })),
        fc.tuple(fc.uuid(), fc.uuid()).map(([a, missing]) => ({ sessionId: s.draftSessionId, add: [faceSite(a)], update: [{ id: missing, units: 5 }] })),
        // A carried-forward link to a site this session was not copied from.
        fc.uuid().map((id) => ({ sessionId: s.draftSessionId, add: [{ ...faceSite(id), copiedFrom: s.signedSiteId }] })),
        // An unknown pattern, or a direction that does not fit the pattern.
        fc.tuple(fc.uuid(), fc.constantFrom(
          { patternId: 'no_such_pattern', direction: null },
          { patternId: 'cd_retrocollis', direction: 'left' },
          { patternId: 'cd_laterocollis', direction: null },
        )).map(([id, p]) => ({ sessionId: s.draftSessionId, addPatterns: [{ id, ...p, accepted: [{ muscleId: 'splenius_capitis', side: 'left', units: null }] }] })),
        fc.uuid().map((id) => ({ sessionId: s.draftSessionId, removePatterns: [id] })),
      );
    }
    case 'template:rename':
      return fc.oneof(shaped(channel), shaped(channel, { id: fc.constant(BUILTIN_IDS.preempt) }));
    case 'vial:add':
      return shaped(channel, {
        sessionId: signedOrMissing(fc.uuid(), s.signedSessionId),
        productId: fc.oneof(fc.constant('onabotulinumtoxinA'), validValue(en(PRODUCT_IDS))),
        sizeUnits: fc.oneof(fc.constantFrom(50, 100, 200), validValue({ k: 'number', min: 0, max: 20_000, exclusiveMin: true })),
      });
    case 'score:add':
      return shaped(channel, {
        sessionId: signedOrMissing(fc.uuid(), s.signedSessionId),
        scaleId: fc.oneof(fc.constantFrom('headache_days', 'twstrs', 'mas'), validValue({ k: 'slug' })),
        value: fc.oneof(fc.constantFrom('3', '1+', '12'), validValue(text(12))),
      });
    case 'adverseEvent:add':
      return shaped(channel, { sessionId: signedOrMissing(fc.uuid(), s.signedSessionId) });
    case 'vial:remove':
      return shaped(channel, { id: signedOrMissing(fc.uuid(), s.signedVialId) });
    case 'score:remove':
      return shaped(channel, { id: signedOrMissing(fc.uuid(), s.signedScoreId) });
    case 'adverseEvent:remove':
      return shaped(channel, { id: signedOrMissing(fc.uuid(), s.signedEventId) });
    case 'priorAuth:save':
      return fc.oneof(
        shaped(channel),
        shaped(channel, { patientId: fc.constant(s.patientId), id: fc.uuid() }),
        shaped(channel, { patientId: fc.constant(s.otherPatientId), id: fc.constant(s.priorAuthId) }),
      ).map((p) => (String(p.validTo) < String(p.validFrom) ? { ...p, validFrom: p.validTo, validTo: p.validFrom } : p));
    case 'followUp:save':
      return fc.oneof(
        shaped(channel),
        // A real session, but a visit dated in the future or before the treatment.
        shaped(channel, { id: fc.constant(undefined), sessionId: fc.constant(s.signedSessionId), date: fc.constantFrom('2099-01-01', '2025-08-31') }),
      ).map((p) =>
        // The effect wears off after it starts (the contract refuses the reverse before any service runs).
        p.onsetDate && p.wearOffDate && String(p.wearOffDate) < String(p.onsetDate) ? { ...p, onsetDate: p.wearOffDate, wearOffDate: p.onsetDate } : p,
      );
    case 'muscleScore:set':
      return shaped(channel, { sessionId: signedOrMissing(fc.uuid(), s.signedSessionId) });
    case 'clinician:add':
      // A second account under the seed's name (refused before any passphrase is hashed).
      return shaped(channel, { name: fc.constant('Dr. Rivera'), credentials: fc.constantFrom('MD', 'md'), passphrase: fc.constant('a long enough passphrase') });
    case 'clinician:save':
      // An account that does not exist (without an id, the current account's profile is a legitimate write).
      return shaped(channel, { id: fc.uuid() });
    case 'settings:save':
      return null; // every valid payload is a legitimate write
    default:
      return MAINTENANCE.has(channel) ? null : shaped(channel);
  }
}
