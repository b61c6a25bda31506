/**
 * The summary's stylesheet. It is a constant: the in-app preview admits it by its hash in the content
 * security policy (renderer/index.html and electron/security.ts; a unit test keeps them in step), so any
 * per-document style (the page footers) lives in pageStyle() and is only used for printing.
 */
export const SUMMARY_CSS = `
:root { color: #14202e; font-family: Arial, Helvetica, 'Liberation Sans', 'DejaVu Sans', sans-serif; font-size: 9.5pt; line-height: 1.35; }
* { box-sizing: border-box; }
body { margin: 0; background: #ffffff; }
@page { margin: 14mm 12mm 16mm 12mm; }
@media screen {
  body { background: #e9edf2; padding: 16px 0; }
  .sheet { background: #ffffff; max-width: 205mm; margin: 0 auto; padding: 12mm; box-shadow: 0 1px 4px rgba(0, 0, 0, 0.25); }
}
h1 { font-size: 15pt; margin: 0; }
h2 { font-size: 11pt; margin: 12pt 0 4pt; padding-bottom: 2pt; border-bottom: 1.5pt solid #1f4f8f; color: #0b2545; break-after: avoid; page-break-after: avoid; }
h3 { font-size: 9.5pt; margin: 8pt 0 3pt; break-after: avoid; }
p { margin: 3pt 0; }
.muted { color: #4b5563; }
.small { font-size: 8pt; }
.mono { font-family: 'Courier New', 'DejaVu Sans Mono', monospace; }
.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.nowrap { white-space: nowrap; }
.doc-head { display: flex; justify-content: space-between; align-items: flex-start; gap: 12pt; border-bottom: 2pt solid #0b2545; padding-bottom: 6pt; }
.doc-head .practice { font-size: 9pt; }
.doc-head .practice strong { font-size: 10.5pt; }
.doc-title { text-align: right; }
.status { display: inline-block; margin-top: 3pt; padding: 1pt 6pt; border: 1pt solid currentColor; border-radius: 3pt; font-weight: 700; font-size: 9pt; }
.status-signed { color: #1b7a43; }
.status-draft { color: #b3261e; }
.status-superseded { color: #7a5200; }
.banner { margin: 6pt 0; padding: 5pt 8pt; border: 1.5pt solid #b3261e; color: #b3261e; font-weight: 700; }
.banner.superseded { border-color: #7a5200; color: #7a5200; }
.facts { display: grid; grid-template-columns: repeat(3, minmax(0, 1fr)); gap: 4pt 14pt; margin-top: 6pt; }
.facts div { break-inside: avoid; }
.facts dt { font-size: 7.5pt; text-transform: uppercase; letter-spacing: 0.04em; color: #4b5563; }
.facts dd { margin: 0; font-weight: 600; }
.facts .wide { grid-column: 1 / -1; }
table { width: 100%; border-collapse: collapse; margin: 2pt 0 4pt; }
thead { display: table-header-group; }
tr { break-inside: avoid; page-break-inside: avoid; }
th { text-align: left; font-size: 7.5pt; text-transform: uppercase; letter-spacing: 0.03em; color: #4b5563; border-bottom: 1pt solid #9aa6b4; padding: 2pt 4pt; }
td { border-bottom: 0.5pt solid #d5dbe3; padding: 2pt 4pt; vertical-align: top; }
th.num { text-align: right; }
tfoot td { font-weight: 700; border-top: 1pt solid #9aa6b4; border-bottom: none; }
.maps { display: flex; flex-wrap: wrap; gap: 8pt; }
.map { margin: 0; flex: 1 1 78mm; max-width: 92mm; break-inside: avoid; page-break-inside: avoid; border: 0.5pt solid #d5dbe3; padding: 4pt; }
.map figcaption { font-weight: 700; font-size: 8.5pt; margin-bottom: 2pt; }
.map-svg { display: block; width: 100%; height: auto; max-height: 112mm; }
.columns { display: grid; grid-template-columns: repeat(2, minmax(0, 1fr)); gap: 0 14pt; }
.columns > section { break-inside: avoid; }
.badge { display: inline-block; padding: 0 4pt; border-radius: 3pt; font-size: 7.5pt; font-weight: 700; border: 0.75pt solid currentColor; white-space: nowrap; }
.badge-warning { color: #b3261e; }
.badge-info { color: #1f4f8f; }
.badge-unverified { color: #7a5200; }
.finding { break-inside: avoid; page-break-inside: avoid; padding: 3pt 0; border-bottom: 0.5pt solid #d5dbe3; }
.finding p { margin: 1pt 0; }
.ack { margin-left: 10pt; font-style: italic; }
.sources { color: #4b5563; font-size: 8pt; }
.open-question { border-left: 2pt solid #b3261e; padding-left: 5pt; }
.next-visit { margin: 8pt 0; padding: 6pt 8pt; border: 1.5pt solid #1f4f8f; font-size: 11pt; font-weight: 700; break-inside: avoid; }
.signature { margin-top: 10pt; padding-top: 6pt; border-top: 1pt solid #9aa6b4; break-inside: avoid; page-break-inside: avoid; }
.sig-line { display: inline-block; min-width: 70mm; border-bottom: 0.75pt solid #14202e; height: 14pt; }
.notes { white-space: pre-wrap; }
.source-list td:first-child { white-space: nowrap; font-weight: 700; }
.watermark { position: fixed; top: 38%; left: 0; right: 0; text-align: center; font-size: 110pt; font-weight: 700; letter-spacing: 0.1em; color: rgba(179, 38, 30, 0.13); transform: rotate(-28deg); pointer-events: none; z-index: 10; }
.doc-foot { margin-top: 10pt; font-size: 7.5pt; color: #4b5563; }
`.trim();

/** A CSS string literal: quotes and backslashes escaped, and no `<` that could end the style element. */
export function cssString(text: string): string {
  const escaped = text.replace(/[\\"<>\n\r]/g, (ch) => `\\${ch.charCodeAt(0).toString(16).toUpperCase()} `);
  return `"${escaped}"`;
}

/**
 * Page footers of the printed document, on every page: the record id and the patient at the left, the
 * page number and count at the right (CSS page margin boxes, which Chromium prints since version 131).
 */
export function pageStyle(footer: { recordId: string; patient: string; draft: boolean }): string {
  const left = `${footer.draft ? 'DRAFT · ' : ''}Record ${footer.recordId}`;
  return `@page {
  @top-right { content: ${cssString(footer.patient)}; font-family: Arial, Helvetica, sans-serif; font-size: 7.5pt; color: #4b5563; }
  @bottom-left { content: ${cssString(left)}; font-family: Arial, Helvetica, sans-serif; font-size: 7.5pt; color: #4b5563; }
  @bottom-right { content: "Page " counter(page) " of " counter(pages); font-family: Arial, Helvetica, sans-serif; font-size: 7.5pt; color: #4b5563; }
}`;
}
