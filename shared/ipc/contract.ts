import { z } from 'zod';
import type { IndicationId } from '../indications.ts';
import type {
  AdverseEvent, AppInfo, AuditEntry, BackupInfo, Condition, ExternalDose, FindingAcknowledgement, HealthInfo,
  OutcomeScore, Patient, PatientDetail, PriorAuthorization, SessionDetail, SessionSummary, Site, TaskStatus, Template, Vial,
} from '../domain/types.ts';
import * as v from '../domain/values.ts';
import { MIN_ARCHIVE_PASSPHRASE } from '../domain/passphrase-rules.ts';
import { settingsPatchSchema, type Settings, type SettingsPatch } from '../domain/settings.ts';
import { clinicianChannels, passphrase } from './clinician-contract.ts';
import { reviewChannels } from './review-contract.ts';
import { exportChannels } from './export-contract.ts';
import type {
  AdverseEventAddInput, AuditListInput, ConditionAddInput, DataExportInput, DataImportInput, DataImportResult, ExternalDoseAddInput,
  FindingAcknowledgeInput,
  PatientUpdateInput, PriorAuthSaveInput, ScoreAddInput, SessionCreateInput, SessionDerivedView, SessionUpdateInput, SiteAddInput,
  SiteBatchInput, SiteBatchResult, SiteUpdateInput, VialAddInput,
} from './inputs.ts';

/**
 * The one IPC contract: channel → input schema and output type.
 * Main validates every input against `input`; `output` is a type marker only.
 * Channels are `domain:verb`; every handler takes one object argument.
 */
function channel<I extends z.ZodType, O>(input: I) {
  return { input, output: undefined as unknown as O };
}

const empty = z.object({}).strict();
/** Finding.key as the rules make it (kind plus what it is about); opaque here. */
const findingKey = v.requiredText('Finding key', 300);
const byId = z.object({ id: v.id }).strict();
const slug = (label: string) =>
  z.string({ error: `${label} must be text` }).min(1).max(64).regex(/^[a-z0-9_-]+$/, { error: `${label} is malformed` });

const siteFields = {
  viewId: slug('view id'),
  viewVersion: z.number().int().min(1).max(10_000),
  x: v.coordinate,
  y: v.coordinate,
  muscleId: slug('muscle id'),
  side: v.side,
  units: v.units,
};

const siteUpdateObject = z
  .object({
    id: v.id,
    x: siteFields.x.optional(),
    y: siteFields.y.optional(),
    muscleId: siteFields.muscleId.optional(),
    side: siteFields.side.optional(),
    units: siteFields.units.optional(),
    guidance: v.guidance.optional(),
    note: v.boundedText('Note', 500).optional(),
  })
  .strict()
  .refine((o) => (o.x === undefined) === (o.y === undefined), { error: 'x and y are changed together' });

const batchAddObject = z
  .object({
    id: v.id,
    seq: z.number().int().min(1).max(100_000).optional(),
    ...siteFields,
    guidance: v.guidance.optional(),
    note: v.boundedText('Note', 500).optional(),
    copiedFrom: v.id.optional(),
  })
  .strict();

const patternUseObject = z
  .object({
    id: v.id,
    patternId: slug('pattern id'),
    direction: z.enum(['left', 'right'], { error: "direction must be 'left' or 'right'" }).nullable(),
    accepted: z
      .array(z.object({ muscleId: slug('muscle id'), side: v.side, units: v.units.nullable() }).strict())
      .min(1, { error: 'a pattern accepts at least one muscle' })
      .max(60),
  })
  .strict();

function distinct(ids: readonly string[]): boolean {
  return new Set(ids).size === ids.length;
}

const patientFields = {
  mrn: v.mrn,
  familyName: v.requiredText('Family name', 100),
  givenName: v.requiredText('Given name', 100),
  birthDate: v.birthDate,
  sex: v.sex.optional(),
  notes: v.boundedText('Notes', 4000).optional(),
};

const priorAuthFields = {
  patientId: v.id,
  payer: v.requiredText('Payer', 120),
  number: v.requiredText('Authorization number', 60),
  productId: v.productId.nullable().optional(),
  validFrom: v.authorizationDate,
  validTo: v.authorizationDate,
  approvedUnits: v.units.nullable().optional(),
  approvedVisits: z.number().int().min(1).max(100).nullable().optional(),
  notes: v.boundedText('Notes', 2000).optional(),
};

