/**
 * Findings across sessions: rolling-window maxima (same product only, the session itself included),
 * the interval since the patient's last toxin session of any product, a product change, and other
 * products inside the window (listed beside, never summed).
 */
import { sumUnits } from '../domain/values.ts';
import type { IndicationId } from '../indications.ts';
import { conventionText, CUMULATIVE_ACROSS_PRODUCTS, limitApplies, limitsOf, UNITS_NOT_INTERCHANGEABLE, type Population } from './limits.ts';
import { daysBetween, inWindow, weeksAndDays } from './dates.ts';
import { brand, fmtUnits, productUnits } from './format.ts';
import type { Finding, PriorDose, SessionDerived } from './types.ts';

export interface AcrossContext {
  date: string;
  productId: string | null;
  indications: readonly IndicationId[];
  population: Population;
  weightKg: number | null;
  units: number;
  /** Earlier doses dated on or before the session date. */
  earlier: readonly PriorDose[];
}

/** The 3-month window of the reference's conventions (rolling_3_months): always shown for the session's product. */
const THREE_MONTHS = limitsOf('rolling_window_max').find((l) => l.windowConvention === 'rolling_3_months')?.windowDays ?? null;

function priorsOnOrBefore(ctx: AcrossContext): PriorDose[] {
  return ctx.earlier.filter((d) => daysBetween(d.date, ctx.date) >= 0);
}

function describe(d: PriorDose): string {
  return `${productUnits(d.productId, d.units)} on ${d.date}${d.origin === 'elsewhere' ? ` (given elsewhere${d.where ? `: ${d.where}` : ''})` : ''}`;
}

export function rollingTotals(ctx: AcrossContext): SessionDerived['rolling'] {
  if (ctx.productId === null) return [];
  const windows = new Set<number>();
  if (THREE_MONTHS !== null) windows.add(THREE_MONTHS);
  for (const l of limitsOf('rolling_window_max')) {
    if (l.windowDays !== null && limitApplies(l, ctx.productId, ctx.population, ctx.indications)) windows.add(l.windowDays);
  }
  const priors = priorsOnOrBefore(ctx).filter((d) => d.productId === ctx.productId);
  return [...windows].sort((a, b) => a - b).map((windowDays) => ({
    product: ctx.productId!,
    windowDays,
    units: sumUnits([ctx.units, ...priors.filter((d) => inWindow(d.date, ctx.date, windowDays)).map((d) => d.units)]),
  }));
}

export function acrossFindings(ctx: AcrossContext): Finding[] {
  const out: Finding[] = [];
  const priors = priorsOnOrBefore(ctx);

  for (const l of limitsOf('rolling_window_max')) {
    if (!limitApplies(l, ctx.productId, ctx.population, ctx.indications) || l.windowDays === null || l.maxU === null) continue;
    const inside = priors.filter((d) => d.productId === ctx.productId && inWindow(d.date, ctx.date, l.windowDays!));
    const total = sumUnits([ctx.units, ...inside.map((d) => d.units)]);
    const convention = conventionText(l.windowConvention ?? '');
    if (l.maxUPerKg !== null && ctx.weightKg === null) {
      out.push({ key: `per_kg_unchecked:${l.id}`, kind: 'per_kg_unchecked', severity: 'warning', message: `No weight is recorded: the pediatric cap (${l.text}) cannot be checked. Record the weight.`, sources: [...l.sources], convention: conventionText('pediatric_limits'), ...(l.fromMemory ? { unverified: true } : {}) });
    }
    const perKg = l.maxUPerKg !== null && ctx.weightKg !== null ? sumUnits([l.maxUPerKg * ctx.weightKg]) : null;
    const cap = perKg !== null ? Math.min(perKg, l.maxU) : l.maxU;
    if (total > cap) {
      out.push({
        key: `rolling_window_max:${l.id}`,
        kind: 'rolling_window_max',
        severity: 'warning',
        message: `${productUnits(ctx.productId, total)} within ${l.windowDays} days (this session ${fmtUnits(ctx.units)}${inside.length ? `; earlier: ${inside.map(describe).join(', ')}` : ''}), above ${fmtUnits(cap)}${perKg !== null ? ` for ${ctx.weightKg} kg` : ''}. Label: ${l.text}.`,
        sources: [...l.sources],
        ...(convention ? { convention } : {}),
        ...(l.fromMemory ? { unverified: true } : {}),
      });
    }
  }

  const previous = [...priors].sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : 0))[0];
  if (previous) out.push(...intervalFindings(ctx, previous));

  const lastWithProduct = [...priors].filter((d) => d.productId !== null).sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : 0))[0];
  if (ctx.productId !== null && lastWithProduct && lastWithProduct.productId !== ctx.productId) {
    out.push({
      key: 'product_changed',
      kind: 'product_changed',
      severity: 'warning',
      message: `Product changed: the last dose was ${describe(lastWithProduct)}; this session is ${brand(ctx.productId)}. Units are product-specific and cannot be compared or converted; choose the dose on its own terms.`,
      sources: [...UNITS_NOT_INTERCHANGEABLE.sources],
    });
  }

  if (ctx.productId !== null && THREE_MONTHS !== null) {
    const others = priors.filter((d) => d.productId !== ctx.productId && inWindow(d.date, ctx.date, THREE_MONTHS));
    if (others.length > 0) {
      out.push({
        key: 'cross_product_units',
        kind: 'cross_product_units',
        severity: 'warning',
        message: `Other toxin products within ${THREE_MONTHS} days: ${others.map(describe).join(', ')}. Shown beside this session's ${brand(ctx.productId)} units, never added to them: consider the cumulative effect.`,
        sources: [...new Set([...CUMULATIVE_ACROSS_PRODUCTS.sources, ...UNITS_NOT_INTERCHANGEABLE.sources])],
        convention: conventionText('cumulative_dose_scope'),
      });
    }
  }
  return out;
}

function intervalFindings(ctx: AcrossContext, previous: PriorDose): Finding[] {
  const days = daysBetween(previous.date, ctx.date);
  const rules = limitsOf('min_interval');
  const own = rules.find((l) => l.productId === ctx.productId);
  const convention = conventionText('interval_rule_scope');
  const out: Finding[] = [];
  // A product with no interval rule (the reference says none was found) takes only the general rule:
  // the previous product's own interval, counted across products.
  let rule = own && own.minDays !== null ? own : undefined;
  if (own && own.minDays === null) {
    out.push({ key: 'no_label_interval', kind: 'no_label_interval', severity: 'info', message: `${brand(ctx.productId)}: ${own.text}.`, sources: [...own.sources] });
    rule = rules.find((l) => l.productId === previous.productId && l.minDays !== null);
  }
  if (!rule || rule.minDays === null || days >= rule.minDays) return out;
  out.push({
    key: 'interval_under_12_weeks',
    kind: 'interval_under_12_weeks',
    severity: 'warning',
    message: `${days === 0 ? 'Another toxin dose on the same day' : `${days} days (${weeksAndDays(days)}) since the last toxin dose`}: ${describe(previous)}. ${brand(rule.productId)}: ${rule.text} (fewer than ${rule.minDays} days warns; exactly ${rule.minDays} does not).`,
    sources: [...rule.sources],
    convention: [conventionText(rule.intervalConvention ?? ''), convention].filter(Boolean).join(' '),
  });
  return out;
}

