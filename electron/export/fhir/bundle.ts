/**
 * A FHIR R4 Bundle (type collection) of one signed session: the Patient, a Procedure for the session,
 * a BodyStructure per muscle (and per muscle and side) carrying the laterality, a Medication per vial
 * (product and batch), and one MedicationAdministration per site, part of the Procedure.
 *
 * Codes come only from the clinical reference and the derived figures: CPT lines from session:derive,
 * SNOMED body structures where the reference's muscle has one (text otherwise), laterality from the
 * reference's snomed_laterality_qualifiers, ICD-10-CM as recorded on the patient's conditions. The
 * reference has no SNOMED procedure, route or product code, so those are text only.
 */
import { getMuscle, hasMuscle } from '../../../shared/atlas/index.ts';
import { getProduct } from '../../../shared/clinical/products.ts';
import { reference } from '../../../shared/clinical/reference.ts';
import type { PatientDetail, SessionDetail, Site, Vial } from '../../../shared/domain/types.ts';
import { indicationLabel, type IndicationId } from '../../../shared/indications.ts';
import type { SessionDerivedView } from '../../../shared/ipc/contract.ts';
import { AppError } from '../../../shared/ipc/result.ts';
import { cptDescriptor } from '../summary/reference-text.ts';
import { stableUuid } from './ids.ts';
import { EXTENSIONS, SYSTEMS, type Bundle, type BundleEntry, type CodeableConcept, type Coding, type Resource } from './types.ts';

export interface FhirInput {
  session: SessionDetail;
  patient: PatientDetail;
  derived: SessionDerivedView;
  /** The signed amendment that replaces this version, if any (noted on the Procedure). */
  supersededBy: string | null;
  /** When the bundle is made (ISO instant). */
  generatedAt: string;
}

type Laterality = 'left' | 'right' | 'both';

const LATERALITY: Record<Laterality, string> = {
  left: reference.snomed_laterality_qualifiers.left,
  right: reference.snomed_laterality_qualifiers.right,
  both: reference.snomed_laterality_qualifiers.right_and_left,
};
const LATERALITY_TEXT: Record<Laterality, string> = { left: 'Left', right: 'Right', both: 'Right and left' };

const urn = (id: string) => `urn:uuid:${id}`;

function muscleConcept(muscleId: string, side: string | null): CodeableConcept {
  const known = hasMuscle(muscleId) ? getMuscle(muscleId) : null;
  const name = known?.name ?? muscleId;
  return {
    ...(known?.snomedCode ? { coding: [{ system: SYSTEMS.snomed, code: known.snomedCode, display: name }] } : {}),
    text: side ? `${name}, ${side}` : name,
  };
}

function lateralityOf(sides: ReadonlySet<string>): Laterality | null {
  const left = sides.has('left');
  const right = sides.has('right');
  return left && right ? 'both' : left ? 'left' : right ? 'right' : null;
}

function indicationsOf(s: SessionDetail): IndicationId[] {
  return [s.indication, ...s.otherIndications.filter((i) => i !== s.indication)];
}

