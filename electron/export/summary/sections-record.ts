/** The record itself: heading, patient and visit, vials, maps, sites, totals, scores, events, signature. */
import { hasMuscle, muscleName } from '../../../shared/atlas/index.ts';
import { getProduct, PRODUCTS, vialConcentration } from '../../../shared/clinical/products.ts';
import { getScale } from '../../../shared/clinical/scales.ts';
import { indicationLabel, type IndicationId } from '../../../shared/indications.ts';
import { ageOn } from '../../../shared/rules/dates.ts';
import { fmtDate, fmtDateTime, guidanceText, ml, num, plural, regionText, sideText, units } from './format.ts';
import { html, join, type Html } from './html.ts';
import { sessionMaps } from './map.ts';
import { codedConditions } from './reference-text.ts';
import type { RecordVersion, SummaryData, SummaryOptions } from './types.ts';

export function muscleText(muscleId: string): string {
  return hasMuscle(muscleId) ? muscleName(muscleId) : muscleId;
}

export function productText(productId: string | null): string {
  if (productId === null) return 'Not recorded';
  const p = PRODUCTS.find((x) => x.id === productId);
  return p ? `${p.brand} (${p.id})` : productId;
}

export function patientText(d: SummaryData): string {
  return `${d.patient.familyName.toUpperCase()}, ${d.patient.givenName}`;
}

function indications(d: SummaryData): IndicationId[] {
  return [d.session.indication, ...d.session.otherIndications.filter((i) => i !== d.session.indication)];
}

/** The newest later version, when this one has been amended. */
export function supersededBy(d: SummaryData): RecordVersion | null {
  return d.versions.later.at(-1) ?? null;
}

function statusBadge(d: SummaryData, o: SummaryOptions): Html {
  if (d.session.status === 'draft') return html`<span class="status status-draft" data-field="status">DRAFT — not signed</span>`;
  if (supersededBy(d)) return html`<span class="status status-superseded" data-field="status">Signed · superseded by an amendment</span>`;
  return html`<span class="status status-signed" data-field="status">Signed ${fmtDateTime(d.session.signedAt ?? '', o.timeZone)}</span>`;
}

export function heading(d: SummaryData, o: SummaryOptions): Html {
  const clinic = d.clinic ?? null;
  const title = o.copy === 'patient' ? 'Botulinum toxin treatment — patient copy' : 'Botulinum toxin injection record';
  return html`<header class="doc-head">
  <div class="practice">
    ${clinic ? html`<strong>${clinic.name}</strong><br>${clinic.address ? html`${clinic.address}<br>` : ''}${clinic.phone ? html`${clinic.phone}<br>` : ''}` : ''}
    ${clinic ? html`Clinician: ` : html`<strong>`}<span data-field="clinician">${d.session.clinicianName || 'Clinician not recorded'}</span>${clinic ? '' : html`</strong>`}
  </div>
  <div class="doc-title"><h1>${title}</h1>${statusBadge(d, o)}</div>
</header>`;
}

export function banners(d: SummaryData, o: SummaryOptions): Html {
  const s = d.session;
  const later = supersededBy(d);
  return join([
    s.status === 'draft' && html`<p class="banner" role="note">DRAFT — this session is not signed. Its sites and figures may still change.</p>`,
    later && html`<p class="banner superseded" role="note">This signed version was amended on ${fmtDateTime(later.amendedAt ?? '', o.timeZone)} by ${later.amendmentAuthor ?? 'unknown'} (reason: “${later.amendmentReason ?? ''}”). The current version is record ${later.id}.</p>`,
  ]);
}

