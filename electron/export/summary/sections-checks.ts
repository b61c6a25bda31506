/** What the rules derived for the clinical copy: billing lines, rolling totals, findings, and their sources. */
import type { Finding } from '../../../shared/rules/types.ts';
import { brand } from '../../../shared/rules/format.ts';
import { fmtDateTime, units } from './format.ts';
import { html, join, type Html } from './html.ts';
import { cptDescriptor, sourceLabel } from './reference-text.ts';
import type { SummaryData, SummaryOptions } from './types.ts';

function sourceIds(ids: readonly string[]): Html {
  if (ids.length === 0) return html`<span class="sources">record check</span>`;
  return html`<span class="sources">Sources: ${ids.map((id) => (id === 'MEM' ? 'from memory (unverified)' : id)).join(', ')}</span>`;
}

export function billing(d: SummaryData): Html {
  const b = d.derived.billing;
  const drug = b
    ? html`<table data-table="hcpcs"><thead><tr><th>HCPCS</th><th class="num">Billing units</th><th>Product units</th></tr></thead><tbody>
<tr data-line="hcpcs-admin"><td class="mono">${b.hcpcs}${b.modifier === 'JZ' ? '-JZ' : ''}</td><td class="num">${b.administeredBillingUnits}</td><td>${units(b.administeredUnits)} administered${b.unitSize !== 1 ? ` (1 billing unit = ${b.unitSize} U)` : ''}</td></tr>
${b.modifier === 'JW' ? html`<tr data-line="hcpcs-jw"><td class="mono">${b.hcpcs}-JW</td><td class="num">${b.jwBillingUnits}</td><td>${units(b.discardedUnits)} discarded</td></tr>` : ''}
</tbody></table>
${b.modifier === 'JZ' ? html`<p class="small">JZ: nothing discarded from the vials (${units(b.labelledUnits)} labelled, ${units(b.administeredUnits)} administered).</p>` : ''}
${b.modifier === 'JW' ? html`<p class="small">JW: ${units(b.discardedUnits)} discarded of ${units(b.labelledUnits)} labelled.</p>` : ''}
${b.openQuestion ? html`<p class="open-question" data-field="open-question">Open question (no JW or JZ chosen): ${b.openQuestion} ${units(b.discardedUnits)} discarded.</p>` : ''}
<p>${sourceIds(b.sources)}</p>`
    : html`<p class="muted">No drug line: the product or the sites are not recorded.</p>`;
  const cpt = d.derived.cpt.length === 0
    ? html`<p class="muted">No procedure code derived.</p>`
    : html`<table data-table="cpt"><thead><tr><th>CPT</th><th class="num">Units</th><th>Descriptor and derivation</th></tr></thead><tbody>${d.derived.cpt.map((l) => {
        const desc = cptDescriptor(l.code);
        return html`<tr data-line="cpt-${l.code}"><td class="mono">${l.code}</td><td class="num">${l.units}</td><td>${desc ? html`${desc.text} <span class="sources">(${desc.sources.join(', ')})</span>${desc.fromMemory ? html` <span class="badge badge-unverified">unverified</span>` : ''}<br>` : ''}${l.review ? html`<span class="badge badge-unverified">coder review</span> ` : ''}${l.note ?? ''}${l.muscles && l.muscles.length > 0 ? html`<br><span class="small">Muscles counted (${l.muscles.length}): ${l.muscles.join('; ')}</span>` : ''}</td></tr>`;
      })}</tbody></table>`;
  return html`<section class="billing" data-section="billing"><h2>Billing (derived from the sites; never typed)</h2><h3>Drug</h3>${drug}<h3>Procedure</h3>${cpt}</section>`;
}

export function rolling(d: SummaryData): Html {
  if (d.derived.rolling.length === 0) return html``;
  return html`<h3>Same product over time (this session included)</h3><table data-table="rolling"><tbody>${d.derived.rolling.map(
    (r) => html`<tr><td>${brand(r.product)} within ${r.windowDays} days up to this visit</td><td class="num">${units(r.units)}</td></tr>`,
  )}</tbody></table>`;
}

function findingItem(f: Finding, o: SummaryOptions): Html {
  const a = f.acknowledgement;
  return html`<div class="finding" data-finding="${f.kind}" data-key="${f.key}">
<p><span class="badge badge-${f.severity}">${f.severity === 'warning' ? 'Warning' : 'Note'}</span>${f.unverified ? html` <span class="badge badge-unverified">unverified</span>` : ''} ${f.message}</p>
<p>${sourceIds(f.sources)}${f.convention ? html` · <span class="small">App convention: ${f.convention}</span>` : ''}</p>
${a ? html`<p class="ack" data-field="acknowledgement">Acknowledged by ${a.by}, ${fmtDateTime(a.at, o.timeZone)}: “${a.reason}”</p>` : f.severity === 'warning' ? html`<p class="ack">Not acknowledged.</p>` : ''}
</div>`;
}

export function findings(d: SummaryData, o: SummaryOptions): Html {
  const all = d.derived.findings;
  const warnings = all.filter((f) => f.severity === 'warning');
  const notes = all.filter((f) => f.severity !== 'warning');
  const heading = `Dose checks and findings${d.derived.signedSnapshot ? ' (as at signing)' : ''}`;
  return html`<section data-section="findings"><h2>${heading}</h2>
${all.length === 0 ? html`<p>No warnings for this session.</p>` : html`<p class="small muted">${warnings.length} warning${warnings.length === 1 ? '' : 's'}, ${notes.length} note${notes.length === 1 ? '' : 's'}. A warning never blocks; the clinician's decision is recorded beside it.</p>`}
${join([...warnings, ...notes].map((f) => findingItem(f, o)))}
${rolling(d)}
${d.derived.completeness.length > 0 ? html`<h3>Missing before signing</h3><ul>${d.derived.completeness.map((c) => html`<li>${c.message}</li>`)}</ul>` : ''}
</section>`;
}

/** Every source id the document cites, with its title from the reference, so a reader can check each one. */
export function sourcesAppendix(d: SummaryData): Html {
  const ids = new Set<string>();
  for (const f of d.derived.findings) f.sources.forEach((s) => ids.add(s));
  d.derived.billing?.sources.forEach((s) => ids.add(s));
  for (const l of d.derived.cpt) cptDescriptor(l.code)?.sources.forEach((s) => ids.add(s));
  if (ids.size === 0) return html``;
  const sorted = [...ids].sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
  return html`<h2>Sources cited</h2><table class="source-list small" data-table="sources"><tbody>${sorted.map((id) => html`<tr><td>${id}</td><td>${sourceLabel(id)}</td></tr>`)}</tbody></table>`;
}
