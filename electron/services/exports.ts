// The session summary, CSV and FHIR exports behind the export:* channels. Building is pure (electron/export);
// here the data is read, the user is asked where to save (through the shell), and the file is written
// whole or not at all. No Electron: the shell's part (dialogs, print, PDF) arrives as an ExportShell.
import type { PatientDetail, SessionDetail } from '../../shared/domain/types.ts';
import type { SessionDerivedView } from '../../shared/ipc/contract.ts';
import type { SessionDerived } from '../../shared/rules/types.ts';
import { deriveVials } from '../../shared/rules/vials.ts';
import type { SitesCsvInput, SummaryCopyInput } from '../../shared/ipc/export-contract.ts';
import { addDays, format, parseISO } from 'date-fns';
import { AppError } from '../../shared/ipc/result.ts';
import { amendmentLinks, sessionsBetween, sitesBetween, storedFiguresBetween, vialsBetween } from '../db/export-queries.ts';
import { sitesCsv, type SiteCsvSession } from '../export/csv/sites-csv.ts';
import { sessionBundle } from '../export/fhir/bundle.ts';
import { buildSummaryHtml, summaryTitle } from '../export/summary/document.ts';
import { writeFileAtomic } from '../export/write-file.ts';
import type { ServiceContext } from './context.ts';
import { recordVersions, sessionWithFigures, summaryData } from './export-data.ts';
import { getPatient } from './patients.ts';

export interface SaveRequest {
  title: string;
  defaultName: string;
  filters: Array<{ name: string; extensions: string[] }>;
}

export interface PrintJob {
  /** The document title (print queue, PDF metadata). */
  title: string;
}

/** What only the desktop shell can do: ask where to save, print, and render to PDF. */
export interface ExportShell {
  /** The file the user chose in a save dialog; null when cancelled. */
  chooseSaveFile: (request: SaveRequest) => Promise<string | null>;
  /** Opens the system print dialog for the document; false when the user cancelled. */
  print: (html: string, job: PrintJob) => Promise<boolean>;
  /** The document as PDF bytes. */
  toPdf: (html: string, job: PrintJob) => Promise<Uint8Array>;
}

const unavailable = (what: string) => () =>
  Promise.reject(new AppError('CONFLICT', `${what} is available in the desktop app only. Use the preview to read the summary.`));

/** Without a shell (tests, a browser preview): every save is a cancel, printing is refused with a reason. */
export const NO_EXPORT_SHELL: ExportShell = {
  chooseSaveFile: () => Promise.resolve(null),
  print: unavailable('Printing'),
  toPdf: unavailable('Saving as PDF'),
};

export interface ExportDeps {
  ctx: ServiceContext;
  appVersion: () => string;
  shell: ExportShell;
  logError?: (where: string, err: unknown) => void;
}

/** Letters, digits, dot, dash and underscore only: a name every file system takes. */
function safeName(text: string): string {
  return text.normalize('NFKD').replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 60) || 'record';
}

function baseName(session: SessionDetail, mrn: string): string {
  return `MRN-${safeName(mrn)}_${session.date}`;
}

async function saveAs(deps: ExportDeps, request: SaveRequest, bytes: () => Promise<Uint8Array | string>, what: string): Promise<string | null> {
  const file = await deps.shell.chooseSaveFile(request);
  if (file === null) return null;
  const data = await bytes();
  try {
    await writeFileAtomic(file, data);
  } catch (err) {
    deps.logError?.(what, err);
    throw new AppError('INTERNAL', `The ${what} could not be written to ${file} (${(err as Error).message}). Nothing was saved there; choose another folder.`);
  }
  return file;
}

export function summaryHtml(deps: ExportDeps, input: SummaryCopyInput): { html: string; title: string } {
  const data = summaryData(deps.ctx, input.sessionId, deps.appVersion());
  return { html: buildSummaryHtml(data, { copy: input.copy, target: 'screen' }), title: summaryTitle(data, input.copy) };
}

function printable(deps: ExportDeps, input: SummaryCopyInput) {
  const data = summaryData(deps.ctx, input.sessionId, deps.appVersion());
  return { data, html: buildSummaryHtml(data, { copy: input.copy, target: 'print' }), title: summaryTitle(data, input.copy) };
}