export function facts(d: SummaryData, o: SummaryOptions): Html {
  const { session: s, patient: p } = d;
  const coded = codedConditions(p.conditions, indications(d));
  const icd = o.copy === 'clinical'
    ? html`<div class="wide"><dt>ICD-10-CM</dt><dd data-field="icd10">${
        coded.length === 0
          ? html`<span class="muted">No ICD-10-CM code recorded for ${indications(d).map(indicationLabel).join(', ')}</span>`
          : join(coded.map((c) => html`<span><span class="mono nowrap">${c.code}</span> ${c.description ?? ''}${c.inFamily ? html` <span class="badge badge-unverified">in family ${c.inFamily}, not individually verified</span>` : ''}${c.ref?.fromMemory ? html` <span class="badge badge-unverified">unverified</span>` : ''}${c.ref && c.ref.sources.length > 0 ? html` <span class="sources">(${c.ref.sources.join(', ')})</span>` : ''}</span>`), html`; `)
      }</dd></div>`
    : '';
  return html`<dl class="facts">
  <div><dt>Patient</dt><dd data-field="patient">${patientText(d)}</dd></div>
  <div><dt>MRN</dt><dd class="mono" data-field="mrn">${p.mrn}</dd></div>
  <div><dt>Date of birth</dt><dd data-field="dob">${fmtDate(p.birthDate)} (age ${ageOn(p.birthDate, s.date)} at the visit${d.derived.pediatric ? '; pediatric limits apply' : ''})</dd></div>
  <div><dt>Visit date</dt><dd data-field="date">${fmtDate(s.date)}${s.startedAt ? html` <span class="muted">started ${fmtDateTime(s.startedAt, o.timeZone)}</span>` : ''}</dd></div>
  <div><dt>Indication</dt><dd data-field="indication">${indications(d).map(indicationLabel).join('; ')}</dd></div>
  <div><dt>Product</dt><dd data-field="product">${productText(s.productId)}</dd></div>
  ${icd}
  <div><dt>Concentration</dt><dd data-field="concentration">${d.derived.concentrationPer01mL === null ? 'Not derived' : `${num(d.derived.concentrationPer01mL)} U per 0.1 mL`}</dd></div>
  <div><dt>Guidance</dt><dd>${s.guidance.length === 0 ? 'None recorded' : s.guidance.map(guidanceText).join(', ')}</dd></div>
  <div><dt>Weight at visit</dt><dd>${s.weightKg === null ? 'Not recorded' : `${num(s.weightKg)} kg`}</dd></div>
  ${p.sex !== 'unknown' ? html`<div><dt>Sex</dt><dd>${p.sex.charAt(0).toUpperCase()}${p.sex.slice(1)}</dd></div>` : ''}
  <div><dt>Total</dt><dd data-field="total">${units(d.derived.totals.units)} in ${plural(d.derived.totals.sites, 'site')}</dd></div>
</dl>`;
}

export function vials(d: SummaryData, o: SummaryOptions): Html {
  const used = new Map(d.derived.vials.byVial.map((v) => [v.vialId, v]));
  if (d.session.vials.length === 0) return html`<h2>Vials</h2><p class="muted">No vial recorded.</p>`;
  if (o.copy === 'patient') {
    // The patient keeps the lots (a recall names them); use and waste are for the clinic and the payer.
    return html`<h2>Product given</h2><table data-table="vials"><thead><tr><th>#</th><th>Product</th><th>Lot</th><th>Expiry</th></tr></thead>
<tbody>${d.session.vials.map((v, i) => html`<tr><td>${i + 1}</td><td>${getProduct(v.productId).brand}</td><td class="mono" data-field="lot">${v.lot}</td><td>${fmtDate(v.expiry)}</td></tr>`)}</tbody></table>`;
  }
  return html`<h2>Vials</h2>
<table data-table="vials"><thead><tr><th>#</th><th>Product</th><th class="num">Vial</th><th>Lot</th><th>Expiry</th><th class="num">Diluent</th><th class="num">U per 0.1 mL</th><th>Reconstituted</th><th class="num">Used</th><th class="num">Discarded</th></tr></thead>
<tbody>${d.session.vials.map((v, i) => {
    const u = used.get(v.id);
    const conc = vialConcentration(v);
    return html`<tr><td>${i + 1}</td><td>${getProduct(v.productId).brand}</td><td class="num">${units(v.sizeUnits)}</td><td class="mono" data-field="lot">${v.lot}</td><td class="nowrap">${fmtDate(v.expiry)}</td><td class="num">${v.diluentMl === null ? 'ready to use' : `${num(v.diluentMl)} mL`}</td><td class="num">${conc === null ? '—' : num(conc)}</td><td class="nowrap">${v.reconstitutedAt ? fmtDateTime(v.reconstitutedAt, o.timeZone) : '—'}</td><td class="num">${u ? units(u.usedUnits) : '—'}</td><td class="num">${u ? units(u.wastedUnits) : '—'}</td></tr>`;
  })}</tbody>
<tfoot><tr><td colspan="8">Labelled ${units(d.derived.vials.labelledUnits)}</td><td class="num"></td><td class="num" data-field="wasted">${units(d.derived.vials.wastedUnits)}</td></tr></tfoot></table>`;
}

