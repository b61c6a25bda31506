/**
 * Muscle catalogue built from the clinical reference's `muscles[]`. Ids are the stable keys used by
 * atlas regions, templates and charted sites; names are display text only.
 */
import reference from '../../resources/reference/clinical-reference.json' with { type: 'json' };

export type SideMode = 'bilateral_pair' | 'midline';

export interface MuscleInfo {
  id: string;
  name: string;
  /** Free-text anatomical region from the reference, e.g. "face/glabella". */
  region: string;
  /** Coarse body area from the reference, e.g. "face", "neck", "upper_limb". */
  bodyArea: string;
  sideMode: SideMode;
  /** Group id from `muscle_groups[]` (e.g. "orbicularis_oculi"), or null. */
  group: string | null;
  /** Ids sharing this value count as one muscle for limb CPT counting; null when the muscle counts alone. */
  cptCountAs: string | null;
  /** False only for structures named to be avoided (e.g. levator palpebrae superioris). */
  injectionTarget: boolean;
  /** SNOMED CT body-structure code exactly as in the reference; null where the reference has none. */
  snomedCode: string | null;
  /** Parent muscle id for sub-muscles (psoas major is part of iliopsoas), or null. */
  partOf: string | null;
}

interface RawMuscle {
  id: string;
  name: string;
  region: string;
  body_area: string;
  side_mode: string;
  group?: string;
  cpt_count_as?: string;
  injection_target?: boolean;
  snomed_ct_body_structure: string | null;
  part_of?: string;
}

function toSideMode(raw: string, id: string): SideMode {
  if (raw === 'bilateral_pair' || raw === 'midline') return raw;
  throw new Error(`catalogue: muscle '${id}' has unknown side_mode '${raw}'`);
}

function toMuscle(raw: RawMuscle): MuscleInfo {
  return Object.freeze({
    id: raw.id,
    name: raw.name,
    region: raw.region,
    bodyArea: raw.body_area,
    sideMode: toSideMode(raw.side_mode, raw.id),
    group: raw.group ?? null,
    cptCountAs: raw.cpt_count_as ?? null,
    injectionTarget: raw.injection_target !== false,
    snomedCode: raw.snomed_ct_body_structure ?? null,
    partOf: raw.part_of ?? null,
  });
}

const rawMuscles: readonly RawMuscle[] = reference.muscles as readonly RawMuscle[];

export const MUSCLES: readonly MuscleInfo[] = Object.freeze(rawMuscles.map(toMuscle));

const BY_ID: ReadonlyMap<string, MuscleInfo> = new Map(MUSCLES.map((m) => [m.id, m]));

export function hasMuscle(id: string): boolean {
  return BY_ID.has(id);
}

export function getMuscle(id: string): MuscleInfo {
  const found = BY_ID.get(id);
  if (!found) throw new Error(`getMuscle: unknown muscle id '${id}' (not in the clinical reference's muscles[])`);
  return found;
}

export function muscleName(id: string): string {
  return getMuscle(id).name;
}

const MUSCLE_KEY = /(^|_)muscle_ids?$/;

/**
 * Every muscle id the reference's protocols name (`muscle_id`, `muscle_ids` and any `*_muscle_id(s)` field),
 * sorted. Includes structures marked `injection_target: false`; filter with getMuscle when needed.
 */
export function protocolMuscleIds(): string[] {
  const ids = new Set<string>();
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) {
      for (const item of node) walk(item);
      return;
    }
    if (node === null || typeof node !== 'object') return;
    for (const [key, value] of Object.entries(node)) {
      if (MUSCLE_KEY.test(key)) {
        if (typeof value === 'string') ids.add(value);
        else if (Array.isArray(value)) for (const v of value) if (typeof v === 'string') ids.add(v);
      }
      walk(value);
    }
  };
  walk(reference.protocols);
  return [...ids].sort();
}
