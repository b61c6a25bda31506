import { z } from 'zod';
import * as v from '../domain/values.ts';

/**
 * The export channels (session summary, CSV, FHIR R4), spread into the one contract in contract.ts.
 * Same rules: strict zod input, output as a type marker. No channel takes a path: where a file goes is
 * chosen by the user in a save dialog in main, never named by the renderer.
 */
function channel<I extends z.ZodType, O>(input: I) {
  return { input, output: undefined as unknown as O };
}

export type SummaryCopy = 'clinical' | 'patient';

export interface SummaryCopyInput {
  sessionId: string;
  /** 'clinical': the whole record with billing lines and checks; 'patient': without them, with the next visit. */
  copy: SummaryCopy;
}

export interface SitesCsvInput {
  /** First and last session date included (YYYY-MM-DD). */
  from: string;
  to: string;
  /** Drafts are left out unless asked for (they may still change). */
  includeDrafts?: boolean | undefined;
  /** Signed versions replaced by a signed amendment are left out unless asked for (no site counted twice). */
  includeSuperseded?: boolean | undefined;
}

const summaryCopy = z
  .object({ sessionId: v.id, copy: z.enum(['clinical', 'patient'], { error: "copy is 'clinical' or 'patient'" }) })
  .strict();
const bySession = z.object({ sessionId: v.id }).strict();

export const exportChannels = {
  /** The summary as HTML for the in-app preview (the constant stylesheet only). */
  'export:summaryHtml': channel<z.ZodType<SummaryCopyInput>, { html: string; title: string }>(summaryCopy),
  /** Renders the summary to PDF and writes it where the user chooses; file null when cancelled. */
  'export:summaryPdf': channel<z.ZodType<SummaryCopyInput>, { file: string | null }>(summaryCopy),
  /** Opens the system print dialog for the summary; printed false when cancelled. */
  'export:summaryPrint': channel<z.ZodType<SummaryCopyInput>, { printed: boolean }>(summaryCopy),
  /** The sites of one session as CSV, written where the user chooses. */
  'export:sessionCsv': channel<z.ZodType<{ sessionId: string }>, { file: string | null; rows: number }>(bySession),
  /** The sites of every session in a date range, across patients, as CSV. */
  'export:sitesCsv': channel<z.ZodType<SitesCsvInput>, { file: string | null; rows: number; sessions: number }>(
    z
      .object({ from: v.isoDate, to: v.isoDate, includeDrafts: z.boolean().optional(), includeSuperseded: z.boolean().optional() })
      .strict()
      .refine((o) => o.to >= o.from, { error: 'The range ends before it starts' }),
  ),
  /** A signed session as a FHIR R4 Bundle (JSON), written where the user chooses. */
  'export:fhirBundle': channel<z.ZodType<{ sessionId: string }>, { file: string | null; resources: number }>(bySession),
} as const;

export const EXPORT_CHANNELS = [
  'export:summaryHtml', 'export:summaryPdf', 'export:summaryPrint', 'export:sessionCsv', 'export:sitesCsv', 'export:fhirBundle',
] as const satisfies ReadonlyArray<keyof typeof exportChannels>;
