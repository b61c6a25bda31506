// The fields of every channel's input, as the fuzz test knows them: kind, range, optional or nullable.
// A new channel gets its entry here (the Record over Channel makes a missing one a type error).
import { getProduct, PRODUCT_IDS } from '../../shared/clinical/products.ts';
import { THEMES } from '../../shared/domain/settings.ts';
import { INDICATION_IDS } from '../../shared/indications.ts';
import { RELATEDNESS_IDS } from '../../shared/ipc/review-contract.ts';
import type { Channel } from '../../shared/ipc/contract.ts';
import type { Field, Kind } from './fuzz-fields.ts';

const uuid: Kind = { k: 'uuid' };
const date: Kind = { k: 'date' };
const datetime: Kind = { k: 'datetime' };
export const text = (max: number, required = true): Kind => ({ k: 'text', max, required });
export const en = (values: readonly string[]): Kind => ({ k: 'enum', values });
const req = (kind: Kind): Field => ({ kind });
const opt = (kind: Kind): Field => ({ kind, optional: true });
const optNull = (kind: Kind): Field => ({ kind, optional: true, nullable: true });

const SIDES = ['left', 'right', 'midline'];
const GUIDANCE = ['none', 'emg', 'estim', 'ultrasound'];
const units: Kind = { k: 'number', min: 0, max: 20_000, exclusiveMin: true, cents: true };
const coordinate: Kind = { k: 'number', min: -10_000, max: 10_000 };
const byId = { id: req(uuid) };

