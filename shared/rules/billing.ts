/**
 * HCPCS drug lines from the reference's billing_rules: administered billing units rounded up, the
 * discarded amount on a JW line rounded down to whole billing units and never past the vials' labelled
 * amount, JZ when nothing is discarded, and the open question (not a guess) when less than one billing
 * unit is discarded.
 */
import { PRODUCTS } from '../clinical/products.ts';
import { BILLING_UNIT_SIZE, billingRule } from './limits.ts';
import { brand, fmtUnits } from './format.ts';
import type { Billing, Finding } from './types.ts';

/** Integer hundredths of a unit: doses carry at most two decimals, so the arithmetic below is exact. */
const cents = (u: number) => Math.round(u * 100);

export function deriveBilling(productId: string | null, administeredUnits: number, labelledUnits: number, vialCount: number): Billing | null {
  if (productId === null || administeredUnits <= 0) return null;
  const product = PRODUCTS.find((p) => p.id === productId);
  if (!product) return null;
  const size = BILLING_UNIT_SIZE[product.hcpcsCode] ?? product.billingUnitSize;
  const sizeC = cents(size);
  const doseC = cents(administeredUnits);
  const labelledC = cents(labelledUnits);
  const admin = Math.ceil(doseC / sizeC);
  const sources = new Set<string>([...billingRule('administered_round_up').sources, ...billingRule('jw_round_down').sources]);
  const base = { hcpcs: product.hcpcsCode, unitSize: size, administeredBillingUnits: admin, administeredUnits, labelledUnits };

  if (vialCount === 0) {
    return { ...base, jwBillingUnits: 0, modifier: null, discardedUnits: 0, openQuestion: 'No vial is recorded, so the discarded amount (JW) or none (JZ) cannot be derived. Record the vials opened.', sources: [...sources] };
  }
  const discardC = labelledC - doseC;
  if (discardC < 0) {
    return { ...base, jwBillingUnits: 0, modifier: null, discardedUnits: 0, openQuestion: `The dose is more than the ${fmtUnits(labelledUnits)} in the recorded vials; record every vial opened before the waste can be derived.`, sources: [...sources] };
  }
  // Administered plus JW billing units never exceed the vials' labelled amount in billing units.
  const capBu = Math.floor(labelledC / sizeC);
  const jw = Math.max(0, Math.min(Math.floor(discardC / sizeC), capBu - admin));
  for (const id of ['discarded_amount', 'cap_labelled_amount', 'same_hcpcs_code']) for (const s of billingRule(id).sources) sources.add(s);
  const discardedUnits = discardC / 100;
  if (discardC === 0) {
    for (const s of billingRule('jz_when_nothing_discarded').sources) sources.add(s);
    return { ...base, jwBillingUnits: 0, modifier: 'JZ', discardedUnits, sources: [...sources] };
  }
  if (jw >= 1) return { ...base, jwBillingUnits: jw, modifier: 'JW', discardedUnits, sources: [...sources] };
  const open = billingRule('jz_when_discard_below_one_unit');
  for (const s of open.sources) sources.add(s);
  return { ...base, jwBillingUnits: 0, modifier: null, discardedUnits, openQuestion: open.question ?? '', sources: [...sources] };
}

export function billingFindings(billing: Billing | null, productId: string | null): Finding[] {
  if (!billing || billing.modifier !== null || billing.discardedUnits <= 0) return [];
  const open = billingRule('jz_when_discard_below_one_unit');
  return [
    {
      key: 'jz_unresolved',
      kind: 'jz_unresolved',
      severity: 'info',
      message: `${fmtUnits(billing.discardedUnits)} of ${brand(productId)} discarded is less than one billing unit (${billing.unitSize} U): no JW line. Whether the ${billing.hcpcs} line takes JZ is an open question the reference does not answer; the coder decides. The discarded amount is recorded either way.`,
      sources: [...open.sources],
    },
  ];
}
