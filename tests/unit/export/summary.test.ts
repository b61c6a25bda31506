// The summary document as built from the record: what each copy prints, what a draft and a superseded
// version say about themselves, stored figures for a signed session, decisions on warnings, and free text
// that can never become markup.
import type { Patient, SessionDetail } from '../../../shared/domain/types.ts';
import type { SessionDerivedView } from '../../../shared/ipc/contract.ts';
import { buildSummaryHtml } from '../../../electron/export/summary/document.ts';
import { cssString, pageStyle } from '../../../electron/export/summary/styles.ts';
import { summaryData } from '../../../electron/services/export-data.ts';
import { testBackend, type TestBackend } from '../../helpers/backend.ts';
import { seedPreempt, seedSpasticity, siteOn } from '../../helpers/export-seed.ts';
import { SIGNING_PASSPHRASE, signingClinician } from '../../helpers/signing.ts';

let b: TestBackend;

beforeEach(async () => {
  b = await testBackend();
  await b.call('clinician:add', signingClinician());
});
afterEach(() => b.dispose());

const build = (sessionId: string, copy: 'clinical' | 'patient' = 'clinical', target: 'print' | 'screen' = 'print') =>
  buildSummaryHtml(summaryData(b.ctx, sessionId, '1.2.3'), { copy, target, timeZone: 'UTC' });

