/**
 * The input (and a few output) types of the IPC contract's channels, written out so they read as documentation;
 * each channel's zod schema in contract.ts is declared against its type here.
 */
import type { IndicationId } from '../indications.ts';
import type { SessionPattern, Site } from '../domain/types.ts';
import type { SessionDerived } from '../rules/types.ts';

type Opt<T> = T | undefined;

export interface PatientCreateInput {
  mrn: string;
  familyName: string;
  givenName: string;
  birthDate: string;
  sex?: Opt<'female' | 'male' | 'other' | 'unknown'>;
  notes?: Opt<string>;
}
export type PatientUpdateInput = { id: string } & Partial<PatientCreateInput>;
export interface ConditionAddInput {
  patientId: string;
  indication: IndicationId;
  icd10Code: string;
  side?: Opt<'left' | 'right' | 'bilateral' | 'none'>;
  notedOn?: Opt<string | null>;
}
export interface SessionCreateInput {
  patientId: string;
  date: string;
  indication: IndicationId;
  productId?: Opt<string | null>;
  templateId?: Opt<string>;
  /** Start from the site map of an earlier session of the same patient. */
  fromSessionId?: Opt<string>;
}
export interface SessionUpdateInput {
  id: string;
  date?: Opt<string>;
  startedAt?: Opt<string | null>;
  indication?: Opt<IndicationId>;
  otherIndications?: Opt<IndicationId[]>;
  productId?: Opt<string | null>;
  guidance?: Opt<Array<'none' | 'emg' | 'estim' | 'ultrasound'>>;
  notes?: Opt<string>;
  nextDueDate?: Opt<string | null>;
  /** The patient's weight at this visit, kg; null clears it. */
  weightKg?: Opt<number | null>;
}
export interface SiteAddInput {
  id?: Opt<string>;
  sessionId: string;
  /** Restoring a site (undo of a delete) keeps its order number when that number is free. */
  seq?: Opt<number>;
  viewId: string;
  viewVersion: number;
  x: number;
  y: number;
  muscleId: string;
  side: 'left' | 'right' | 'midline';
  units: number;
  guidance?: Opt<'none' | 'emg' | 'estim' | 'ultrasound'>;
  note?: Opt<string>;
  /** Restoring a site carried forward from the earlier session (undo of its removal) keeps that link. */
  copiedFrom?: Opt<string>;
}
export interface SiteUpdateInput {
  id: string;
  x?: Opt<number>;
  y?: Opt<number>;
  muscleId?: Opt<string>;
  side?: Opt<'left' | 'right' | 'midline'>;
  units?: Opt<number>;
  guidance?: Opt<'none' | 'emg' | 'estim' | 'ultrasound'>;
  note?: Opt<string>;
}
export type SiteBatchAdd = Omit<SiteAddInput, 'sessionId' | 'id'> & { id: string };
export interface PatternUseInput {
  id: string;
  patternId: string;
  direction: 'left' | 'right' | null;
  accepted: Array<{ muscleId: string; side: 'left' | 'right' | 'midline'; units: number | null }>;
}
export interface SiteBatchInput {
  sessionId: string;
  remove?: Opt<string[]>;
  update?: Opt<SiteUpdateInput[]>;
  add?: Opt<SiteBatchAdd[]>;
  /** Injection patterns applied with these sites (recorded with the session), or removed with them (undo). */
  addPatterns?: Opt<PatternUseInput[]>;
  removePatterns?: Opt<string[]>;
}
export interface SiteBatchResult {
  added: Site[];
  updated: Site[];
  removed: string[];
  /** The session's applied patterns after the batch. */
  patterns: SessionPattern[];
}
export interface VialAddInput {
  sessionId: string;
  productId: string;
  sizeUnits: number;
  lot: string;
  expiry: string;
  diluentMl: number | null;
  reconstitutedAt?: Opt<string | null>;
}
export interface ScoreAddInput {
  sessionId: string;
  scaleId: string;
  value: string;
  note?: Opt<string>;
}
export interface AdverseEventAddInput {
  sessionId: string;
  onsetDate?: Opt<string | null>;
  description: string;
  severity: 'mild' | 'moderate' | 'severe';
}
export interface PriorAuthSaveInput {
  id?: Opt<string>;
  patientId: string;
  payer: string;
  number: string;
  productId?: Opt<string | null>;
  validFrom: string;
  validTo: string;
  approvedUnits?: Opt<number | null>;
  approvedVisits?: Opt<number | null>;
  notes?: Opt<string>;
}
export interface AuditListInput {
  entity?: Opt<string>;
  entityId?: Opt<string>;
  /** Everything recorded about one session: its own row and every site, vial, score and event under it. */
  sessionId?: Opt<string>;
  limit?: Opt<number>;
}
/** data:export: with a passphrase, an encrypted archive; without one, the plain JSON file. */
export interface DataExportInput {
  passphrase?: Opt<string>;
}
/** data:import: the encrypted archive's passphrase, once the answer asked for it (needsPassphrase). */
export interface DataImportInput {
  passphrase?: Opt<string>;
}

/** What an import answers (data:import). */
export interface DataImportResult {
  file: string | null;
  patients: number;
  sessions: number;
  needsPassphrase?: boolean;
  signedSitesOffMuscle?: number;
}
export interface FindingAcknowledgeInput {
  sessionId: string;
  key: string;
  kind: string;
  reason: string;
}
export interface ExternalDoseAddInput {
  patientId: string;
  date: string;
  productId: string;
  units: number;
  /** Where it was given, e.g. "cosmetic clinic". */
  where: string;
  indication?: Opt<IndicationId | null>;
  note?: Opt<string>;
}
/**
 * What session:derive answers: SessionDerived, plus, for a signed session, when the stored figures were
 * derived (at signing). Absent for a draft, which is derived live.
 */
export type SessionDerivedView = SessionDerived & { signedSnapshot?: { derivedAt: string } };
export interface ClinicianAddInput {
  name: string;
  credentials?: Opt<string>;
  defaultProductId?: Opt<string | null>;
  defaultGuidance?: Opt<'none' | 'emg' | 'estim' | 'ultrasound'>;
  /** The new account's passphrase (an account without one cannot sign). */
  passphrase?: Opt<string>;
}
export interface ClinicianSaveInput {
  /** The account to change; the current one when absent (with no account yet, the first is made). */
  id?: Opt<string>;
  name: string;
  credentials?: Opt<string>;
  defaultProductId?: Opt<string | null>;
  defaultGuidance?: Opt<'none' | 'emg' | 'estim' | 'ultrasound'>;
  /** Required when the account has a passphrase: renaming the signer is an authenticated change. */
  passphrase?: Opt<string>;
}
