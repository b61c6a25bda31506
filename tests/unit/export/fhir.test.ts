// A signed session exported as FHIR R4: valid against the R4 definitions, every code from the reference
// or from session:derive, one MedicationAdministration per site with the dose in the product's units.
import fs from 'node:fs';
import path from 'node:path';
import { getMuscle } from '../../../shared/atlas/index.ts';
import { reference } from '../../../shared/clinical/reference.ts';
import type { SessionDerivedView } from '../../../shared/ipc/contract.ts';
import { testBackend, type TestBackend } from '../../helpers/backend.ts';
import { seedPreempt, seedSpasticity } from '../../helpers/export-seed.ts';
import { fhirProblems } from '../../helpers/fhir-validate.ts';
import { tempDir, removeDir } from '../../helpers/temp.ts';
import { fhirBundle, NO_EXPORT_SHELL, type ExportDeps } from '../../../electron/services/exports.ts';
import { signingClinician } from '../../helpers/signing.ts';

interface Entry {
  fullUrl: string;
  resource: Record<string, unknown> & { resourceType: string; id: string };
}

let b: TestBackend;
let out: string;
let deps: ExportDeps;

beforeEach(async () => {
  b = await testBackend();
  out = tempDir('toxinmap-fhir-');
  await b.call('clinician:add', signingClinician());
  deps = { ctx: b.ctx, appVersion: () => '0.0.0-test', shell: { ...NO_EXPORT_SHELL, chooseSaveFile: (r) => Promise.resolve(path.join(out, r.defaultName)) } };
});
afterEach(() => {
  b.dispose();
  removeDir(out);
});

async function exported(sessionId: string): Promise<{ bundle: { resourceType: string; type: string; entry: Entry[] }; file: string }> {
  const { file, resources } = await fhirBundle(deps, { sessionId });
  expect(file).not.toBeNull();
  const bundle = JSON.parse(fs.readFileSync(file!, 'utf8')) as { resourceType: string; type: string; entry: Entry[] };
  expect(bundle.entry).toHaveLength(resources);
  return { bundle, file: file! };
}

const of = (bundle: { entry: Entry[] }, type: string) => bundle.entry.filter((e) => e.resource.resourceType === type).map((e) => e.resource);
const snomedCodes = new Set([
  ...Object.values(reference.snomed_laterality_qualifiers).filter((v): v is string => typeof v === 'string' && /^\d+$/.test(v)),
  ...reference.muscles.map((m) => m.snomed_ct_body_structure).filter((c): c is string => c !== null),
]);

function codings(node: unknown, found: Array<{ system: string; code: string }> = []): Array<{ system: string; code: string }> {
  if (Array.isArray(node)) node.forEach((n) => codings(n, found));
  else if (node && typeof node === 'object') {
    const o = node as Record<string, unknown>;
    if (typeof o.system === 'string' && typeof o.code === 'string') found.push({ system: o.system, code: o.code });
    Object.values(o).forEach((v) => codings(v, found));
  }
  return found;
}

