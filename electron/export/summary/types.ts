import type { PatientDetail, SessionDetail } from '../../../shared/domain/types.ts';
import type { SessionDerivedView } from '../../../shared/ipc/contract.ts';
import type { SummaryCopy } from '../../../shared/ipc/export-contract.ts';

/** The clinical copy carries everything; the patient copy leaves out billing lines and internal checks. */
export type { SummaryCopy };

/**
 * 'print' is the document printed or saved as PDF (page footers with the record id and page numbers);
 * 'screen' is the same document for the in-app preview, whose content security policy admits only the
 * constant stylesheet (the footers are a print feature and do not show on screen anyway).
 */
export type SummaryTarget = 'print' | 'screen';

/** Another version of the same record (an amendment chain runs original → amendment → amendment …). */
export interface RecordVersion {
  id: string;
  date: string;
  status: 'draft' | 'signed';
  signedAt: string | null;
  signedBy: string | null;
  /** Why this version was made (null for the original). */
  amendmentReason: string | null;
  amendmentAuthor: string | null;
  amendedAt: string | null;
}

/** Optional practice details printed in the heading; without them the clinician's name heads the page. */
export interface ClinicInfo {
  name: string;
  address?: string | undefined;
  phone?: string | undefined;
}

/** Everything the summary prints, as plain data: the builder reads nothing else. */
export interface SummaryData {
  session: SessionDetail;
  patient: PatientDetail;
  /** What session:derive answers: live for a draft, the figures stored at signing for a signed session. */
  derived: SessionDerivedView;
  /** Earlier versions this session amends (oldest first) and later versions that amend it (oldest first). */
  versions: { earlier: RecordVersion[]; later: RecordVersion[] };
  clinic?: ClinicInfo | null | undefined;
  /** When the document was made (ISO instant). */
  generatedAt: string;
  appVersion: string;
}

export interface SummaryOptions {
  copy: SummaryCopy;
  target: SummaryTarget;
  /** IANA time zone for instants (signing time, acknowledgements); the system's when absent. */
  timeZone?: string | undefined;
}
