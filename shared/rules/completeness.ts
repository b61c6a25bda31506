/**
 * What must be on record before a session is signed (missing data, not dose warnings: those never
 * block), and the finding that says a session departs from the template it started from.
 */
import { sumUnits } from '../domain/values.ts';
import { fmtUnits, muscleLabel } from './format.ts';
import type { DeriveInput, DeriveVial, Finding } from './types.ts';

export const TEMPLATE_DEPARTURE_KEY = 'template_departure';

function signature(sites: ReadonlyArray<{ muscleId: string; side: string; units: number }>): string {
  const byKey = new Map<string, number[]>();
  for (const s of sites) byKey.set(`${s.muscleId}|${s.side}`, [...(byKey.get(`${s.muscleId}|${s.side}`) ?? []), s.units]);
  return [...byKey.entries()].map(([k, u]) => `${k}:${u.sort((a, b) => a - b).join(',')}`).sort().join(';');
}

export function templateDeparture(input: DeriveInput): Finding | null {
  const t = input.session.template;
  if (!t) return null;
  const sites = input.session.sites;
  if (signature(sites) === signature(t.sites)) return null;
  const tU = sumUnits(t.sites.map((s) => s.units));
  const sU = sumUnits(sites.map((s) => s.units));
  const tMuscles = new Set(t.sites.map((s) => `${s.muscleId}|${s.side}`));
  const added = [...new Set(sites.filter((s) => !tMuscles.has(`${s.muscleId}|${s.side}`)).map((s) => muscleLabel(s.muscleId, s.side)))];
  return {
    key: TEMPLATE_DEPARTURE_KEY,
    kind: 'template_departure',
    severity: 'info',
    message: `Departs from “${t.name}” (${fmtUnits(tU)} at ${t.sites.length} sites): ${fmtUnits(sU)} at ${sites.length} sites${added.length ? `; added: ${added.join(', ')}` : ''}. Record the reason before signing.`,
    sources: [],
  };
}

export function completeness(input: DeriveInput, departure: Finding | null, totalUnits: number): Array<{ kind: string; message: string }> {
  const out: Array<{ kind: string; message: string }> = [];
  const s = input.session;
  if (!s.indication) out.push({ kind: 'indication', message: 'Record the indication.' });
  if (s.sites.length === 0) out.push({ kind: 'sites', message: 'There is nothing to sign: the session has no injection sites.' });
  if (!s.productId) out.push({ kind: 'product', message: 'Record the product used.' });
  const documented = (v: DeriveVial) => v.productId === s.productId && v.lot.trim() !== '' && v.expiry !== '';
  if (s.productId && totalUnits > 0 && !s.vials.some(documented)) {
    out.push({ kind: 'vial', message: 'Record at least one vial of the product with its lot and expiry.' });
  }
  const acknowledged = (input.acknowledgements ?? []).some((a) => a.key === TEMPLATE_DEPARTURE_KEY && a.reason.trim() !== '');
  if (departure && !acknowledged) out.push({ kind: 'template_departure', message: 'Give the reason this session departs from its template.' });
  return out;
}
