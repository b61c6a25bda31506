/**
 * Input and output of deriveSession: everything the app derives from a session (totals, volumes,
 * waste, billing, CPT, findings). Pure data; no Node, DOM or React.
 */
import type { IndicationId } from '../indications.ts';
import type { Guidance } from '../domain/types.ts';

export type SiteSide = 'left' | 'right' | 'midline';

export interface DeriveSite {
  id: string;
  seq: number;
  muscleId: string;
  side: SiteSide;
  units: number;
  guidance: Guidance;
  /** When the site was recorded (ISO instant); the latest one tells when the vials were in use. */
  createdAt?: string | undefined;
}

export interface DeriveVial {
  id: string;
  productId: string;
  sizeUnits: number;
  lot: string;
  /** Expiry date printed on the vial (YYYY-MM-DD). */
  expiry: string;
  diluentMl: number | null;
  reconstitutedAt: string | null;
  /** When the vial was recorded; vials are used in the order they were opened (reconstituted, else recorded). */
  createdAt?: string | undefined;
}

/** An earlier dose of the same patient: a signed session of this app, or a dose given elsewhere. */
export interface PriorDose {
  id: string;
  /** YYYY-MM-DD */
  date: string;
  /** null when the product was not recorded (it is then never summed with anything). */
  productId: string | null;
  indications: IndicationId[];
  units: number;
  origin: 'session' | 'elsewhere';
  /** For doses given elsewhere: where (e.g. "cosmetic clinic"). */
  where?: string | undefined;
}

export interface Acknowledgement {
  /** The finding's stable key (Finding.key). */
  key: string;
  by: string;
  at: string;
  reason: string;
}

/** The template a session started from, to tell when the session departs from it. */
export interface TemplateOrigin {
  id: string;
  name: string;
  sites: Array<{ muscleId: string; side: SiteSide; units: number }>;
}

export interface DeriveInput {
  session: {
    id: string;
    /** YYYY-MM-DD */
    date: string;
    /** When the procedure started (ISO instant), if recorded. */
    startedAt: string | null;
    indication: IndicationId;
    otherIndications: IndicationId[];
    productId: string | null;
    /** Guidance used for the session as a whole. */
    guidance: Guidance[];
    vials: DeriveVial[];
    /** In site order (seq). */
    sites: DeriveSite[];
    template?: TemplateOrigin | null | undefined;
  };
  patient: { birthDate: string };
  /** Weight at this visit (or the most recent recorded), in kg; null when none is recorded. */
  weightKg: number | null;
  /** Earlier doses of any product: signed sessions (the latest version of each) and doses given elsewhere. */
  earlier: PriorDose[];
  acknowledgements?: Acknowledgement[] | undefined;
  /** Today's date (YYYY-MM-DD). */
  today: string;
}

export type Severity = 'warning' | 'info';

export interface Finding {
  /** Stable identity of this finding within the session (kind plus what it is about); acknowledgements refer to it. */
  key: string;
  kind: string;
  severity: Severity;
  message: string;
  sources: string[];
  /** True when the rule behind it is marked from_memory in the reference (shown as unverified). */
  unverified?: boolean;
  /** The rule's wording, when it is an app convention rather than a label fact. */
  convention?: string;
  siteIds?: string[];
  acknowledgement?: { by: string; at: string; reason: string };
}

export interface CptLine {
  code: string;
  units: number;
  note?: string;
  /** The muscles counted for this line (limb and trunk codes), so a coder can check the count. */
  muscles?: string[];
  /** True when the line rests on a convention or an unverified rule and needs coder review. */
  review?: boolean;
}

export interface Billing {
  hcpcs: string;
  unitSize: number;
  administeredBillingUnits: number;
  jwBillingUnits: number;
  /** null when the reference leaves the case open (something discarded, under one billing unit). */
  modifier: 'JW' | 'JZ' | null;
  /** Product units administered and discarded, documented either way. */
  administeredUnits: number;
  discardedUnits: number;
  labelledUnits: number;
  /** The open question when modifier is null. */
  openQuestion?: string;
  sources: string[];
}

export interface RegionTotal {
  /** face, head, jaw, neck, trunk, upper_limb_left, upper_limb_right, lower_limb_left, lower_limb_right */
  region: string;
  units: number;
  sites: number;
}

export interface SessionDerived {
  totals: {
    units: number;
    sites: number;
    byMuscleSide: Array<{ muscleId: string; side: SiteSide; units: number; sites: number }>;
    bySide: { left: number; right: number; midline: number };
    byRegion: RegionTotal[];
  };
  /** U per 0.1 mL when every vial of the session's product has the same concentration. */
  concentrationPer01mL: number | null;
  /** In site order; mL is null when no concentration can be derived for that site. */
  volumes: Array<{ siteId: string; mL: number | null }>;
  vials: {
    labelledUnits: number;
    wastedUnits: number;
    byVial: Array<{ vialId: string; labelledUnits: number; usedUnits: number; wastedUnits: number }>;
  };
  billing: Billing | null;
  cpt: CptLine[];
  /** Same product only, the session itself included. */
  rolling: Array<{ product: string; windowDays: number; units: number }>;
  findings: Finding[];
  /** What must be recorded before the session can be signed; empty when complete. */
  completeness: Array<{ kind: string; message: string }>;
  /** Age in whole years at the session date, and whether pediatric limits apply. */
  ageYears: number;
  pediatric: boolean;
}