describe('FHIR R4 bundle of a signed session', () => {
  it('PREEMPT: valid R4, CPT from session:derive, one administration per site, laterality from the reference', async () => {
    const { session } = await seedPreempt(b.call);
    const derived = await b.call<SessionDerivedView>('session:derive', { sessionId: session.id });
    const { bundle } = await exported(session.id);
    expect(bundle.resourceType).toBe('Bundle');
    expect(bundle.type).toBe('collection');
    expect(fhirProblems(bundle)).toEqual([]);
    for (const e of bundle.entry) expect(fhirProblems(e.resource), `${e.resource.resourceType}/${e.resource.id}`).toEqual([]);

    const [procedure] = of(bundle, 'Procedure');
    expect(procedure).toMatchObject({ status: 'completed', subject: { reference: `urn:uuid:${session.patientId}` } });
    expect((procedure!.code as { coding: Array<{ code: string }> }).coding.map((c) => c.code)).toEqual(derived.cpt.map((l) => l.code));
    expect(procedure!.reasonCode).toEqual([{ coding: [{ system: 'http://hl7.org/fhir/sid/icd-10-cm', code: 'G43.709' }], text: 'Chronic migraine (PREEMPT)' }]);

    const admins = of(bundle, 'MedicationAdministration');
    expect(admins).toHaveLength(31);
    const procedureUrl = bundle.entry.find((e) => e.resource.resourceType === 'Procedure')!.fullUrl;
    for (const a of admins) {
      const site = session.sites.find((s) => s.id === a.id)!;
      expect(a.partOf).toEqual([{ reference: procedureUrl }]);
      expect(a.dosage).toMatchObject({ dose: { value: site.units, unit: 'U (onabotulinumtoxinA)' }, route: { text: 'Intramuscular' } });
    }
    const [medication] = of(bundle, 'Medication');
    expect(medication).toMatchObject({ code: { text: 'BOTOX (onabotulinumtoxinA)' }, batch: { lotNumber: 'C7781', expirationDate: session.vials[0]!.expiry } });
    expect(admins.every((a) => (a.medicationReference as { reference: string }).reference === `urn:uuid:${medication!.id}`)).toBe(true);

    // Corrugator on both sides: one body site, qualified right and left; procerus is midline, unqualified.
    const structures = of(bundle, 'BodyStructure');
    const corrugator = structures.find((s) => s.description === 'Corrugator supercilii, right and left')!;
    expect(corrugator.locationQualifier).toEqual([{ coding: [{ system: 'http://snomed.info/sct', code: '51440002', display: 'Right and left' }], text: 'Right and left' }]);
    expect(structures.find((s) => s.description === 'Procerus')!.locationQualifier).toBeUndefined();
    expect(structures.some((s) => (s.locationQualifier as Array<{ coding: Array<{ code: string }> }> | undefined)?.[0]?.coding[0]?.code === '7771000')).toBe(true);
    expect(structures.some((s) => (s.locationQualifier as Array<{ coding: Array<{ code: string }> }> | undefined)?.[0]?.coding[0]?.code === '24028007')).toBe(true);

    // Every code in the bundle comes from the reference, the derivation or the patient's record.
    const cpt = new Set(derived.cpt.map((l) => l.code));
    for (const c of codings(bundle)) {
      if (c.system === 'http://snomed.info/sct') expect(snomedCodes.has(c.code), `SNOMED ${c.code}`).toBe(true);
      else if (c.system === 'http://www.ama-assn.org/go/cpt') expect(cpt.has(c.code), `CPT ${c.code}`).toBe(true);
      else if (c.system === 'http://hl7.org/fhir/sid/icd-10-cm') expect(c.code).toBe('G43.709');
      else expect(c).toEqual({ system: 'http://terminology.hl7.org/CodeSystem/v2-0203', code: 'MR', display: undefined });
    }
  });

  it('spasticity with Dysport: a SNOMED code only where the reference has one, text otherwise; two lots, two medications', async () => {
    const { session } = await seedSpasticity(b.call);
    const { bundle } = await exported(session.id);
    for (const e of bundle.entry) expect(fhirProblems(e.resource), `${e.resource.resourceType}/${e.resource.id}`).toEqual([]);
    const admins = of(bundle, 'MedicationAdministration');
    expect(admins).toHaveLength(session.sites.length);
    for (const a of admins) {
      const site = session.sites.find((s) => s.id === a.id)!;
      const concept = (a.dosage as { site: { coding?: Array<{ code: string }>; text: string } }).site;
      const code = getMuscle(site.muscleId).snomedCode;
      if (code) expect(concept.coding).toEqual([{ system: 'http://snomed.info/sct', code, display: getMuscle(site.muscleId).name }]);
      else expect(concept.coding).toBeUndefined();
      expect(concept.text).toBe(`${getMuscle(site.muscleId).name}, ${site.side}`);
      expect((a.dosage as { dose: unknown }).dose).toEqual({ value: site.units, unit: 'U (abobotulinumtoxinA)' });
    }
    const medications = of(bundle, 'Medication');
    expect(medications.filter((m) => m.batch).map((m) => (m.batch as { lotNumber: string }).lotNumber).sort()).toEqual(['D5501', 'D5502']);
    // With two lots a site cannot name its own: it refers to the product without a batch.
    const product = medications.find((m) => !m.batch)!;
    expect(admins.every((a) => (a.medicationReference as { reference: string }).reference === `urn:uuid:${product.id}`)).toBe(true);
    const [procedure] = of(bundle, 'Procedure');
    expect(procedure!.complication).toEqual([{ text: 'Transient soreness at the calf sites (mild)' }]);
  });

  it('the validator catches a broken resource (so the checks above can fail)', () => {
    expect(fhirProblems({ resourceType: 'Procedure', status: 'done' } as never).length).toBeGreaterThanOrEqual(2);
    expect(fhirProblems({ resourceType: 'Patient', gender: 'f' } as never)).toEqual(["Patient.gender = 'f' is not in http://hl7.org/fhir/ValueSet/administrative-gender|4.0.1"]);
  });

  it('refuses a draft, naming why, and writes nothing', async () => {
    const { session } = await seedPreempt(b.call, { sign: false });
    await expect(fhirBundle(deps, { sessionId: session.id })).rejects.toThrow(/Sign the session before exporting it as FHIR/);
    expect(fs.readdirSync(out)).toEqual([]);
  });

  it('exports the same bundle twice for the same session (stable ids)', async () => {
    const { session } = await seedPreempt(b.call);
    const first = (await exported(session.id)).bundle.entry.map((e) => e.fullUrl);
    const second = (await exported(session.id)).bundle.entry.map((e) => e.fullUrl);
    expect(second).toEqual(first);
  });
});