export function maps(d: SummaryData): Html {
  const list = sessionMaps(d.session.sites, muscleText);
  if (list.length === 0) return html`<h2>Injection map</h2><p class="muted">No injection site recorded.</p>`;
  return html`<h2>Injection map</h2><div class="maps">${list.map(
    (m) => html`<figure class="map" data-view="${m.viewId}"><figcaption>${m.title} <span class="muted">· ${plural(m.siteCount, 'site')} · diagram v${m.version}</span></figcaption>${m.svg}</figure>`,
  )}</div>`;
}

export function siteTable(d: SummaryData, o: SummaryOptions): Html {
  const volume = new Map(d.derived.volumes.map((v) => [v.siteId, v.mL]));
  const sites = [...d.session.sites].sort((a, b) => a.seq - b.seq);
  if (o.copy === 'patient') {
    // Side by side halves: a patient copy of a 31-site session stays short.
    const half = Math.ceil(sites.length / 2);
    const part = (list: typeof sites) => html`<table data-table="sites"><thead><tr><th class="num">#</th><th>Muscle</th><th>Side</th><th class="num">Units</th></tr></thead>
<tbody>${list.map((s) => html`<tr data-seq="${s.seq}"><td class="num">${s.seq}</td><td>${muscleText(s.muscleId)}</td><td>${sideText(s.side)}</td><td class="num">${units(s.units)}</td></tr>`)}</tbody></table>`;
    return html`<h2>Injection sites</h2><div class="columns"><section>${part(sites.slice(0, half))}</section><section>${part(sites.slice(half))}</section></div>
<p><strong>Total: ${units(d.derived.totals.units)} of ${productText(d.session.productId)} in ${plural(d.derived.totals.sites, 'site')}.</strong></p>`;
  }
  return html`<h2>Injection sites</h2>
<table data-table="sites"><thead><tr><th class="num">#</th><th>Muscle</th><th>Side</th><th class="num">Units</th><th class="num">Volume</th><th>Guidance</th><th>Note</th></tr></thead>
<tbody>${sites.map((s) => html`<tr data-seq="${s.seq}"><td class="num">${s.seq}</td><td>${muscleText(s.muscleId)}</td><td>${sideText(s.side)}</td><td class="num">${units(s.units)}</td><td class="num">${ml(volume.get(s.id) ?? null)}</td><td>${guidanceText(s.guidance)}</td><td>${s.note}</td></tr>`)}</tbody>
<tfoot><tr><td></td><td colspan="2">Total, ${plural(d.derived.totals.sites, 'site')}</td><td class="num">${units(d.derived.totals.units)}</td><td class="num">${ml(totalVolume(d))}</td><td colspan="2"></td></tr></tfoot></table>`;
}

/** Sum of the site volumes, in thousandths of a mL as they are derived; null when any volume is unknown. */
function totalVolume(d: SummaryData): number | null {
  if (d.derived.volumes.length === 0 || d.derived.volumes.some((v) => v.mL === null)) return null;
  return d.derived.volumes.reduce((sum, v) => sum + Math.round((v.mL ?? 0) * 1000), 0) / 1000;
}

export function totals(d: SummaryData, o: SummaryOptions): Html {
  const t = d.derived.totals;
  if (o.copy === 'patient') return html``;
  return html`<h2>Totals</h2><div class="columns">
<section><h3>Per muscle and side</h3><table data-table="muscle-totals"><thead><tr><th>Muscle</th><th>Side</th><th class="num">Sites</th><th class="num">Units</th></tr></thead>
<tbody>${t.byMuscleSide.map((m) => html`<tr><td>${muscleText(m.muscleId)}</td><td>${sideText(m.side)}</td><td class="num">${m.sites}</td><td class="num">${units(m.units)}</td></tr>`)}</tbody></table></section>
<section><h3>Per region and limb</h3><table data-table="region-totals"><thead><tr><th>Region</th><th class="num">Sites</th><th class="num">Units</th></tr></thead>
<tbody>${t.byRegion.map((r) => html`<tr><td>${regionText(r.region)}</td><td class="num">${r.sites}</td><td class="num">${units(r.units)}</td></tr>`)}</tbody></table>
<h3>Per side</h3><table data-table="side-totals"><tbody>
<tr><td>Left</td><td class="num">${units(t.bySide.left)}</td></tr><tr><td>Right</td><td class="num">${units(t.bySide.right)}</td></tr><tr><td>Midline</td><td class="num">${units(t.bySide.midline)}</td></tr>
</tbody><tfoot><tr><td>All sites</td><td class="num" data-field="grand-total">${units(t.units)}</td></tr></tfoot></table></section></div>`;
}