export const contract = {
  'app:info': channel<typeof empty, AppInfo>(empty),
  'app:health': channel<typeof empty, HealthInfo>(empty),

  'patient:create': channel<z.ZodObject<typeof patientFields>, Patient>(z.object(patientFields).strict()),
  'patient:update': channel<z.ZodType<PatientUpdateInput>, Patient>(
    z.object({ id: v.id, ...partial(patientFields) }).strict(),
  ),
  'patient:get': channel<typeof byId, PatientDetail>(byId),
  'patient:search': channel<z.ZodType<{ query: string; limit?: number | undefined }>, Patient[]>(
    z.object({ query: v.boundedText('Search text', 100), limit: z.number().int().min(1).max(200).optional() }).strict(),
  ),
  'patient:addCondition': channel<z.ZodType<ConditionAddInput>, Condition>(
    z
      .object({
        patientId: v.id,
        indication: v.indication,
        icd10Code: z.string().trim().toUpperCase().min(3).max(10).regex(/^[A-Z][0-9][0-9A-Z](\.[0-9A-Z]{1,4})?$/, {
          error: 'ICD-10-CM code is malformed (e.g. G24.3)',
        }),
        side: v.conditionSide.optional(),
        notedOn: v.pastDate.nullable().optional(),
      })
      .strict(),
  ),
  'patient:removeCondition': channel<typeof byId, { id: string }>(byId),

  'session:create': channel<z.ZodType<SessionCreateInput>, SessionDetail>(
    z
      .object({
        patientId: v.id,
        date: v.sessionDate,
        indication: v.indication,
        productId: v.productId.nullable().optional(),
        templateId: v.id.optional(),
        fromSessionId: v.id.optional(),
      })
      .strict()
      .refine((o) => !(o.templateId && o.fromSessionId), { error: 'Start from a template or from an earlier session, not both' }),
  ),
  'session:get': channel<typeof byId, SessionDetail>(byId),
  'session:listForPatient': channel<z.ZodType<{ patientId: string }>, SessionSummary[]>(
    z.object({ patientId: v.id }).strict(),
  ),
  'patient:timeline': channel<z.ZodType<{ patientId: string }>, SessionDetail[]>(z.object({ patientId: v.id }).strict()),
  'session:update': channel<z.ZodType<SessionUpdateInput>, SessionDetail>(
    z
      .object({
        id: v.id,
        date: v.sessionDate.optional(),
        startedAt: v.isoDateTime.nullable().optional(),
        indication: v.indication.optional(),
        otherIndications: z.array(v.indication).max(8).optional(),
        productId: v.productId.nullable().optional(),
        guidance: z.array(v.guidance).max(4).optional(),
        notes: v.boundedText('Notes', 8000).optional(),
        nextDueDate: v.dueDate.nullable().optional(),
        weightKg: v.weightKg.nullable().optional(),
      })
      .strict(),
  ),
  'session:delete': channel<typeof byId, { id: string }>(byId),
  /** passphrase: the current account's, always required (an account without one cannot sign). */
  'session:sign': channel<z.ZodType<{ id: string; passphrase?: string | undefined }>, SessionDetail>(
    z.object({ id: v.id, passphrase: passphrase.optional() }).strict(),
  ),
  'session:amend': channel<z.ZodType<{ id: string; reason: string; passphrase?: string | undefined }>, SessionDetail>(
    z.object({ id: v.id, reason: v.requiredText('Reason for the amendment', 1000), passphrase: passphrase.optional() }).strict(),
  ),
  /** Every derived figure and finding: live for a draft, as stored at signing for a signed session. */
  'session:derive': channel<z.ZodType<{ sessionId: string }>, SessionDerivedView>(z.object({ sessionId: v.id }).strict()),

  'finding:acknowledge': channel<z.ZodType<FindingAcknowledgeInput>, FindingAcknowledgement>(
    z
      .object({
        sessionId: v.id,
        key: findingKey,
        kind: v.requiredText('Finding kind', 64),
        reason: v.requiredText('Reason', 1000),
      })
      .strict(),
  ),
  'finding:unacknowledge': channel<z.ZodType<{ sessionId: string; key: string }>, { sessionId: string; key: string }>(
    z.object({ sessionId: v.id, key: findingKey }).strict(),
  ),

  'externalDose:add': channel<z.ZodType<ExternalDoseAddInput>, ExternalDose>(
    z
      .object({
        patientId: v.id,
        date: v.isoDate, // between the date of birth and today: checked by the service
        productId: v.productId,
        units: v.units,
        where: v.requiredText('Where the dose was given', 200),
        indication: v.indication.nullable().optional(),
        note: v.boundedText('Note', 1000).optional(),
      })
      .strict(),
  ),
  'externalDose:list': channel<z.ZodType<{ patientId: string }>, ExternalDose[]>(z.object({ patientId: v.id }).strict()),
  'externalDose:remove': channel<typeof byId, { id: string }>(byId),

  'site:add': channel<z.ZodType<SiteAddInput>, Site>(
    z
      .object({
        id: v.id.optional(), sessionId: v.id, seq: z.number().int().min(1).max(100_000).optional(), ...siteFields, guidance: v.guidance.optional(),
        note: v.boundedText('Note', 500).optional(), copiedFrom: v.id.optional(),
      })
      .strict(),
  ),
  'site:update': channel<z.ZodType<SiteUpdateInput>, Site>(siteUpdateObject),
  'site:delete': channel<typeof byId, { id: string }>(byId),
  /**
   * Several site changes as one step (a pattern, a mirror, a template, a copy-forward accept, and their undo),
   * in one transaction: all are saved or none. Removals run first, then updates, then additions.
   */
  'site:batch': channel<z.ZodType<SiteBatchInput>, SiteBatchResult>(
    z
      .object({
        sessionId: v.id,
        // An empty list is refused rather than ignored: a caller with nothing to send leaves the key out.
        remove: z.array(v.id).min(1).max(500).optional(),
        update: z.array(siteUpdateObject).min(1).max(500).optional(),
        add: z.array(batchAddObject).min(1).max(500).optional(),
        addPatterns: z.array(patternUseObject).min(1).max(20).optional(),
        removePatterns: z.array(v.id).min(1).max(20).optional(),
      })
      .strict()
      .refine((o) => (o.remove?.length ?? 0) + (o.update?.length ?? 0) + (o.add?.length ?? 0) + (o.addPatterns?.length ?? 0) + (o.removePatterns?.length ?? 0) > 0, {
        error: 'A batch must change something',
      })
      .refine((o) => distinct([...(o.remove ?? []), ...(o.update ?? []).map((u) => u.id), ...(o.add ?? []).map((a) => a.id)]), {
        error: 'A batch names each site once',
      })
      .refine((o) => distinct([...(o.addPatterns ?? []).map((p) => p.id), ...(o.removePatterns ?? [])]), { error: 'A batch names each pattern once' }),
  ),

  'vial:add': channel<z.ZodType<VialAddInput>, Vial>(
    z
      .object({
        sessionId: v.id,
        productId: v.productId,
        sizeUnits: z.number().finite().gt(0).max(20_000),
        lot: v.requiredText('Lot number', 40),
        expiry: v.expiryDate,
        // Labelled dilutions run from 0.6 to 8 mL; below 0.1 mL or above 20 mL is a typing error.
        diluentMl: z.number().finite().min(0.1, { error: 'diluent volume is at least 0.1 mL' }).max(20, { error: 'diluent volume is at most 20 mL' }).nullable(),
        reconstitutedAt: v.isoDateTime.nullable().optional(),
      })
      .strict(),
  ),
  'vial:remove': channel<typeof byId, { id: string }>(byId),

  'score:add': channel<z.ZodType<ScoreAddInput>, OutcomeScore>(
    z
      .object({
        sessionId: v.id,
        scaleId: slug('scale id'),
        value: z.string().trim().min(1).max(12),
        note: v.boundedText('Note', 500).optional(),
      })
      .strict(),
  ),
  'score:remove': channel<typeof byId, { id: string }>(byId),

  'adverseEvent:add': channel<z.ZodType<AdverseEventAddInput>, AdverseEvent>(
    z
      .object({
        sessionId: v.id,
        onsetDate: v.eventDate.nullable().optional(),
        description: v.requiredText('Description', 2000),
        severity: v.severity,
      })
      .strict(),
  ),
  'adverseEvent:remove': channel<typeof byId, { id: string }>(byId),

  'template:list': channel<z.ZodType<{ indication?: IndicationId | undefined }>, Template[]>(
    z.object({ indication: v.indication.optional() }).strict(),
  ),
  'template:saveFromSession': channel<z.ZodType<{ sessionId: string; name: string }>, Template>(
    z.object({ sessionId: v.id, name: v.requiredText('Template name', 120) }).strict(),
  ),
  'template:delete': channel<typeof byId, { id: string }>(byId),
  'template:rename': channel<z.ZodType<{ id: string; name: string }>, Template>(
    z.object({ id: v.id, name: v.requiredText('Template name', 120) }).strict(),
  ),

  'priorAuth:list': channel<z.ZodType<{ patientId: string }>, PriorAuthorization[]>(z.object({ patientId: v.id }).strict()),
  'priorAuth:save': channel<z.ZodType<PriorAuthSaveInput>, PriorAuthorization>(
    z
      .object({ id: v.id.optional(), ...priorAuthFields })
      .strict()
      .refine((o) => o.validTo >= o.validFrom, { error: 'The authorization ends before it starts' }),
  ),
  'priorAuth:delete': channel<typeof byId, { id: string }>(byId),

  /** Every setting, defaults filled in for keys never saved. */
  'settings:get': channel<typeof empty, Settings>(empty),
  /** Saves the keys given (only those that changed are written and audited); answers all settings. */
  'settings:save': channel<z.ZodType<SettingsPatch>, Settings>(settingsPatchSchema),
  /** Opens a folder dialog in main; the chosen folder receives a copy of every backup. Cancel changes nothing. */
  'settings:chooseBackupFolder': channel<typeof empty, Settings>(empty),

  'audit:list': channel<z.ZodType<AuditListInput>, AuditEntry[]>(
    z
      .object({
        entity: slug('entity').optional(),
        entityId: v.id.optional(),
        sessionId: v.id.optional(),
        limit: z.number().int().min(1).max(1000).optional(),
      })
      .strict(),
  ),

  'backup:now': channel<typeof empty, BackupInfo>(empty),
  'backup:list': channel<typeof empty, BackupInfo[]>(empty),
  'backup:restore': channel<z.ZodType<{ name: string }>, { restoredFrom: string; replacedFileKeptAt: string }>(
    z.object({ name: z.string().min(1).max(200).regex(/^[A-Za-z0-9._-]+\.sqlite$/, { error: 'not a backup name' }) }).strict(),
  ),
  /**
   * passphrase: write an encrypted archive (docs/encrypted-export.md) instead of the plain JSON file.
   * problems: how many findings the record's verification had when it was exported (0: it verified).
   */
  'data:export': channel<z.ZodType<DataExportInput>, { file: string | null; problems: number }>(
    z
      .object({
        passphrase: passphrase
          .refine((s) => s.trim().length >= MIN_ARCHIVE_PASSPHRASE, {
            error: `The archive passphrase has at least ${MIN_ARCHIVE_PASSPHRASE} characters (besides spaces): it alone protects every patient in the file`,
          })
          .optional(),
      })
      .strict(),
  ),
  /** The backup, restore, export or import running now, with its progress; null when none is. */
  'task:progress': channel<typeof empty, TaskStatus | null>(empty),
  /**
   * needsPassphrase: the chosen file is an encrypted archive; main keeps it, and the next call with its
   * passphrase imports it (a wrong passphrase keeps it for another try). signedSitesOffMuscle: sites of
   * signed sessions whose point lies off the muscle they name, imported as they were signed (told, not refused).
   */
  'data:import': channel<z.ZodType<DataImportInput>, DataImportResult>(
    z.object({ passphrase: passphrase.optional() }).strict(),
  ),

  ...clinicianChannels,
  ...reviewChannels,
  ...exportChannels,
} as const;

function partial<T extends Record<string, z.ZodType>>(fields: T) {
  return Object.fromEntries(Object.entries(fields).map(([k, s]) => [k, s.optional()])) as {
    [K in keyof T]: z.ZodOptional<T[K]>;
  };
}

export type * from './inputs.ts';

export type Contract = typeof contract;
export type Channel = keyof Contract;
export type InputOf<C extends Channel> = z.output<Contract[C]['input']>;
export type OutputOf<C extends Channel> = Contract[C]['output'];
