/**
 * What the review screens read: a patient's treatment history at a glance, the follow-up visit of a
 * treatment cycle, grades per muscle, the worklist and lot recall. Pure data.
 */
import type { IndicationId } from '../indications.ts';
import type { AdverseEvent, OutcomeScore, SessionStatus, Severity, Site } from './types.ts';

export type Relatedness = 'not_related' | 'unlikely' | 'possible' | 'probable' | 'certain';
export type AdverseOutcome = 'resolved' | 'resolving' | 'ongoing' | 'unknown';

export const RELATEDNESS: ReadonlyArray<{ id: Relatedness; label: string }> = [
  { id: 'not_related', label: 'Not related' },
  { id: 'unlikely', label: 'Unlikely' },
  { id: 'possible', label: 'Possible' },
  { id: 'probable', label: 'Probable' },
  { id: 'certain', label: 'Certain' },
];

export const ADVERSE_OUTCOMES: ReadonlyArray<{ id: AdverseOutcome; label: string }> = [
  { id: 'resolved', label: 'Resolved' },
  { id: 'resolving', label: 'Resolving' },
  { id: 'ongoing', label: 'Ongoing' },
  { id: 'unknown', label: 'Unknown' },
];

/** A grade for one muscle and side (Modified Ashworth), at a session or at a follow-up visit. */
export interface MuscleScore {
  id: string;
  muscleId: string;
  side: 'left' | 'right' | 'midline';
  scaleId: string;
  value: string;
  createdAt: string;
}

export interface FollowUpScore {
  id: string;
  scaleId: string;
  value: string;
  note: string;
}

export interface FollowUpAdverseEvent {
  id: string;
  onsetDate: string | null;
  description: string;
  severity: Severity;
  serious: boolean;
  relatedness: Relatedness;
  outcome: AdverseOutcome;
}

/** The visit at peak effect (4 to 6 weeks) reviewing one treatment session. */
export interface FollowUpVisit {
  id: string;
  /** The treatment session of this cycle. */
  sessionId: string;
  date: string;
  clinicianName: string;
  /** 0 (not at all) to 10 (completely satisfied); null when not asked. */
  satisfaction: number | null;
  /** First effect and wearing off, as the patient reports them. */
  onsetDate: string | null;
  wearOffDate: string | null;
  notes: string;
  scores: FollowUpScore[];
  adverseEvents: FollowUpAdverseEvent[];
  muscleScores: MuscleScore[];
  createdAt: string;
  updatedAt: string;
}

/** A warning of a session that the clinician acknowledged, with the wording it had when signed. */
export interface AcknowledgedWarning {
  key: string;
  kind: string;
  /** The finding's message as stored at signing; null for a draft (derived live, not stored). */
  message: string | null;
  sources: string[];
  reason: string;
  by: string;
  at: string;
}

export type HistorySite = Pick<Site, 'id' | 'seq' | 'viewId' | 'viewVersion' | 'x' | 'y' | 'muscleId' | 'side' | 'units'>;

export interface HistorySession {
  id: string;
  date: string;
  indication: IndicationId;
  otherIndications: IndicationId[];
  /** Units are only ever totalled within this product (never across products). */
  productId: string | null;
  status: SessionStatus;
  clinicianName: string;
  signedAt: string | null;
  nextDueDate: string | null;
  amendsSessionId: string | null;
  /** The later version that replaces this one (a signed amendment), if any. */
  supersededBy: string | null;
  totalUnits: number;
  siteCount: number;
  sites: HistorySite[];
  scores: OutcomeScore[];
  adverseEvents: AdverseEvent[];
  muscleScores: MuscleScore[];
  acknowledged: AcknowledgedWarning[];
  followUps: FollowUpVisit[];
  /** Days since the previous treatment (current versions only; null for the first). */
  daysSincePrevious: number | null;
}

export interface PatientHistory {
  patientId: string;
  /** Newest first; superseded versions of amended sessions are included, marked supersededBy. */
  sessions: HistorySession[];
}

export type WorklistReason = 'overdue' | 'due';

export interface WorklistDue {
  patientId: string;
  mrn: string;
  name: string;
  lastSessionId: string;
  lastDate: string;
  indication: IndicationId;
  dueDate: string;
  /** Where the due date comes from: the session's own next due date, or the last date plus the default interval. */
  dueFrom: 'next_due_date' | 'interval';
  /** Negative: days overdue. */
  daysUntilDue: number;
}

export interface WorklistDraft {
  patientId: string;
  mrn: string;
  name: string;
  sessionId: string;
  date: string;
  indication: IndicationId;
  createdAt: string;
  siteCount: number;
}

export interface WorklistAuthorization {
  patientId: string;
  mrn: string;
  name: string;
  priorAuthId: string;
  payer: string;
  number: string;
  productId: string | null;
  validTo: string;
  daysLeft: number;
  unitsLeft: number | null;
  approvedUnits: number | null;
  visitsLeft: number | null;
  approvedVisits: number | null;
  /** Why it is listed: 'expiring' (within 30 days), 'visits' (at most one visit left), 'units' (under 20 % left). */
  reasons: Array<'expiring' | 'visits' | 'units'>;
}

export interface WorklistRecent {
  patientId: string;
  mrn: string;
  name: string;
  lastActivity: string;
}

export interface Worklist {
  today: string;
  /** The interval used where a session has no next due date of its own, and where it comes from. */
  defaultIntervalDays: number;
  intervalSource: 'settings' | 'reference';
  due: WorklistDue[];
  /** Patients overdue by more than the look-back window: counted, not listed. */
  longOverdueCount: number;
  drafts: WorklistDraft[];
  authorizations: WorklistAuthorization[];
  recent: WorklistRecent[];
}

export interface LotRecallRow {
  vialId: string;
  lot: string;
  expiry: string;
  sizeUnits: number;
  productId: string;
  patientId: string;
  mrn: string;
  patientName: string;
  sessionId: string;
  sessionDate: string;
  status: SessionStatus;
  indication: IndicationId;
  /** Units drawn from this vial, as the rules allocate them (vials in the order opened); null when not derivable. */
  unitsFromVial: number | null;
  sessionUnits: number;
  siteCount: number;
  /** Other lots used in the same session: when any, the sites cannot be told apart by lot. */
  otherLots: string[];
  /** The muscles (name and side) injected in the session, as written on the record. */
  muscles: string[];
}

export interface LotRecall {
  prefix: string;
  rows: LotRecallRow[];
  /** True when more vials matched than were listed. */
  truncated: boolean;
}
