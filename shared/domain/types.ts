import type { IndicationId } from '../indications.ts';
import type { Side } from '../atlas/types.ts';
import type { TemplateOrigin } from '../rules/types.ts';

export type Sex = 'female' | 'male' | 'other' | 'unknown';
export type ConditionSide = 'left' | 'right' | 'bilateral' | 'none';
export type Guidance = 'none' | 'emg' | 'estim' | 'ultrasound';
export type Severity = 'mild' | 'moderate' | 'severe';

export interface Patient {
  id: string;
  mrn: string;
  familyName: string;
  givenName: string;
  birthDate: string;
  sex: Sex;
  notes: string;
  createdAt: string;
  updatedAt: string;
}

export interface Condition {
  id: string;
  patientId: string;
  indication: IndicationId;
  icd10Code: string;
  side: ConditionSide;
  notedOn: string | null;
  createdAt: string;
}

export interface PatientDetail extends Patient {
  conditions: Condition[];
}

export type SessionStatus = 'draft' | 'signed';

export interface SessionSummary {
  id: string;
  patientId: string;
  date: string;
  indication: IndicationId;
  productId: string | null;
  status: SessionStatus;
  siteCount: number;
  totalUnits: number;
  /** The signed session this one amends, if it is an amendment. */
  amendsSessionId: string | null;
  /** Sessions that amend this one (newest last). */
  amendedBy: string[];
  createdAt: string;
  updatedAt: string;
}

export interface Site {
  id: string;
  sessionId: string;
  seq: number;
  viewId: string;
  viewVersion: number;
  x: number;
  y: number;
  muscleId: string;
  side: Side;
  units: number;
  guidance: Guidance;
  note: string;
  /**
   * Which part of the muscle the site is in ("upper lid, medial"), from the diagram region its point lies in;
   * null (or absent) when the region is a whole muscle.
   */
  location?: string | null;
  /** For a site carried forward from an earlier session: the id of the site it started as. */
  copiedFrom?: string | null;
  createdAt: string;
  updatedAt: string;
}

/** An injection pattern the clinician applied in a session (resources/reference/patterns.json). */
export interface SessionPattern {
  id: string;
  sessionId: string;
  patternId: string;
  /** The pattern's name as shown when it was applied. */
  patternName: string;
  /** The patient's side the pattern was applied toward (chin turns to, head tilts toward, treated limb…). */
  direction: 'left' | 'right' | null;
  /** What the clinician accepted from the proposal. */
  accepted: Array<{ muscleId: string; side: Side; units: number | null }>;
  appliedAt: string;
}

export interface Vial {
  id: string;
  sessionId: string;
  productId: string;
  sizeUnits: number;
  lot: string;
  expiry: string;
  /** null for a ready-to-use solution (rimabotulinumtoxinB). */
  diluentMl: number | null;
  reconstitutedAt: string | null;
  createdAt: string;
}

export interface OutcomeScore {
  id: string;
  sessionId: string;
  scaleId: string;
  /** A number as text, or an ordinal grade such as "1+". */
  value: string;
  note: string;
  createdAt: string;
}

export interface AdverseEvent {
  id: string;
  sessionId: string;
  onsetDate: string | null;
  description: string;
  severity: Severity;
  createdAt: string;
}

export interface SessionDetail extends SessionSummary {
  startedAt: string | null;
  otherIndications: IndicationId[];
  clinicianId: string | null;
  clinicianName: string;
  guidance: Guidance[];
  notes: string;
  nextDueDate: string | null;
  signedAt: string | null;
  signedBy: string | null;
  amendmentReason: string | null;
  amendmentAuthor: string | null;
  amendedAt: string | null;
  /** The patient's weight at this visit (kg), when recorded. */
  weightKg: number | null;
  /** The template the session started from, as it was then (kept when the template is later deleted). */
  templateOrigin: TemplateOrigin | null;
  /**
   * For a signed session: its seal, 'v1:' + the SHA-256 (hex) of its canonical content at signing (the
   * session, every row under it, the stored figures, signer and time). Print it on the summary: anyone
   * can recompute it to show the record is unchanged. Null for a draft.
   */
  seal: string | null;
  /** The injection patterns applied in this session, in the order applied. */
  patterns?: SessionPattern[];
  /** The earlier session this one was copied forward from, if any. */
  copiedFromSessionId?: string | null;
  sites: Site[];
  vials: Vial[];
  scores: OutcomeScore[];
  adverseEvents: AdverseEvent[];
}

