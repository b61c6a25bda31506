/**
 * Vials: concentration, volume per site, labelled and wasted units (vials used in the order they were
 * opened), and the vial findings (expired lot, used past the reconstitution window, units beyond the
 * vials, a vial of another product).
 */
import { getProduct, PRODUCT_IDS, vialConcentration, volumeMl } from '../clinical/products.ts';
import { sumUnits } from '../domain/values.ts';
import { UNITS_NOT_INTERCHANGEABLE } from './limits.ts';
import { daysBetween, laterInstant, minutesBetween } from './dates.ts';
import { brand, fmtUnits, productUnits } from './format.ts';
import type { DeriveInput, DeriveSite, DeriveVial, Finding, SessionDerived } from './types.ts';

const cents = (u: number) => Math.round(u * 100);

/** The vials that count for the session: those of its product, in the order they were opened. */
export function sessionVials(vials: readonly DeriveVial[], productId: string | null): DeriveVial[] {
  const opened = (v: DeriveVial) => v.reconstitutedAt ?? v.createdAt ?? '';
  return vials
    .map((v, i) => ({ v, i }))
    .filter(({ v }) => v.productId === productId)
    .sort((a, b) => (opened(a.v) < opened(b.v) ? -1 : opened(a.v) > opened(b.v) ? 1 : a.i - b.i))
    .map(({ v }) => v);
}

function knownProduct(id: string): boolean {
  return (PRODUCT_IDS as readonly string[]).includes(id);
}

function concentrationOf(v: DeriveVial): number | null {
  return knownProduct(v.productId) ? vialConcentration(v) : null;
}

/** One concentration for the session, or null when there is no vial or vials were diluted differently. */
export function sessionConcentration(vials: readonly DeriveVial[]): number | null {
  const values = new Set(vials.map(concentrationOf));
  if (values.size !== 1) return null;
  const [only] = values;
  return only ?? null;
}

interface Portion {
  vial: DeriveVial;
  units: number;
}

/** Draws each site's units from the vials in order; what no vial covers is left out of the portions. */
function allocate(sites: readonly DeriveSite[], vials: readonly DeriveVial[]): { perSite: Map<string, Portion[]>; usedCents: number[] } {
  const left = vials.map((v) => cents(v.sizeUnits));
  const usedCents = vials.map(() => 0);
  const perSite = new Map<string, Portion[]>();
  let i = 0;
  for (const s of sites) {
    let need = cents(s.units);
    const portions: Portion[] = [];
    while (need > 0 && i < vials.length) {
      const take = Math.min(need, left[i]!);
      if (take > 0) {
        portions.push({ vial: vials[i]!, units: take / 100 });
        left[i]! -= take;
        usedCents[i]! += take;
        need -= take;
      }
      if (left[i] === 0) i += 1;
    }
    perSite.set(s.id, portions);
  }
  return { perSite, usedCents };
}

export interface VialFigures {
  concentrationPer01mL: number | null;
  volumes: SessionDerived['volumes'];
  vials: SessionDerived['vials'];
}

export function deriveVials(sites: readonly DeriveSite[], allVials: readonly DeriveVial[], productId: string | null): VialFigures {
  const vials = sessionVials(allVials, productId);
  const concentration = sessionConcentration(vials);
  const { perSite, usedCents } = allocate(sites, vials);
  const volumes = sites.map((s) => {
    if (concentration !== null) return { siteId: s.id, mL: volumeMl(s.units, concentration) };
    const portions = perSite.get(s.id) ?? [];
    const covered = sumUnits(portions.map((p) => p.units));
    const concs = portions.map((p) => concentrationOf(p.vial));
    if (portions.length === 0 || covered !== s.units || concs.some((c) => c === null)) return { siteId: s.id, mL: null };
    const mL = portions.reduce((acc, p, k) => acc + p.units / (concs[k] as number) / 10, 0);
    return { siteId: s.id, mL: Math.round(mL * 1000) / 1000 };
  });
  const labelled = sumUnits(vials.map((v) => v.sizeUnits));
  const total = sumUnits(sites.map((s) => s.units));
  return {
    concentrationPer01mL: concentration,
    volumes,
    vials: {
      labelledUnits: labelled,
      wastedUnits: Math.max(0, sumUnits([labelled, -total])),
      byVial: vials.map((v, k) => ({
        vialId: v.id,
        labelledUnits: v.sizeUnits,
        usedUnits: usedCents[k]! / 100,
        wastedUnits: (cents(v.sizeUnits) - usedCents[k]!) / 100,
      })),
    },
  };
}

/** When the vials were in use: the start of the procedure, or the last site recorded if later. */
function usedAt(input: DeriveInput): string | null {
  let at: string | null = input.session.startedAt;
  for (const s of input.session.sites) at = laterInstant(at, s.createdAt);
  return at;
}

export function vialFindings(input: DeriveInput, figures: VialFigures, totalUnits: number): Finding[] {
  const { session } = input;
  const out: Finding[] = [];
  const used = usedAt(input);
  for (const v of session.vials) {
    if (session.productId !== null && v.productId !== session.productId) {
      out.push({
        key: `vial_product_mismatch:${v.id}`,
        kind: 'vial_product_mismatch',
        severity: 'warning',
        message: `Vial lot ${v.lot} is ${brand(v.productId)}, but the session records ${brand(session.productId)}. Its units are not counted with the session's: units of different products are never added.`,
        sources: [...UNITS_NOT_INTERCHANGEABLE.sources],
      });
    }
    if (daysBetween(v.expiry, session.date) > 0) {
      out.push({
        key: `expired_lot:${v.id}`,
        kind: 'expired_lot',
        severity: 'warning',
        message: `Vial lot ${v.lot} (${brand(v.productId)} ${fmtUnits(v.sizeUnits)}) expired on ${v.expiry}, before the session date ${session.date}.`,
        sources: [],
      });
    }
    const window = windowHours(v);
    if (window && v.reconstitutedAt && used) {
      const minutes = minutesBetween(v.reconstitutedAt, used);
      if (minutes > window.hours * 60) {
        const hours = Math.floor(minutes / 60);
        out.push({
          key: `reconstitution_window:${v.id}`,
          kind: 'reconstitution_window',
          severity: 'warning',
          message: `Vial lot ${v.lot} was ${v.diluentMl === null ? 'opened' : 'reconstituted'} ${hours} hours before use; ${brand(v.productId)} is to be used within ${window.hours} hours.`,
          sources: [...window.sources],
          ...(window.fromMemory ? { unverified: true } : {}),
        });
      }
    }
  }
  const labelled = figures.vials.labelledUnits;
  if (figures.vials.byVial.length > 0 && totalUnits > labelled) {
    out.push({
      key: 'units_exceed_vials',
      kind: 'units_exceed_vials',
      severity: 'warning',
      message: `The sites add up to ${productUnits(session.productId, totalUnits)}, more than the ${fmtUnits(labelled)} in the recorded vials. Record every vial opened.`,
      sources: [],
    });
  }
  return out;
}

/** The product's use-within window after reconstitution (or after dilution, for a ready-to-use solution that was diluted). */
function windowHours(v: DeriveVial): { hours: number; sources: readonly string[]; fromMemory: boolean } | null {
  if (!knownProduct(v.productId)) return null;
  const p = getProduct(v.productId);
  if (!p.useWithinHours) return null;
  if (p.readyToUse && v.diluentMl === null) return null;
  return { hours: p.useWithinHours.hours, sources: p.useWithinHours.ref.sources, fromMemory: p.useWithinHours.ref.fromMemory };
}