export function visitRecord(d: SummaryData, o: SummaryOptions): Html {
  const s = d.session;
  const scores = s.scores.length === 0
    ? html`<p class="muted">No outcome score recorded at this visit.</p>`
    : html`<table data-table="scores"><thead><tr><th>Scale</th><th class="num">Value</th><th>Note</th></tr></thead><tbody>${s.scores.map((sc) => {
        let label = sc.scaleId;
        try {
          label = getScale(sc.scaleId).label;
        } catch {
          // A scale id the reference no longer lists prints as stored.
        }
        return html`<tr><td>${label}</td><td class="num">${sc.value}</td><td>${sc.note}</td></tr>`;
      })}</tbody></table>`;
  const events = s.adverseEvents.length === 0
    ? html`<p class="muted">No adverse event recorded.</p>`
    : html`<table data-table="adverse-events"><thead><tr><th>Onset</th><th>Severity</th><th>Description</th></tr></thead><tbody>${s.adverseEvents.map((a) => html`<tr><td class="nowrap">${a.onsetDate ? fmtDate(a.onsetDate) : 'not recorded'}</td><td>${a.severity}</td><td>${a.description}</td></tr>`)}</tbody></table>`;
  return html`<div class="columns"><section><h2>Outcome scores</h2>${scores}</section><section><h2>Adverse events</h2>${events}</section></div>
${o.copy === 'clinical' ? html`<h2>Notes</h2>${s.notes.trim() === '' ? html`<p class="muted">No notes.</p>` : html`<p class="notes" data-field="notes">${s.notes}</p>`}` : ''}`;
}

export function nextVisit(d: SummaryData): Html {
  const due = d.session.nextDueDate;
  return html`<p class="next-visit" data-field="next-due">${due ? html`Next treatment due: ${fmtDate(due)}` : 'Next treatment date: not set'}</p>`;
}

export function signature(d: SummaryData, o: SummaryOptions): Html {
  const s = d.session;
  const signed = s.status === 'signed'
    ? html`<p data-field="signed">Signed by <strong>${s.signedBy ?? 'unknown'}</strong> on ${fmtDateTime(s.signedAt ?? '', o.timeZone)}.${d.derived.signedSnapshot && o.copy === 'clinical' ? html` Figures as derived at signing (${fmtDateTime(d.derived.signedSnapshot.derivedAt, o.timeZone)}).` : ''}</p>`
    : html`<p data-field="signed">Not signed. Signature: <span class="sig-line"></span></p>`;
  // The seal lets anyone holding the printout check it against the record: any change to signed content changes it.
  const seal = s.status === 'signed' && s.seal && o.copy === 'clinical'
    ? html`<p data-field="seal">Seal (SHA-256 of the signed content): <span class="mono small">${s.seal}</span></p>`
    : '';
  const versions = [...d.versions.earlier, ...d.versions.later];
  const amendment = s.amendsSessionId
    ? html`<p>This version amends record ${s.amendsSessionId}: “${s.amendmentReason ?? ''}” — ${s.amendmentAuthor ?? 'unknown'}, ${fmtDateTime(s.amendedAt ?? '', o.timeZone)}.</p>`
    : '';
  return html`<section class="signature"><h2>Signature${versions.length > 0 ? ' and amendments' : ''}</h2>${signed}${seal}${amendment}
${versions.length > 0 && o.copy === 'clinical' ? html`<table data-table="versions"><thead><tr><th>Version</th><th>Record</th><th>Reason</th><th>Author</th><th>When</th><th>Signed</th></tr></thead><tbody>${versions.map((v) => html`<tr><td>${v.amendmentReason === null ? 'Original' : 'Amendment'}</td><td class="mono small">${v.id}</td><td>${v.amendmentReason ?? '—'}</td><td>${v.amendmentAuthor ?? '—'}</td><td class="nowrap">${v.amendedAt ? fmtDateTime(v.amendedAt, o.timeZone) : '—'}</td><td class="nowrap">${v.signedAt ? `${v.signedBy ?? ''}, ${fmtDateTime(v.signedAt, o.timeZone)}` : 'draft'}</td></tr>`)}</tbody></table>` : ''}
</section>`;
}