/** A site of a template: where and how much, without the session it will be copied into. */
export type TemplateSite = Pick<Site, 'id' | 'seq' | 'viewId' | 'viewVersion' | 'x' | 'y' | 'muscleId' | 'side' | 'units' | 'note'>;

export interface Template {
  id: string;
  name: string;
  indication: IndicationId;
  builtin: boolean;
  sites: TemplateSite[];
  createdAt: string;
  updatedAt: string;
}

export interface PriorAuthorization {
  id: string;
  patientId: string;
  payer: string;
  number: string;
  productId: string | null;
  validFrom: string;
  validTo: string;
  approvedUnits: number | null;
  approvedVisits: number | null;
  notes: string;
  /** Derived from signed sessions dated within the validity window (and of the product, if set). */
  usedUnits: number;
  usedVisits: number;
  createdAt: string;
  updatedAt: string;
}

/** A dose of any toxin product given outside this app (another clinic, a cosmetic practice). */
export interface ExternalDose {
  id: string;
  patientId: string;
  /** YYYY-MM-DD */
  date: string;
  productId: string;
  units: number;
  /** Where it was given, e.g. "cosmetic clinic". */
  where: string;
  indication: IndicationId | null;
  note: string;
  createdAt: string;
}

/** The clinician's recorded decision about one finding of a session (a warning never blocks). */
export interface FindingAcknowledgement {
  id: string;
  sessionId: string;
  /** Finding.key of the finding acknowledged. */
  key: string;
  kind: string;
  reason: string;
  /** The clinician's display name. */
  by: string;
  at: string;
}

export interface Clinician {
  id: string;
  name: string;
  credentials: string;
  defaultProductId: string | null;
  defaultGuidance: Guidance;
  /** The account has a passphrase: signing, amending and changing the profile ask for it. */
  hasPassphrase?: boolean;
  /** The current account: it charts, signs and authors every change (one at a time). */
  isCurrent?: boolean;
  /** When the account was deactivated (it can no longer sign nor be chosen); absent while active. */
  deactivatedAt?: string | null;
  createdAt: string;
  updatedAt: string;
}

/** A clinician account as the account list shows it: how often the record names it. */
export interface ClinicianAccount extends Clinician {
  /** Sessions it signed (its signatures keep the name it had then). */
  signedSessions: number;
}

export interface AuditEntry {
  id: number;
  at: string;
  author: string;
  action: 'insert' | 'update' | 'delete';
  entity: string;
  entityId: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

export interface BackupInfo {
  name: string;
  createdAt: string;
  sizeBytes: number;
  kind: 'automatic' | 'manual' | 'pre-migration' | 'pre-restore';
  /** The second copy in Settings.backupFolder, when one is set: where, or why it could not be written. */
  copy?: { folder: string; ok: true; file: string } | { folder: string; ok: false; detail: string };
}

/** One finding of the record's verification: an audit entry or a signed session that changed. */
export interface TrustProblem {
  kind: 'chain' | 'seal' | 'anchor';
  /** Which entry or session, in words (date, patient MRN, entry number). */
  where: string;
  /** What changed, in words (fields before → after where the audit log knows them). */
  detail: string;
  sessionId?: string;
  auditId?: number;
}

/**
 * The record's verification: the audit chain and every signed session's seal. 'checking' while the
 * background pass runs (what start checked quickly is already in `problems`).
 */
export interface TrustStatus {
  state: 'checking' | 'ok' | 'problems';
  /** When the last complete pass finished; null before the first one. */
  checkedAt: string | null;
  sessionsChecked: number;
  auditRowsChecked: number;
  problems: TrustProblem[];
}

/** A long file operation in progress (task:progress): what, which step, how far (total 0: unknown). */
export interface TaskStatus {
  task: 'backup' | 'restore' | 'export' | 'import';
  phase: string;
  done: number;
  total: number;
  startedAt: string;
}

export interface HealthInfo {
  integrity: 'ok' | 'damaged';
  integrityDetail: string;
  trust: TrustStatus;
  /** Files set aside by restores (replaced/): where, how many, how large, and the rule that keeps them. */
  replaced: { directory: string; files: number; bytes: number; rule: string };
  lastBackupAt: string | null;
  backupDirectory: string;
}

export interface AppInfo {
  version: string;
  dataDirectory: string;
  databaseFile: string;
  schemaVersion: number;
}
