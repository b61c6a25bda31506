import { getView, viewsForIndication } from '../atlas/index.ts';
import { pointInPolygon, signedArea } from '../atlas/geometry.ts';
import { spreadInRegion } from '../atlas/interior.ts';
import type { AtlasRegion, AtlasView, Point, Side } from '../atlas/types.ts';
import type { Template, TemplateSite } from '../domain/types.ts';
import type { IndicationId } from '../indications.ts';
import { reference } from './reference.ts';

/**
 * Built-in protocol templates, derived from the clinical reference (never typed in): sites, units and
 * laterality come from `protocols`; positions are spread inside the muscle's region of the atlas view
 * chosen by regionForProtocol. Not stored in the database, so they follow the reference and the
 * atlas of this version of the app; a session started from one stores its own copy of the sites.
 */

function regionArea(r: AtlasRegion): number {
  return Math.abs(signedArea(r.polygon));
}

/**
 * Where a protocol site of a muscle is drawn: a view that shows the muscle on both sides (posterior,
 * anterior) keeps a bilateral map on one diagram, so it is preferred unless the muscle is drawn much
 * smaller there (under half the area) than on its best one-sided view (temporalis: lateral, not front).
 */
function regionForProtocol(indication: IndicationId, muscleId: string, side: Side): { view: AtlasView; region: AtlasRegion } {
  let best: { view: AtlasView; region: AtlasRegion } | null = null;
  let bestBothSides: { view: AtlasView; region: AtlasRegion } | null = null;
  for (const viewId of viewsForIndication(indication)) {
    const view = getView(viewId);
    const sides = new Set(view.regions.filter((r) => r.muscleId === muscleId && r.layer === 'superficial').map((r) => r.side));
    for (const region of view.regions) {
      if (region.muscleId !== muscleId || region.side !== side || region.layer !== 'superficial') continue;
      if (!best || regionArea(region) > regionArea(best.region)) best = { view, region };
      const both = sides.has('left') && sides.has('right');
      if (both && (!bestBothSides || regionArea(region) > regionArea(bestBothSides.region))) bestBothSides = { view, region };
    }
  }
  if (!best) throw new Error(`builtin templates: no ${side} ${muscleId} on the ${indication} views`);
  return bestBothSides && regionArea(bestBothSides.region) >= regionArea(best.region) / 2 ? bestBothSides : best;
}

interface FixedSite {
  muscle_id: string;
  sites: number;
  U_per_site: number;
  laterality: string;
}

function site(seq: number, view: AtlasView, region: AtlasRegion, p: Point, units: number, note = ''): TemplateSite {
  if (!pointInPolygon(region.polygon, p.x, p.y)) throw new Error(`builtin templates: point outside ${region.id}`);
  return { id: `builtin-${seq}`, seq, viewId: view.id, viewVersion: view.version, x: p.x, y: p.y, muscleId: region.muscleId, side: region.side, units, note };
}

function preempt(): Template {
  const protocol = reference.protocols.chronic_migraine_PREEMPT as unknown as { fixed_sites: FixedSite[] };
  const sites: TemplateSite[] = [];
  for (const row of protocol.fixed_sites) {
    const sides: Side[] = row.laterality === 'midline' ? ['midline'] : ['right', 'left'];
    const perSide = row.sites / sides.length;
    if (!Number.isInteger(perSide)) throw new Error(`PREEMPT: ${row.muscle_id} sites do not split evenly by side`);
    for (const side of sides) {
      const { view, region } = regionForProtocol('chronic_migraine', row.muscle_id, side);
      for (const p of spreadInRegion(region, perSide)) sites.push(site(sites.length + 1, view, region, p, row.U_per_site));
    }
  }
  return {
    id: BUILTIN_IDS.preempt,
    name: 'PREEMPT fixed sites (31 sites, 155 U)',
    indication: 'chronic_migraine',
    builtin: true,
    sites,
    createdAt: '',
    updatedAt: '',
  };
}

function blepharospasm(): Template {
  // Botox label sites per eye (the reference's protocols.blepharospasm_botox_label.site_list): pretarsal upper lid
  // medial and lateral, pretarsal lower lid lateral, on the eye detail where each lid half is its own region, so
  // each site keeps its location. Units: the lower end of the label's initial 1.25–2.5 U per site.
  const view = getView('eye_detail');
  const sites: TemplateSite[] = [];
  for (const side of ['right', 'left'] as const) {
    for (const [lid, position] of [['upper', 'medial'], ['upper', 'lateral'], ['lower', 'lateral']] as const) {
      const region = view.regions.find((r) => r.id === `orbicularis_oculi_pretarsal-${lid}-${position}-${side}`);
      if (!region) throw new Error(`blepharospasm template: no ${lid} ${position} pretarsal region, ${side}`);
      sites.push(site(sites.length + 1, view, region, region.label, 1.25));
    }
  }
  return {
    id: BUILTIN_IDS.blepharospasm,
    name: 'Blepharospasm label sites (6 sites, 1.25 U each to start)',
    indication: 'blepharospasm',
    builtin: true,
    sites,
    createdAt: '',
    updatedAt: '',
  };
}

export const BUILTIN_IDS = {
  preempt: '7e1a0c3e-5b1d-4f6a-9d2e-000000000001',
  blepharospasm: '7e1a0c3e-5b1d-4f6a-9d2e-000000000002',
} as const;

let cache: Template[] | null = null;

export function builtinTemplates(): Template[] {
  cache ??= [preempt(), blepharospasm()];
  return cache;
}

export function builtinTemplate(id: string): Template | undefined {
  return builtinTemplates().find((t) => t.id === id);
}
