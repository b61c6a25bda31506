/** Plain wording for findings: units with the product's brand, never a bare number that could be misread. */
import { PRODUCTS } from '../clinical/products.ts';
import { hasMuscle, muscleName } from '../atlas/catalogue.ts';
import type { SiteSide } from './types.ts';

const UNITS = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });

export function fmtUnits(u: number): string {
  return `${UNITS.format(u)} U`;
}

export function brand(productId: string | null): string {
  if (productId === null) return 'unrecorded product';
  return PRODUCTS.find((p) => p.id === productId)?.brand ?? productId;
}

/** "BOTOX 450 U" — units are always named with their product. */
export function productUnits(productId: string | null, u: number): string {
  return `${brand(productId)} ${fmtUnits(u)}`;
}

export function sideWord(side: SiteSide): string {
  return side === 'midline' ? 'midline' : side;
}

export function muscleLabel(muscleId: string, side?: SiteSide): string {
  const name = hasMuscle(muscleId) ? muscleName(muscleId) : muscleId;
  return side && side !== 'midline' ? `${name} (${side})` : name;
}
