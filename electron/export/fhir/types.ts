/** The small part of FHIR R4 this export writes (the validator in the tests checks it against the full definitions). */
export interface Coding {
  system: string;
  code: string;
  display?: string;
}
export interface CodeableConcept {
  coding?: Coding[];
  text?: string;
}
export interface Reference {
  reference?: string;
  display?: string;
}
export interface Extension {
  url: string;
  valueReference?: Reference;
}
export interface Quantity {
  value: number;
  unit: string;
}
export interface Annotation {
  text: string;
  time?: string;
  authorString?: string;
}

export interface Resource {
  resourceType: string;
  id: string;
  [key: string]: unknown;
}

export interface BundleEntry {
  fullUrl: string;
  resource: Resource;
}

export interface Bundle {
  resourceType: 'Bundle';
  id: string;
  identifier: { system: string; value: string };
  type: 'collection';
  timestamp: string;
  entry: BundleEntry[];
}

export const SYSTEMS = {
  snomed: 'http://snomed.info/sct',
  cpt: 'http://www.ama-assn.org/go/cpt',
  icd10cm: 'http://hl7.org/fhir/sid/icd-10-cm',
  identifierType: 'http://terminology.hl7.org/CodeSystem/v2-0203',
  uri: 'urn:ietf:rfc:3986',
} as const;

export const EXTENSIONS = {
  /** R4 core extension: the BodyStructure a procedure targets (it carries the laterality qualifier). */
  targetBodyStructure: 'http://hl7.org/fhir/StructureDefinition/procedure-targetBodyStructure',
  /** R4 core extension on any element: the BodyStructure behind a body site concept. */
  bodySite: 'http://hl7.org/fhir/StructureDefinition/bodySite',
} as const;