export const FIELDS: Record<Channel, Record<string, Field>> = {
  'app:info': {},
  'app:health': {},
  'patient:create': {
    mrn: req({ k: 'mrn' }), familyName: req(text(100)), givenName: req(text(100)), birthDate: req(date),
    sex: opt(en(['female', 'male', 'other', 'unknown'])), notes: opt(text(4000, false)),
  },
  'patient:update': {
    id: req(uuid), mrn: opt({ k: 'mrn' }), familyName: opt(text(100)), givenName: opt(text(100)), birthDate: opt(date),
    sex: opt(en(['female', 'male', 'other', 'unknown'])), notes: opt(text(4000, false)),
  },
  'patient:get': byId,
  'patient:search': { query: req(text(100, false)), limit: opt({ k: 'number', min: 1, max: 200, int: true }) },
  'patient:addCondition': {
    patientId: req(uuid), indication: req(en(INDICATION_IDS)), icd10Code: req({ k: 'icd10' }),
    side: opt(en(['left', 'right', 'bilateral', 'none'])), notedOn: optNull(date),
  },
  'patient:removeCondition': byId,
  'session:create': {
    patientId: req(uuid), date: req(date), indication: req(en(INDICATION_IDS)), productId: optNull(en(PRODUCT_IDS)), templateId: opt(uuid),
  },
  'session:get': byId,
  'session:listForPatient': { patientId: req(uuid) },
  'patient:timeline': { patientId: req(uuid) },
  'session:update': {
    id: req(uuid), date: opt(date), startedAt: optNull(datetime), indication: opt(en(INDICATION_IDS)),
    otherIndications: opt({ k: 'enumArray', values: INDICATION_IDS, max: 8 }), productId: optNull(en(PRODUCT_IDS)),
    guidance: opt({ k: 'enumArray', values: GUIDANCE, max: 4 }), notes: opt(text(8000, false)), nextDueDate: optNull(date),
    weightKg: optNull({ k: 'number', min: 0.5, max: 400 }),
  },
  'session:delete': byId,
  'session:sign': { id: req(uuid), passphrase: opt(text(200)) },
  'session:amend': { id: req(uuid), reason: req(text(1000)), passphrase: opt(text(200)) },
  'session:derive': { sessionId: req(uuid) },
  'finding:acknowledge': { sessionId: req(uuid), key: req(text(300)), kind: req(text(64)), reason: req(text(1000)) },
  'finding:unacknowledge': { sessionId: req(uuid), key: req(text(300)) },
  'externalDose:add': {
    patientId: req(uuid), date: req(date), productId: req(en(PRODUCT_IDS)), units: req(units), where: req(text(200)),
    indication: optNull(en(INDICATION_IDS)), note: opt(text(1000, false)),
  },
  'externalDose:list': { patientId: req(uuid) },
  'externalDose:remove': byId,
  'site:add': {
    id: opt(uuid), sessionId: req(uuid), viewId: req({ k: 'slug' }), viewVersion: req({ k: 'number', min: 1, max: 10_000, int: true }),
    x: req(coordinate), y: req(coordinate), muscleId: req({ k: 'slug' }), side: req(en(SIDES)), units: req(units),
    guidance: opt(en(GUIDANCE)), note: opt(text(500, false)),
  },
  'site:update': {
    id: req(uuid), x: opt(coordinate), y: opt(coordinate), muscleId: opt({ k: 'slug' }), side: opt(en(SIDES)), units: opt(units),
    guidance: opt(en(GUIDANCE)), note: opt(text(500, false)),
  },
  'site:delete': byId,
  'site:batch': {
    sessionId: req(uuid),
    remove: opt({ k: 'array', of: uuid, max: 500 }),
    update: opt({ k: 'array', of: { k: 'object', fields: { id: uuid } }, max: 500 }),
    add: opt({
      k: 'array',
      of: { k: 'object', fields: { id: uuid, viewId: { k: 'slug' }, viewVersion: { k: 'number', min: 1, max: 10_000, int: true }, x: coordinate, y: coordinate, muscleId: { k: 'slug' }, side: en(SIDES), units } },
      max: 500,
    }),
    // Described without their nullable fields (direction, units), so every object generated from it is refused.
    addPatterns: opt({ k: 'array', of: { k: 'object', fields: { id: uuid, patternId: { k: 'slug' }, accepted: { k: 'array', of: { k: 'object', fields: { muscleId: { k: 'slug' }, side: en(SIDES) } }, max: 60 } } }, max: 20 }),
    removePatterns: opt({ k: 'array', of: uuid, max: 20 }),
  },
  'vial:add': {
    sessionId: req(uuid), productId: req(en(PRODUCT_IDS)), sizeUnits: req({ k: 'number', min: 0, max: 20_000, exclusiveMin: true }),
    lot: req(text(40)), expiry: req(date), diluentMl: { kind: { k: 'number', min: 0.1, max: 20 }, nullable: true },
    reconstitutedAt: optNull(datetime),
  },
  'vial:remove': byId,
  'score:add': { sessionId: req(uuid), scaleId: req({ k: 'slug' }), value: req(text(12)), note: opt(text(500, false)) },
  'score:remove': byId,
  'adverseEvent:add': {
    sessionId: req(uuid), onsetDate: optNull(date), description: req(text(2000)), severity: req(en(['mild', 'moderate', 'severe'])),
  },
  'adverseEvent:remove': byId,
  'template:list': { indication: opt(en(INDICATION_IDS)) },
  'template:saveFromSession': { sessionId: req(uuid), name: req(text(120)) },
  'template:delete': byId,
  'template:rename': { id: req(uuid), name: req(text(120)) },
  'priorAuth:list': { patientId: req(uuid) },
  'priorAuth:save': {
    id: opt(uuid), patientId: req(uuid), payer: req(text(120)), number: req(text(60)), productId: optNull(en(PRODUCT_IDS)),
    validFrom: req(date), validTo: req(date), approvedUnits: optNull(units),
    approvedVisits: optNull({ k: 'number', min: 1, max: 100, int: true }), notes: opt(text(2000, false)),
  },
  'priorAuth:delete': byId,
  'clinician:get': {},
  'clinician:list': {},
  'clinician:add': {
    name: req(text(120)), credentials: opt(text(120, false)), defaultProductId: optNull(en(PRODUCT_IDS)), defaultGuidance: opt(en(GUIDANCE)),
    passphrase: opt(text(200)),
  },
  'clinician:save': {
    id: opt(uuid), name: req(text(120)), credentials: opt(text(120, false)), defaultProductId: optNull(en(PRODUCT_IDS)), defaultGuidance: opt(en(GUIDANCE)),
    passphrase: opt(text(200)),
  },
  'clinician:activate': { id: req(uuid), passphrase: opt(text(200)) },
  'clinician:setDeactivated': { id: req(uuid), deactivated: req({ k: 'boolean' }), passphrase: opt(text(200)) },
  'clinician:setPassphrase': { id: opt(uuid), current: opt(text(200)), passphrase: req(text(200)) },
  'audit:list': { entity: opt({ k: 'slug' }), entityId: opt(uuid), sessionId: opt(uuid), limit: opt({ k: 'number', min: 1, max: 1000, int: true }) },
  'review:history': { patientId: req(uuid) },
  'review:worklist': {},
  'followUp:save': {
    id: opt(uuid), sessionId: req(uuid), date: req(date), satisfaction: optNull({ k: 'number', min: 0, max: 10, int: true }),
    onsetDate: optNull(date), wearOffDate: optNull(date), notes: opt(text(4000, false)),
    // Optional fields of the listed objects are left out here: dropping a field must then always be refused.
    scores: opt({ k: 'array', max: 40, of: { k: 'object', fields: { scaleId: { k: 'slug' }, value: text(12) } } }),
    muscleScores: opt({ k: 'array', max: 200, of: { k: 'object', fields: { muscleId: { k: 'slug' }, side: en(SIDES), scaleId: { k: 'slug' }, value: text(12) } } }),
    adverseEvents: opt({
      k: 'array', max: 40,
      of: { k: 'object', fields: { description: text(2000), severity: en(['mild', 'moderate', 'severe']), serious: { k: 'boolean' }, relatedness: en(RELATEDNESS_IDS) } },
    }),
  },
  'followUp:delete': byId,
  'muscleScore:set': { sessionId: req(uuid), muscleId: req({ k: 'slug' }), side: req(en(SIDES)), scaleId: req({ k: 'slug' }), value: { kind: text(12), nullable: true } },
  'muscleScore:list': { sessionId: req(uuid) },
  'lot:search': { prefix: req(text(40)), limit: opt({ k: 'number', min: 1, max: 2000, int: true }) },
  'lot:csv': { prefix: req(text(40)) },
  'export:summaryHtml': { sessionId: req(uuid), copy: req(en(['clinical', 'patient'])) },
  'export:summaryPdf': { sessionId: req(uuid), copy: req(en(['clinical', 'patient'])) },
  'export:summaryPrint': { sessionId: req(uuid), copy: req(en(['clinical', 'patient'])) },
  'export:sessionCsv': { sessionId: req(uuid) },
  'export:sitesCsv': { from: req(date), to: req(date), includeDrafts: opt({ k: 'boolean' }), includeSuperseded: opt({ k: 'boolean' }) },
  'export:fhirBundle': { sessionId: req(uuid) },
  'settings:get': {},
  'settings:save': {
    clinicName: opt(text(200, false)), clinicAddress: opt(text(500, false)), clinicPhone: opt(text(60, false)),
    defaultProductId: optNull(en(PRODUCT_IDS)),
    defaultDilutions: opt({
      k: 'record', keys: ['onabotulinumtoxinA'],
      value: { k: 'object', fields: { sizeUnits: { k: 'numberIn', values: getProduct('onabotulinumtoxinA').vialSizes }, diluentMl: { k: 'number', min: 0.1, max: 20 } } },
    }),
    unitsStep: opt({ k: 'record', keys: INDICATION_IDS, value: { k: 'number', min: 0.05, max: 500, cents: true } }),
    defaultRetreatmentDays: opt({ k: 'number', min: 1, max: 730, int: true }),
    theme: opt(en(THEMES)),
    backupFolder: { kind: { k: 'nullOnly' }, optional: true, nullable: true },
    backupRetention: opt({ k: 'object', fields: { automatic: { k: 'number', min: 1, max: 365, int: true }, manual: { k: 'number', min: 1, max: 100, int: true } } }),
  },
  'settings:chooseBackupFolder': {},
  'backup:now': {},
  'backup:list': {},
  'backup:restore': { name: req({ k: 'backupName' }) },
  'data:export': { passphrase: opt(text(200)) },
  'data:import': { passphrase: opt(text(200)) },
  'task:progress': {},
};
