// Sites as CSV, for one session or for a date range across patients: the documented columns in order,
// numbers as numbers, drafts and replaced versions left out unless asked for, nothing written on cancel.
import fs from 'node:fs';
import path from 'node:path';
import { toCsv } from '../../../electron/export/csv/csv.ts';
import { SITE_COLUMNS, siteRows, sitesCsv } from '../../../electron/export/csv/sites-csv.ts';
import { NO_EXPORT_SHELL, rangeCsv, sessionCsv, type ExportDeps } from '../../../electron/services/exports.ts';
import type { SessionDetail } from '../../../shared/domain/types.ts';
import type { SessionDerivedView } from '../../../shared/ipc/contract.ts';
import { testBackend, type TestBackend } from '../../helpers/backend.ts';
import { seedPreempt, seedSpasticity } from '../../helpers/export-seed.ts';
import { removeDir, tempDir } from '../../helpers/temp.ts';
import { SIGNING_PASSPHRASE, signingClinician } from '../../helpers/signing.ts';

let b: TestBackend;
let out: string;
let deps: ExportDeps;
let cancel = false;

beforeEach(async () => {
  b = await testBackend();
  out = tempDir('toxinmap-csv-');
  cancel = false;
  await b.call('clinician:add', signingClinician());
  deps = { ctx: b.ctx, appVersion: () => '0', shell: { ...NO_EXPORT_SHELL, chooseSaveFile: (r) => Promise.resolve(cancel ? null : path.join(out, r.defaultName)) } };
});
afterEach(() => {
  b.dispose();
  removeDir(out);
});

/** RFC 4180 rows (quoted fields may hold commas, quotes and line breaks). */
function parse(csv: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  const text = csv.replace(/^\uFEFF/, '');
  for (let i = 0; i < text.length; i += 1) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i += 1;
    } else field += ch;
  }
  return rows;
}

function records(file: string): Array<Record<string, string>> {
  const [header, ...rows] = parse(fs.readFileSync(file, 'utf8'));
  return rows.map((r) => Object.fromEntries(header!.map((h, i) => [h, r[i] ?? ''])));
}

describe('sites of one session', () => {
  it('one row per site with the documented columns, units and volumes as numbers, free text neutralised', async () => {
    const { session, patient } = await seedPreempt(b.call);
    const derived = await b.call<SessionDerivedView>('session:derive', { sessionId: session.id });
    const { file, rows } = await sessionCsv(deps, { sessionId: session.id });
    expect(rows).toBe(31);
    const text = fs.readFileSync(file!, 'utf8');
    expect(text.startsWith('\uFEFFrecord_id,session_date,status,')).toBe(true);
    const parsed = records(file!);
    expect(parsed).toHaveLength(31);
    const volume = new Map(derived.volumes.map((v) => [v.siteId, v.mL]));
    session.sites.forEach((s, i) => {
      const r = parsed[i]!;
      expect(r).toMatchObject({
        record_id: session.id, session_date: session.date, status: 'signed', patient_mrn: patient.mrn, product_id: 'onabotulinumtoxinA',
        product_brand: 'BOTOX', hcpcs: 'J0585', units_per_0_1_ml: '5', vial_lots: 'C7781', site_order: String(s.seq), muscle_id: s.muscleId,
        side: s.side, units: String(s.units), volume_ml: String(volume.get(s.id)), diagram_id: s.viewId, diagram_version: String(s.viewVersion),
      });
      expect(Number(r.diagram_x)).toBeCloseTo(s.x, 6);
    });
  });

  it('writes nothing when the save dialog is cancelled', async () => {
    const { session } = await seedPreempt(b.call);
    cancel = true;
    expect(await sessionCsv(deps, { sessionId: session.id })).toEqual({ file: null, rows: 0 });
    expect(fs.readdirSync(out)).toEqual([]);
  });

  it('neutralises a site note that a spreadsheet would run, and keeps quotes and line breaks', async () => {
    const { session } = await seedPreempt(b.call, { sign: false });
    const site = session.sites[0]!;
    await b.call('site:update', { id: site.id, note: '=HYPERLINK("http://x","click"),\nthen "fine"' });
    const { file } = await sessionCsv(deps, { sessionId: session.id });
    expect(records(file!)[0]!.note).toBe('\'=HYPERLINK("http://x","click"),\nthen "fine"');
  });
});

