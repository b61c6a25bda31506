/**
 * The session summary: one HTML document per session and copy, built from plain data by a pure function.
 * Electron prints it and saves it as PDF; the app previews it; tests render it in Chromium and read it back.
 */
import { fmtDateTime } from './format.ts';
import { html, join, trusted, type Html } from './html.ts';
import { boxedWarning } from './reference-text.ts';
import { billing, findings, sourcesAppendix } from './sections-checks.ts';
import { banners, facts, heading, maps, nextVisit, patientText, signature, siteTable, totals, visitRecord, vials } from './sections-record.ts';
import { pageStyle, SUMMARY_CSS } from './styles.ts';
import type { SummaryData, SummaryOptions } from './types.ts';

export type { SummaryData, SummaryOptions, SummaryCopy, SummaryTarget, ClinicInfo, RecordVersion } from './types.ts';

/** Only inline styles and inline images; no script, no network, nothing else. */
const DOCUMENT_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'";

export function summaryTitle(d: SummaryData, copy: SummaryOptions['copy']): string {
  return `${copy === 'patient' ? 'Patient copy' : 'Injection record'} — ${patientText(d)} — ${d.session.date}`;
}

function safetyInformation(): Html {
  const w = boxedWarning();
  return html`<h2>Safety information</h2><p>${w.text} <span class="sources">(product labels: ${w.sources.join(', ')})</span></p>`;
}

function body(d: SummaryData, o: SummaryOptions): Html {
  const clinical = o.copy === 'clinical';
  return join([
    heading(d, o),
    banners(d, o),
    facts(d, o),
    !clinical && nextVisit(d),
    vials(d, o),
    maps(d),
    siteTable(d, o),
    totals(d, o),
    clinical && billing(d),
    clinical && findings(d, o),
    visitRecord(d, o),
    clinical && nextVisit(d),
    !clinical && safetyInformation(),
    signature(d, o),
    clinical && sourcesAppendix(d),
    html`<p class="doc-foot">Record ${d.session.id} · ${clinical ? 'clinical copy' : 'patient copy'} · made ${fmtDateTime(d.generatedAt, o.timeZone)} by ToxinMap ${d.appVersion}. Figures are derived from the charted sites and the clinical reference; units of one product are never converted into another's. This document supports documentation; it does not replace the product labels.</p>`,
  ]);
}

export function buildSummaryHtml(d: SummaryData, o: SummaryOptions): string {
  const draft = d.session.status === 'draft';
  const footer = o.target === 'print'
    ? html`<style>${trusted(pageStyle({ recordId: d.session.id, patient: `${patientText(d)} · MRN ${d.patient.mrn} · ${d.session.date}`, draft }))}</style>`
    : '';
  const doc = html`<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${DOCUMENT_CSP}">
<title>${summaryTitle(d, o.copy)}</title>
<style>${trusted(SUMMARY_CSS)}</style>${footer}
</head>
<body data-record="${d.session.id}" data-copy="${o.copy}" data-status="${d.session.status}">
${draft ? html`<div class="watermark" aria-hidden="true">DRAFT</div>` : ''}
<main class="sheet">${body(d, o)}</main>
</body></html>`;
  return doc.value;
}