/** The text of the elements marked data-x="name" (tags stripped). */
function field(html: string, attr: string, name: string): string[] {
  const re = new RegExp(`<([a-z0-9]+)[^>]*data-${attr}="${name}"[^>]*>([\\s\\S]*?)</\\1>`, 'g');
  return [...html.matchAll(re)].map((m) => m[2]!.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ').trim());
}

describe('the clinical copy', () => {
  it('prints the billing lines, CPT lines and the checks; the patient copy prints none of them but the next visit', async () => {
    const { session } = await seedSpasticity(b.call);
    const derived = await b.call<SessionDerivedView>('session:derive', { sessionId: session.id });
    const clinical = build(session.id);
    expect(field(clinical, 'line', 'hcpcs-admin')[0]).toContain(`${derived.billing!.hcpcs}`);
    expect(field(clinical, 'line', 'hcpcs-jw')[0]).toContain(`${derived.billing!.hcpcs}-JW ${derived.billing!.jwBillingUnits}`);
    for (const c of derived.cpt) expect(field(clinical, 'line', `cpt-${c.code}`)[0]).toMatch(new RegExp(`^${c.code} ${c.units} `));
    expect(clinical).toContain('data-section="findings"');
    expect(clinical).toContain('data-table="sources"');

    const patient = build(session.id, 'patient');
    for (const code of [derived.billing!.hcpcs, ...derived.cpt.map((c) => c.code)]) expect(patient).not.toContain(code);
    expect(patient).not.toContain('data-section="billing"');
    expect(patient).not.toContain('data-section="findings"');
    expect(patient).not.toContain('ICD-10-CM');
    expect(field(patient, 'field', 'next-due')[0]).toMatch(/^Next treatment due: \d{2} [A-Z][a-z]{2,3} \d{4}$/);
    expect(patient).toContain('Safety information');
    expect(patient.match(/<tr data-seq=/g)).toHaveLength(session.sites.length);
  });

  it('draws one map per view that has sites, each site numbered with its units', async () => {
    const { session } = await seedSpasticity(b.call);
    const html = build(session.id);
    const views = [...new Set(session.sites.map((s) => s.viewId))];
    expect([...html.matchAll(/<figure class="map" data-view="([^"]+)"/g)].map((m) => m[1]).sort()).toEqual(views.sort());
    for (const s of session.sites) {
      expect(html).toContain(`>${s.seq}</text>`);
      expect(html).toContain(`>${s.seq}. `);
    }
  });

  it('heads the page with the clinic from the settings, else with the clinician', async () => {
    const { session } = await seedPreempt(b.call);
    expect(build(session.id)).toMatch(/<strong><span data-field="clinician">Dana Reyes, MD<\/span><\/strong>/);
    await b.call('settings:save', { clinicName: 'Northside Neurology', clinicAddress: '12 Harbour Road', clinicPhone: '555-0100' });
    const html = build(session.id);
    expect(html).toContain('<strong>Northside Neurology</strong><br>12 Harbour Road<br>555-0100<br>');
    expect(html).toContain('Clinician: <span data-field="clinician">Dana Reyes, MD</span>');
  });

  it('prints the record id and the page count in the page footers of the printed document only', async () => {
    const { session } = await seedPreempt(b.call);
    expect(build(session.id, 'clinical', 'print')).toContain(`Record ${session.id}`);
    const screen = build(session.id, 'clinical', 'screen');
    expect(screen.match(/<style>/g)).toHaveLength(1);
    expect(screen).not.toContain('@bottom-right');
  });
});

describe('what a version says about itself', () => {
  it('a draft carries the DRAFT mark and banner; a signed session neither', async () => {
    const draft = await seedPreempt(b.call, { sign: false });
    const html = build(draft.session.id);
    expect(html).toContain('<div class="watermark" aria-hidden="true">DRAFT</div>');
    expect(html).toContain('DRAFT — this session is not signed');
    expect(html).toContain('DRAFT · Record');
    await b.call('session:sign', { id: draft.session.id, passphrase: SIGNING_PASSPHRASE });
    const signed = build(draft.session.id);
    expect(signed).not.toContain('class="watermark"');
    expect(field(signed, 'field', 'signed')[0]).toMatch(/^Signed by Dana Reyes, MD on /);
    expect(field(html, 'field', 'seal')).toEqual([]);
    const { seal } = await b.call<{ seal: string | null }>('session:get', { id: draft.session.id });
    expect(seal).toMatch(/^v1:[0-9a-f]{64}$/);
    expect(field(signed, 'field', 'seal')[0]).toBe(`Seal (SHA-256 of the signed content): ${seal}`);
  });

  it('a signed version that was amended says so and names the amendment; the amendment names its reason and author', async () => {
    const { session } = await seedPreempt(b.call);
    const amendment = await b.call<SessionDetail>('session:amend', { id: session.id, reason: 'Site 4 was on the right, not the left', passphrase: SIGNING_PASSPHRASE });
    await b.call('session:sign', { id: amendment.id, passphrase: SIGNING_PASSPHRASE });
    const original = build(session.id);
    expect(field(original, 'field', 'status')[0]).toBe('Signed · superseded by an amendment');
    expect(original).toContain(`The current version is record ${amendment.id}`);
    expect(original).toContain('data-table="versions"');
    const amended = build(amendment.id);
    expect(amended).toContain(`This version amends record ${session.id}: “Site 4 was on the right, not the left” — Dana Reyes, MD`);
  });

  it('a signed session prints the figures stored at signing, not what a later record would change', async () => {
    const { session, patient } = await seedPreempt(b.call);
    // A dose given elsewhere, recorded after signing, within the 90 days before the visit.
    await b.call('externalDose:add', { patientId: patient.id, date: session.date, productId: 'onabotulinumtoxinA', units: 100, where: 'cosmetic clinic' });
    const stored = await b.call<SessionDerivedView>('session:derive', { sessionId: session.id });
    expect(stored.signedSnapshot).toBeDefined();
    const html = build(session.id);
    expect(html).toMatch(/BOTOX within 90 days up to this visit<\/td><td class="num">155 U</);
    expect(html).toContain('Figures as derived at signing');
  });
});

describe('findings', () => {
  it('print with their sources, the unverified mark and who acknowledged them, when and why', async () => {
    const { session } = await seedSpasticity(b.call, { sign: false });
    // A vial opened 30 hours ago: used past the window the reference gives (a from-memory rule for Dysport).
    await b.call('vial:add', { sessionId: session.id, productId: 'abobotulinumtoxinA', sizeUnits: 300, lot: 'OLD-1', expiry: new Date(Date.now() + 300 * 86_400_000).toISOString().slice(0, 10), diluentMl: 1.5, reconstitutedAt: new Date(Date.now() - 30 * 3_600_000).toISOString() });
    const derived = await b.call<SessionDerivedView>('session:derive', { sessionId: session.id });
    const warning = derived.findings.find((f) => f.severity === 'warning')!;
    expect(warning).toBeDefined();
    await b.call('finding:acknowledge', { sessionId: session.id, key: warning.key, kind: warning.kind, reason: 'opened for this patient; stored cold' });
    const html = build(session.id);
    const printed = field(html, 'key', warning.key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))[0]!;
    expect(printed).toContain(warning.message.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/'/g, '&#39;').slice(0, 40));
    expect(printed).toMatch(/Acknowledged by Dana Reyes, MD, \d{2} [A-Z][a-z]{2,3} \d{4}, \d{2}:\d{2}: “opened for this patient; stored cold”/);
    if (warning.unverified) expect(printed).toContain('unverified');
    for (const s of warning.sources) expect(printed).toContain(s === 'MEM' ? 'from memory (unverified)' : s);
  });
});

describe('free text', () => {
  it('never becomes markup: names, notes, reasons and site notes are escaped', async () => {
    const patient = await b.call<Patient>('patient:create', { mrn: 'X-1', familyName: '<img src=x onerror=alert(1)>', givenName: 'A"B', birthDate: '1970-01-01' });
    const s = await b.call<SessionDetail>('session:create', { patientId: patient.id, date: '2026-01-05', indication: 'cervical_dystonia', productId: 'onabotulinumtoxinA' });
    await b.call('site:add', { sessionId: s.id, ...siteOn('neck_anterior', 'sternocleidomastoid', 'left'), units: 20, note: '</td></tr><script>x()</script>' });
    await b.call('session:update', { id: s.id, notes: '</p><iframe src="https://example.com"></iframe>' });
    for (const copy of ['clinical', 'patient'] as const) {
      const html = build(s.id, copy);
      expect(html).not.toMatch(/<script|<iframe|<img/i);
      expect(html).toContain('&lt;IMG SRC=X ONERROR=ALERT(1)&gt;, A&quot;B');
    }
    expect(build(s.id)).toContain('&lt;/td&gt;&lt;/tr&gt;&lt;script&gt;x()&lt;/script&gt;');
  });

  it('cannot leave a CSS string in the page footer', () => {
    expect(cssString('a"b\\c</style><x>')).toBe('"a\\22 b\\5C c\\3C /style\\3E \\3C x\\3E "');
    expect(pageStyle({ recordId: 'r', patient: '"; } body { display: none } @page { content: "', draft: false })).not.toMatch(/[^\\]"; }/);
  });
});