export async function summaryPdf(deps: ExportDeps, input: SummaryCopyInput): Promise<{ file: string | null }> {
  // Built before the dialog: a record that cannot be printed says so before anyone picks a folder.
  const { data, html, title } = printable(deps, input);
  const suffix = input.copy === 'patient' ? 'patient-copy' : 'injection-record';
  const file = await saveAs(
    deps,
    { title: input.copy === 'patient' ? 'Save the patient copy as PDF' : 'Save the injection record as PDF', defaultName: `${baseName(data.session, data.patient.mrn)}_${suffix}.pdf`, filters: [{ name: 'PDF document', extensions: ['pdf'] }] },
    () => deps.shell.toPdf(html, { title }),
    'PDF',
  );
  return { file };
}

export async function summaryPrint(deps: ExportDeps, input: SummaryCopyInput): Promise<{ printed: boolean }> {
  const { html, title } = printable(deps, input);
  return { printed: await deps.shell.print(html, { title }) };
}

function supersededBy(deps: ExportDeps, session: SessionDetail): string | null {
  return recordVersions(deps.ctx, session).later.filter((v) => v.status === 'signed').at(-1)?.id ?? null;
}

function csvSession(deps: ExportDeps, sessionId: string): SiteCsvSession & { detail: SessionDetail; patientDetail: PatientDetail; derived: SessionDerivedView } {
  const { session, derived } = sessionWithFigures(deps.ctx, sessionId);
  const patient = getPatient(deps.ctx, { id: session.patientId });
  return {
    session, patient, sites: session.sites, lots: session.vials.map((v) => v.lot), figures: derived, supersededBy: supersededBy(deps, session),
    detail: session, patientDetail: patient, derived,
  };
}

export async function sessionCsv(deps: ExportDeps, input: { sessionId: string }): Promise<{ file: string | null; rows: number }> {
  const one = deps.ctx.db.transaction(() => csvSession(deps, input.sessionId))();
  const { csv, rows } = await sitesCsv([one]);
  const file = await saveAs(
    deps,
    { title: 'Export the sites as CSV', defaultName: `${baseName(one.detail, one.patient.mrn)}_sites.csv`, filters: [{ name: 'CSV (comma-separated values)', extensions: ['csv'] }] },
    () => Promise.resolve(csv),
    'CSV file',
  );
  return { file, rows: file === null ? 0 : rows };
}

/** The newest signed version replacing each amended session, from the amendment links. */
function replacements(links: ReturnType<typeof amendmentLinks>): Map<string, string> {
  const next = new Map<string, string[]>();
  for (const l of links) next.set(l.amends, [...(next.get(l.amends) ?? []), l.id]);
  const signed = new Set(links.filter((l) => l.status === 'signed').map((l) => l.id));
  const out = new Map<string, string>();
  for (const original of next.keys()) {
    let newest: string | null = null;
    const seen = new Set<string>([original]);
    let frontier = next.get(original) ?? [];
    while (frontier.length > 0) {
      const id = frontier.find((f) => !seen.has(f));
      if (!id) break;
      seen.add(id);
      if (signed.has(id)) newest = id;
      frontier = next.get(id) ?? [];
    }
    if (newest) out.set(original, newest);
  }
  return out;
}

const DAYS_PER_PART = 7;

/**
 * Every session in the range, read a week at a time with a handful of statements each (not ten per
 * session) and a pause between weeks, so a year of a busy clinic never holds the window for more than a
 * fraction of a second. Volumes and concentration are what session:derive gives: stored at signing for a
 * signed session, and for the others the rules' own vial derivation (the same function).
 */
async function rangeSessions(deps: ExportDeps, input: SitesCsvInput): Promise<SiteCsvSession[]> {
  const out: SiteCsvSession[] = [];
  const replaced = replacements(amendmentLinks(deps.ctx.db));
  for (let start = input.from; start <= input.to; ) {
    const next = format(addDays(parseISO(start), DAYS_PER_PART), 'yyyy-MM-dd');
    const end = format(addDays(parseISO(next), -1), 'yyyy-MM-dd');
    out.push(...rangePart(deps, start, end < input.to ? end : input.to, replaced));
    start = next;
    if (start <= input.to) await new Promise<void>((resolve) => setImmediate(resolve));
  }
  return out.filter((s) => (input.includeDrafts === true || s.session.status === 'signed') && (input.includeSuperseded === true || s.supersededBy === null));
}