export function sessionBundle(input: FhirInput): Bundle {
  const { session: s, patient: p, derived } = input;
  if (s.status !== 'signed') {
    throw new AppError('BAD_INPUT', 'Sign the session before exporting it as FHIR: a draft may still change.');
  }
  if (s.productId === null) throw new AppError('BAD_INPUT', 'The session has no product recorded; there is nothing to export as medication.');
  const product = getProduct(s.productId);
  const id = (kind: string, key: string) => stableUuid(s.id, `${kind}:${key}`);
  const entries: BundleEntry[] = [];
  const add = (resource: Resource): string => {
    entries.push({ fullUrl: urn(resource.id), resource });
    return urn(resource.id);
  };
  const patientRef = { reference: urn(p.id), display: `${p.familyName}, ${p.givenName}` };
  add({
    resourceType: 'Patient',
    id: p.id,
    identifier: [{ type: { coding: [{ system: SYSTEMS.identifierType, code: 'MR' }], text: 'Medical record number' }, value: p.mrn }],
    name: [{ family: p.familyName, given: [p.givenName] }],
    gender: p.sex,
    birthDate: p.birthDate,
  });

  // Body structures: one per muscle for the procedure (left, right or both), one per muscle and side for its sites.
  const structures = new Map<string, string>();
  const structure = (muscleId: string, laterality: Laterality | null): string => {
    const key = `${muscleId}|${laterality ?? 'none'}`;
    const existing = structures.get(key);
    if (existing) return existing;
    const ref = add({
      resourceType: 'BodyStructure',
      id: id('body', key),
      location: muscleConcept(muscleId, null),
      ...(laterality
        ? { locationQualifier: [{ coding: [{ system: SYSTEMS.snomed, code: LATERALITY[laterality], display: LATERALITY_TEXT[laterality] }], text: LATERALITY_TEXT[laterality] }] }
        : {}),
      description: muscleConcept(muscleId, laterality ? LATERALITY_TEXT[laterality].toLowerCase() : null).text,
      patient: patientRef,
    });
    structures.set(key, ref);
    return ref;
  };
  const sitesOf = new Map<string, Set<string>>();
  const sites = [...s.sites].sort((a, b) => a.seq - b.seq);
  for (const site of sites) sitesOf.set(site.muscleId, (sitesOf.get(site.muscleId) ?? new Set()).add(site.side));
  const procedureSites = [...sitesOf.entries()].map(([muscleId, sides]) => {
    const lat = lateralityOf(sides);
    return { concept: muscleConcept(muscleId, lat ? LATERALITY_TEXT[lat].toLowerCase() : null), ref: structure(muscleId, lat) };
  });

  // Medications: one per vial of the session's product (product and batch).
  const productVials = s.vials.filter((v: Vial) => v.productId === s.productId);
  const productText = `${product.brand} (${product.id})`;
  const medications = productVials.map((v) =>
    add({
      resourceType: 'Medication',
      id: id('medication', v.id),
      code: { text: productText },
      batch: { lotNumber: v.lot, expirationDate: v.expiry },
    }),
  );
  // A site drawn from one of several lots cannot be told apart: it refers to the product itself.
  const siteMedication = medications.length === 1 ? medications[0]! : add({ resourceType: 'Medication', id: id('medication', 'product'), code: { text: productText } });

  const cpt: Coding[] = derived.cpt.map((l) => ({ system: SYSTEMS.cpt, code: l.code, ...(cptDescriptor(l.code) ? { display: cptDescriptor(l.code)!.text } : {}) }));
  const reasons: CodeableConcept[] = p.conditions
    .filter((c) => indicationsOf(s).includes(c.indication))
    .map((c) => ({ coding: [{ system: SYSTEMS.icd10cm, code: c.icd10Code }], text: indicationLabel(c.indication) }));
  const performed = s.startedAt ?? s.date;
  const notes = [
    ...(s.amendsSessionId ? [{ text: `Amendment of record ${s.amendsSessionId}: ${s.amendmentReason ?? ''}`, ...(s.amendedAt ? { time: s.amendedAt } : {}), ...(s.amendmentAuthor ? { authorString: s.amendmentAuthor } : {}) }] : []),
    ...(input.supersededBy ? [{ text: `Superseded by the amendment recorded as ${input.supersededBy}.` }] : []),
    ...(s.notes.trim() ? [{ text: s.notes }] : []),
  ];
  const procedureId = s.id;
  const procedureRef = add({
    resourceType: 'Procedure',
    id: procedureId,
    identifier: [{ system: SYSTEMS.uri, value: urn(s.id) }],
    status: 'completed',
    code: { ...(cpt.length > 0 ? { coding: cpt } : {}), text: `Chemodenervation with ${productText}` },
    subject: patientRef,
    performedDateTime: performed,
    ...(s.signedBy ? { recorder: { display: s.signedBy }, asserter: { display: s.signedBy } } : {}),
    ...(s.clinicianName ? { performer: [{ actor: { display: s.clinicianName } }] } : {}),
    ...(reasons.length > 0 ? { reasonCode: reasons } : {}),
    bodySite: procedureSites.map((b) => b.concept),
    extension: procedureSites.map((b) => ({ url: EXTENSIONS.targetBodyStructure, valueReference: { reference: b.ref } })),
    ...(s.adverseEvents.length > 0 ? { complication: s.adverseEvents.map((a) => ({ text: `${a.description} (${a.severity})` })) } : {}),
    usedReference: medications.map((m) => ({ reference: m })),
    ...(notes.length > 0 ? { note: notes } : {}),
  });

  const volumes = new Map(derived.volumes.map((v) => [v.siteId, v.mL]));
  for (const site of sites) entries.push(administration(site));

  function administration(site: Site): BundleEntry {
    const lat = lateralityOf(new Set([site.side]));
    const mL = volumes.get(site.id) ?? null;
    const resource: Resource = {
      resourceType: 'MedicationAdministration',
      id: site.id,
      status: 'completed',
      medicationReference: { reference: siteMedication, display: productText },
      subject: patientRef,
      effectiveDateTime: performed,
      partOf: [{ reference: procedureRef }],
      dosage: {
        text: `Site ${site.seq}: ${site.units} U ${product.brand}${mL !== null ? ` in ${mL} mL` : ''}`,
        site: {
          ...muscleConcept(site.muscleId, site.side === 'midline' ? null : site.side),
          extension: [{ url: EXTENSIONS.bodySite, valueReference: { reference: structure(site.muscleId, lat) } }],
        },
        route: { text: 'Intramuscular' },
        // Units of botulinum toxin are product-specific, not UCUM units: the unit names the product.
        dose: { value: site.units, unit: `U (${product.id})` },
      },
      ...(site.note ? { note: [{ text: site.note }] } : {}),
    };
    return { fullUrl: urn(site.id), resource };
  }

  return {
    resourceType: 'Bundle',
    id: stableUuid(s.id, 'bundle'),
    identifier: { system: SYSTEMS.uri, value: urn(stableUuid(s.id, `bundle:${s.signedAt ?? ''}`)) },
    type: 'collection',
    timestamp: input.generatedAt,
    entry: entries,
  };
}