describe('sites of a date range across patients', () => {
  it('signed sessions only by default; drafts when asked; a replaced version only when asked', async () => {
    const preempt = await seedPreempt(b.call);
    const draft = await seedSpasticity(b.call, { sign: false });
    const amendment = await b.call<SessionDetail>('session:amend', { id: preempt.session.id, reason: 'wrong lot', passphrase: SIGNING_PASSPHRASE });
    await b.call('session:sign', { id: amendment.id, passphrase: SIGNING_PASSPHRASE });
    const range = { from: '2000-01-01', to: '2099-12-31' };

    const signedOnly = await rangeCsv(deps, range);
    expect(signedOnly).toMatchObject({ rows: 31, sessions: 1 });
    expect(new Set(records(signedOnly.file!).map((r) => r.record_id))).toEqual(new Set([amendment.id]));
    expect(records(signedOnly.file!)[0]).toMatchObject({ amends_record_id: preempt.session.id, superseded_by_record_id: '' });

    fs.rmSync(signedOnly.file!);
    const everything = await rangeCsv(deps, { ...range, includeDrafts: true, includeSuperseded: true });
    expect(everything).toMatchObject({ rows: 31 + 31 + draft.session.sites.length, sessions: 3 });
    const byRecord = new Map(records(everything.file!).map((r) => [r.record_id, r]));
    expect(byRecord.get(preempt.session.id)).toMatchObject({ superseded_by_record_id: amendment.id });
    expect(byRecord.get(draft.session.id)).toMatchObject({ status: 'draft', signed_at: '', product_brand: 'Dysport', other_indications: 'lower_limb_spasticity' });
  });

  it('leaves out sessions outside the range, and refuses a range that ends before it starts', async () => {
    const { session } = await seedPreempt(b.call);
    const before = await rangeCsv(deps, { from: '2000-01-01', to: '2000-12-31' });
    expect(before).toMatchObject({ rows: 0, sessions: 0 });
    expect(parse(fs.readFileSync(before.file!, 'utf8'))).toHaveLength(1);
    await expect(rangeCsv(deps, { from: session.date, to: '2000-01-01' })).rejects.toThrow(/ends .* before it starts/);
  });
});

describe('a long export', () => {
  it('written in parts is the same file as written at once', async () => {
    const sites = Array.from({ length: 12_345 }, (_, i) => ({
      id: `s${i}`, seq: i + 1, viewId: 'face_front', viewVersion: 1, x: i / 3, y: -i, muscleId: 'frontalis', side: 'left' as const, units: (i % 7) + 0.25,
      guidance: 'none' as const, note: i % 100 === 0 ? '=cmd' : '',
    }));
    const one = {
      session: { id: 'r', date: '2026-01-05', status: 'signed' as const, signedAt: null, signedBy: null, amendsSessionId: null, clinicianName: 'Dr', indication: 'chronic_migraine', otherIndications: [], productId: 'onabotulinumtoxinA' },
      patient: { mrn: 'M', familyName: 'F', givenName: 'G', birthDate: '1970-01-01' }, sites, lots: ['L1'],
      figures: { concentrationPer01mL: 5, volumes: sites.map((x) => ({ siteId: x.id, mL: 0.1 })) }, supersededBy: null,
    };
    const { csv, rows } = await sitesCsv([one]);
    expect(rows).toBe(12_345);
    expect(csv).toBe(toCsv(SITE_COLUMNS, siteRows([one])));
  });
});

describe('docs/csv-export.md', () => {
  it('lists every column, in the order they are written', () => {
    const doc = fs.readFileSync(path.resolve(import.meta.dirname, '../../../docs/csv-export.md'), 'utf8');
    const documented = [...doc.matchAll(/^\| `([a-z0-9_]+)` \|/gm)].map((m) => m[1]);
    expect(documented).toEqual(SITE_COLUMNS.map((c) => c.header));
  });
});
