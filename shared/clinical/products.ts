import { reference, sourceRef, type SourceRef } from './reference.ts';

export interface Product {
  id: string;
  brand: string;
  /** Vial sizes in the product's own units, as the reference lists them. */
  vialSizes: readonly number[];
  hcpcsCode: string;
  /** Product units per HCPCS billing unit (J0586 = 5 U, J0587 = 100 U). */
  billingUnitSize: number;
  /** Hours a reconstituted (or diluted) vial may be used, with its source; null when the reference gives none. */
  useWithinHours: { hours: number; ref: SourceRef } | null;
  /** U per 0.1 mL of a ready-to-use solution as supplied (rimabotulinumtoxinB: 500); null when it is reconstituted. */
  undilutedPer01ml: number | null;
  /** True when the product is a ready-to-use solution (no reconstitution). */
  readyToUse: boolean;
}

interface RawProduct {
  id: string;
  brand?: string;
  vial_sizes_units?: { value: number[] };
  hcpcs?: { code: string; billing_unit_size_U: number };
  after_reconstitution?: { value: string; sources?: string[]; from_memory?: boolean };
  after_dilution?: { value: string; sources?: string[]; from_memory?: boolean };
  formulation_note?: unknown;
  reconstitution?: Array<{ U_per_0_1mL_undiluted?: number }>;
}

/** "administer within 24 hours…" → 24; the number is read from the reference text, never assumed. */
function hoursFrom(text: string): number | null {
  const m = /(\d+)\s*(?:h\b|hours?)/i.exec(text);
  return m ? Number(m[1]) : null;
}

function toProduct(p: RawProduct): Product | null {
  if (!p.hcpcs || !p.vial_sizes_units || !p.brand) return null;
  const window = p.after_reconstitution ?? p.after_dilution;
  const hours = window ? hoursFrom(window.value) : null;
  const undiluted = p.reconstitution?.find((r) => typeof r.U_per_0_1mL_undiluted === 'number')?.U_per_0_1mL_undiluted ?? null;
  return {
    id: p.id,
    brand: p.brand,
    vialSizes: p.vial_sizes_units.value,
    hcpcsCode: p.hcpcs.code,
    billingUnitSize: p.hcpcs.billing_unit_size_U,
    useWithinHours: window && hours !== null ? { hours, ref: sourceRef(window) } : null,
    undilutedPer01ml: undiluted,
    readyToUse: undiluted !== null,
  };
}

/** Therapeutic products with an HCPCS code (cosmetic-only products are left out). */
export const PRODUCTS: readonly Product[] = (reference.products as unknown as RawProduct[])
  .map(toProduct)
  .filter((p): p is Product => p !== null);

export const PRODUCT_IDS = PRODUCTS.map((p) => p.id) as [string, ...string[]];

export function getProduct(id: string): Product {
  const found = PRODUCTS.find((p) => p.id === id);
  if (!found) throw new Error(`getProduct: unknown product '${id}'`);
  return found;
}

export function productLabel(id: string): string {
  const p = getProduct(id);
  return `${p.brand} (${p.id})`;
}

/**
 * Concentration in units per 0.1 mL: vial units ÷ diluent mL ÷ 10. A ready-to-use solution has no
 * diluent entry; its concentration is not derived here (null) rather than assumed.
 */
export function concentrationPer01ml(sizeUnits: number, diluentMl: number | null): number | null {
  if (diluentMl === null || diluentMl <= 0) return null;
  return Math.round((sizeUnits / diluentMl / 10) * 10_000) / 10_000;
}

interface VialLike {
  productId: string;
  sizeUnits: number;
  diluentMl: number | null;
}

/**
 * U per 0.1 mL in one vial as used. A reconstituted product: vial units over diluent volume. A
 * ready-to-use solution: its supplied concentration, or, if it was further diluted, its units over the
 * solution's own volume plus the added diluent.
 */
export function vialConcentration(v: VialLike): number | null {
  const product = getProduct(v.productId);
  if (product.undilutedPer01ml === null) return concentrationPer01ml(v.sizeUnits, v.diluentMl);
  if (v.diluentMl === null) return product.undilutedPer01ml;
  const solutionMl = v.sizeUnits / (product.undilutedPer01ml * 10);
  return concentrationPer01ml(v.sizeUnits, solutionMl + v.diluentMl);
}

/**
 * The one concentration of a session's vials, or null when there is none or when
 * vials were diluted differently (then a volume cannot be derived from units alone).
 */
export function sessionConcentration(vials: ReadonlyArray<VialLike>): number | null {
  const values = new Set(vials.map(vialConcentration));
  if (values.size !== 1) return null;
  const [only] = values;
  return only ?? null;
}

/** Injected volume in mL for a dose at a concentration in U per 0.1 mL, to 0.001 mL. */
export function volumeMl(units: number, per01ml: number): number {
  return Math.round((units / per01ml / 10) * 1000) / 1000;
}