function rangePart(deps: ExportDeps, from: string, to: string, replaced: Map<string, string>): SiteCsvSession[] {
  const db = deps.ctx.db;
  return db.transaction(() => {
    const sessions = sessionsBetween(db, from, to);
    if (sessions.length === 0) return [];
    const sites = sitesBetween(db, from, to);
    const vials = vialsBetween(db, from, to);
    const stored = storedFiguresBetween(db, from, to);
    return sessions.map((s): SiteCsvSession => {
      const own = sites.get(s.id) ?? [];
      const ownVials = vials.get(s.id) ?? [];
      const snapshot = s.status === 'signed' ? stored.get(s.id) : undefined;
      const figures = snapshot
        ? (JSON.parse(snapshot) as SessionDerived)
        : deriveVials(own.map((x) => ({ id: x.id, seq: x.seq, muscleId: x.muscleId, side: x.side, units: x.units, guidance: x.guidance, createdAt: x.createdAt })), ownVials, s.productId);
      return {
        session: s, patient: s, sites: own, lots: ownVials.map((v) => v.lot),
        figures: { concentrationPer01mL: figures.concentrationPer01mL, volumes: figures.volumes }, supersededBy: replaced.get(s.id) ?? null,
      };
    });
  })();
}

export async function rangeCsv(deps: ExportDeps, input: SitesCsvInput): Promise<{ file: string | null; rows: number; sessions: number }> {
  if (input.to < input.from) throw new AppError('BAD_INPUT', `The range ends (${input.to}) before it starts (${input.from})`);
  const chosen = await rangeSessions(deps, input);
  const { csv, rows } = await sitesCsv(chosen);
  const file = await saveAs(
    deps,
    { title: 'Export sites of a date range as CSV', defaultName: `toxinmap-sites_${input.from}_to_${input.to}.csv`, filters: [{ name: 'CSV (comma-separated values)', extensions: ['csv'] }] },
    () => Promise.resolve(csv),
    'CSV file',
  );
  return file === null ? { file, rows: 0, sessions: 0 } : { file, rows, sessions: chosen.length };
}

export async function fhirBundle(deps: ExportDeps, input: { sessionId: string }): Promise<{ file: string | null; resources: number }> {
  const bundle = deps.ctx.db.transaction(() => {
    const one = csvSession(deps, input.sessionId);
    const fhir = sessionBundle({ session: one.detail, patient: one.patientDetail, derived: one.derived, supersededBy: one.supersededBy, generatedAt: deps.ctx.now().toISOString() });
    return { bundle: fhir, one };
  })();
  const file = await saveAs(
    deps,
    { title: 'Export the session as FHIR R4', defaultName: `${baseName(bundle.one.detail, bundle.one.patient.mrn)}_fhir-r4.json`, filters: [{ name: 'FHIR R4 bundle (JSON)', extensions: ['json'] }] },
    () => Promise.resolve(`${JSON.stringify(bundle.bundle, null, 2)}\n`),
    'FHIR file',
  );
  return { file, resources: file === null ? 0 : bundle.bundle.entry.length };
}

/** The same export twice at once (a double click) would write one file twice; the second is refused. */
function oneAtATime() {
  let busy: string | null = null;
  return async <T>(what: string, task: () => Promise<T>): Promise<T> => {
    if (busy) throw new AppError('CONFLICT', `${busy} is still in progress. Try again when it has finished.`);
    busy = what;
    try {
      return await task();
    } finally {
      busy = null;
    }
  };
}

export function createExportHandlers(deps: ExportDeps) {
  const exclusive = oneAtATime();
  return {
    'export:summaryHtml': (input: SummaryCopyInput) => summaryHtml(deps, input),
    'export:summaryPdf': (input: SummaryCopyInput) => exclusive('Saving a PDF', () => summaryPdf(deps, input)),
    'export:summaryPrint': (input: SummaryCopyInput) => exclusive('Printing', () => summaryPrint(deps, input)),
    'export:sessionCsv': (input: { sessionId: string }) => exclusive('A CSV export', () => sessionCsv(deps, input)),
    'export:sitesCsv': (input: SitesCsvInput) => exclusive('A CSV export', () => rangeCsv(deps, input)),
    'export:fhirBundle': (input: { sessionId: string }) => exclusive('A FHIR export', () => fhirBundle(deps, input)),
  } as const;
}

