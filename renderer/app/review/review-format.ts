import { getProduct } from '../../../shared/clinical/products.ts';
import { getScale } from '../../../shared/clinical/scales.ts';
import type { HistorySession } from '../../../shared/domain/review.ts';
import { formatUnits } from '../format.ts';

export function productName(id: string | null): string {
  if (!id) return 'product not recorded';
  try {
    return getProduct(id).brand;
  } catch {
    return id;
  }
}

/** "155 U BOTOX": units always with their product, never summed with another product's. */
export function unitsOfProduct(units: number, productId: string | null): string {
  return `${formatUnits(units)} ${productName(productId)}`;
}

/** "84 days (12 wk)" or "89 days (12.7 wk)". */
export function intervalText(days: number): string {
  const weeks = days / 7;
  return `${days} days (${Number.isInteger(weeks) ? weeks : weeks.toFixed(1)} wk)`;
}

export function scaleLabel(scaleId: string): string {
  try {
    return getScale(scaleId).label;
  } catch {
    return scaleId;
  }
}

export function scaleUnverified(scaleId: string): boolean {
  try {
    return getScale(scaleId).ref.fromMemory;
  } catch {
    return true;
  }
}

/** The grade's own wording where the scale has one (CGI-I 2 → "much improved"). */
export function gradeText(scaleId: string, value: string): string {
  try {
    const kind = getScale(scaleId).kind;
    const label = kind.kind === 'ordinal' ? kind.labels?.[value] : undefined;
    return label ? `${value} (${label})` : value;
  } catch {
    return value;
  }
}

/** The treatment visits of a history: versions replaced by a signed amendment are shown under their amendment, not on their own. */
export function currentVersions(sessions: readonly HistorySession[]): HistorySession[] {
  return sessions.filter((s) => s.supersededBy === null);
}
