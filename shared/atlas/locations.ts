/**
 * Where within a muscle a site is: "upper lid, medial" for an eyelid, "sternal head" for the SCM. A region may
 * carry its location explicitly (views drawn for it, like the eye detail); older regions name their part in the id
 * ("orbicularis_oculi_pretarsal-upper-right"), read here. The location is stored with the site when it is placed,
 * so the list, the totals and the summary say which lid and which part.
 */
import { pointInPolygon } from './geometry.ts';
import type { AtlasRegion, AtlasView, Point, Side } from './types.ts';

/** Parts named in region ids, per muscle, in words a clinician writes. */
const PART_WORDS: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  orbicularis_oculi_pretarsal: { upper: 'upper lid', lower: 'lower lid' },
  orbicularis_oculi_preseptal: { upper: 'upper lid', lower: 'lower lid' },
  orbicularis_oculi_orbital: { upper: 'upper', lower: 'lower' },
  sternocleidomastoid: { sternal: 'sternal head', clavicular: 'clavicular head' },
  digastric: { anterior: 'anterior belly', posterior: 'posterior belly' },
  masseter: { superficial: 'superficial part', deep: 'deep part' },
};

/** The words of a region's location, or null when the region is a whole muscle. */
export function regionLocation(region: AtlasRegion): string | null {
  if (region.location) return region.location;
  const parts = region.id.split('-').slice(1, -1);
  if (parts.length === 0) return null;
  const words = PART_WORDS[region.muscleId];
  return parts.map((p) => words?.[p] ?? p).join(', ');
}

/**
 * The location of a site at `point`: that of the region of its own muscle and side containing the point.
 * Null when no such region contains it (a site reassigned to another muscle, or just outside its edge).
 */
export function siteLocation(view: AtlasView, point: Point, muscleId: string, side: Side): string | null {
  for (const r of view.regions) {
    if (r.muscleId !== muscleId || r.side !== side) continue;
    if (pointInPolygon(r.polygon, point.x, point.y)) return regionLocation(r);
  }
  return null;
}
