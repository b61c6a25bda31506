/**
 * Dose findings within one session: per site (units, and mL where a product limits volume), per muscle
 * (label tables, the SCM limit, per eye), per session (label maxima, pediatric U/kg caps), the PREEMPT
 * paradigm and its follow-the-pain rule, and label facts worth seeing (off-label, risk muscles).
 */
import type { IndicationId } from '../indications.ts';
import { sumUnits } from '../domain/values.ts';
import { getMuscle, hasMuscle } from '../atlas/catalogue.ts';
import { conventionText, LEVATOR_SCAPULAE_RISK, limitApplies, limitsOf, MUSCLE_DOSE_TABLES, PREEMPT, PREEMPT_PRODUCT_ID, SCM_LIMIT, type Limit, type Population } from './limits.ts';
import { brand, fmtUnits, muscleLabel, productUnits } from './format.ts';
import { bodyArea, unitsOf } from './totals.ts';
import type { DeriveSite, Finding, SessionDerived } from './types.ts';

export interface DoseContext {
  productId: string | null;
  indications: readonly IndicationId[];
  population: Population;
  weightKg: number | null;
  sites: readonly DeriveSite[];
  volumes: SessionDerived['volumes'];
}

function limitFinding(l: Limit, key: string, message: string, extra: Partial<Finding> = {}): Finding {
  return {
    key,
    kind: l.kind,
    severity: 'warning',
    message: l.labelVersion ? `${message} Label version: ${l.labelVersion}.` : message,
    sources: [...l.sources],
    ...(l.fromMemory ? { unverified: true } : {}),
    ...extra,
  };
}

function sitesInGroup(sites: readonly DeriveSite[], group: string): DeriveSite[] {
  return sites.filter((s) => hasMuscle(s.muscleId) && getMuscle(s.muscleId).group === group);
}

function perSite(ctx: DoseContext): Finding[] {
  const out: Finding[] = [];
  for (const l of limitsOf('per_site_max')) {
    if (!limitApplies(l, ctx.productId, ctx.population, ctx.indications)) continue;
    for (const s of ctx.sites) {
      if (l.maxU !== null && s.units > l.maxU) {
        out.push(limitFinding(l, `per_site_max:${l.id}:${s.id}`, `Site ${s.seq}, ${muscleLabel(s.muscleId, s.side)}: ${productUnits(ctx.productId, s.units)} at one site; label: ${l.text} (${fmtUnits(l.maxU)}).`, { siteIds: [s.id] }));
      }
      const mL = ctx.volumes.find((v) => v.siteId === s.id)?.mL ?? null;
      if (l.maxMl !== null && mL !== null && mL > l.maxMl) {
        out.push(limitFinding(l, `per_site_max:${l.id}:${s.id}`, `Site ${s.seq}, ${muscleLabel(s.muscleId, s.side)}: ${mL} mL at one site; label: ${l.text}.`, { siteIds: [s.id] }));
      }
    }
  }
  return out;
}

function bySide(sites: readonly DeriveSite[]): Map<string, DeriveSite[]> {
  const out = new Map<string, DeriveSite[]>();
  for (const s of sites) {
    const list = out.get(s.side);
    if (list) list.push(s);
    else out.set(s.side, [s]);
  }
  return out;
}

function perMuscle(ctx: DoseContext): Finding[] {
  const out: Finding[] = [];
  // Per muscle (group) and side limits stated in prose (e.g. 50 U per eye).
  for (const l of limitsOf('per_muscle_max')) {
    if (!limitApplies(l, ctx.productId, ctx.population, ctx.indications) || l.maxU === null || !l.muscleGroup) continue;
    for (const [side, list] of bySide(sitesInGroup(ctx.sites, l.muscleGroup))) {
      const u = unitsOf(list);
      if (u > l.maxU) out.push(limitFinding(l, `per_muscle_max:${l.id}:${side}`, `${side === 'midline' ? 'Midline' : `${side[0]!.toUpperCase()}${side.slice(1)} side`}: ${productUnits(ctx.productId, u)}; label: ${l.text}.`, { siteIds: list.map((s) => s.id) }));
    }
  }
  // Per-muscle label tables, checked per muscle and side (each limb on its own).
  const charted = new Set(ctx.sites.map((s) => s.muscleId));
  for (const t of MUSCLE_DOSE_TABLES) {
    if (t.productId !== ctx.productId || t.population !== ctx.population || !t.indications.some((i) => ctx.indications.includes(i))) continue;
    for (const row of t.rows) {
      if (!row.muscleIds.some((id) => charted.has(id))) continue;
      const groups = row.basis === 'each' ? row.muscleIds.map((id) => [id]) : [row.muscleIds];
      for (const ids of groups) {
        for (const [side, list] of bySide(ctx.sites.filter((s) => ids.includes(s.muscleId)))) {
          const u = unitsOf(list);
          if (u <= row.maxU) continue;
          const name = ids.length === 1 ? muscleLabel(ids[0]!, list[0]!.side) : `${row.label} (${side})`;
          out.push({
            key: `per_muscle_max:${t.id}:${ids.join('+')}:${side}`,
            kind: 'per_muscle_max',
            severity: 'warning',
            message: `${name}: ${productUnits(ctx.productId, u)}, above the ${row.doseText} U${row.basis === 'each' ? '' : ' per muscle'} of the ${t.text}.`,
            sources: [...t.sources],
            siteIds: list.map((s) => s.id),
            ...(t.fromMemory ? { unverified: true } : {}),
          });
        }
      }
    }
  }
  out.push(...scm(ctx));
  return out;
}

/** The reference's structured SCM limit: per SCM (label wording) and the bilateral sum (convention). */
function scm(ctx: DoseContext): Finding[] {
  const list = ctx.sites.filter((s) => s.muscleId === SCM_LIMIT.muscle_id);
  if (list.length === 0) return [];
  const out: Finding[] = [];
  const left = list.filter((s) => s.side === 'left');
  const right = list.filter((s) => s.side === 'right');
  const name = muscleLabel(SCM_LIMIT.muscle_id);
  if (ctx.productId === SCM_LIMIT.product_id) {
    for (const [side, sites] of [['left', left], ['right', right]] as const) {
      const u = unitsOf(sites);
      if (u > SCM_LIMIT.max_U) {
        out.push({
          key: `per_muscle_max:scm:${side}`,
          kind: 'per_muscle_max',
          severity: 'warning',
          message: `${name} (${side}): ${productUnits(ctx.productId, u)}. Label: limiting the SCM dose to ${fmtUnits(SCM_LIMIT.max_U)} or less may decrease dysphagia.`,
          sources: [...SCM_LIMIT.sources],
          siteIds: sites.map((s) => s.id),
        });
      }
    }
    const both = unitsOf(list);
    if (left.length > 0 && right.length > 0 && both > SCM_LIMIT.max_U) {
      out.push({
        key: 'per_muscle_max:scm:bilateral',
        kind: 'per_muscle_max',
        severity: 'warning',
        message: `${name}, both sides together: ${productUnits(ctx.productId, both)}, above ${fmtUnits(SCM_LIMIT.max_U)}. The label does not say per side or in total; the app checks both.`,
        sources: [...SCM_LIMIT.sources],
        siteIds: list.map((s) => s.id),
        convention: SCM_LIMIT.how_the_app_checks.bilateral_sum,
      });
    }
  }
  if (left.length > 0 && right.length > 0) {
    out.push({
      key: 'bilateral_scm',
      kind: 'bilateral_scm',
      severity: 'info',
      message: `Both sternocleidomastoids injected: patients who need bilateral SCM injections are at greater risk of dysphagia.${ctx.productId !== SCM_LIMIT.product_id ? ` ${SCM_LIMIT.other_products}` : ''}`,
      sources: [...SCM_LIMIT.sources],
      siteIds: list.map((s) => s.id),
    });
  }
  return out;
}

function perSession(ctx: DoseContext): Finding[] {
  const out: Finding[] = [];
  for (const l of limitsOf('session_label_max')) {
    if (!limitApplies(l, ctx.productId, ctx.population, ctx.indications) || l.maxU === null) continue;
    let scope = ctx.sites;
    if (l.bodyAreas) scope = scope.filter((s) => l.bodyAreas!.includes(bodyArea(s.muscleId)));
    if (l.muscleGroup) scope = sitesInGroup(scope, l.muscleGroup);
    const u = unitsOf(scope);
    if (u === 0) continue;
    if (l.maxUPerKg !== null && ctx.weightKg === null) {
      out.push({
        key: `per_kg_unchecked:${l.id}`,
        kind: 'per_kg_unchecked',
        severity: 'warning',
        message: `No weight is recorded: the pediatric cap (${l.text}) cannot be checked. Record the weight.`,
        sources: [...l.sources],
        convention: conventionText('pediatric_limits'),
        ...(l.fromMemory ? { unverified: true } : {}),
      });
    }
    const perKgCap = l.maxUPerKg !== null && ctx.weightKg !== null ? sumUnits([l.maxUPerKg * ctx.weightKg]) : null;
    const cap = perKgCap !== null ? Math.min(perKgCap, l.maxU) : l.maxU;
    if (u > cap) {
      const capText = perKgCap !== null ? `${fmtUnits(cap)} for ${ctx.weightKg} kg` : fmtUnits(cap);
      out.push(limitFinding(l, `${perKgCap !== null ? 'per_kg_max' : 'session_label_max'}:${l.id}`, `${productUnits(ctx.productId, u)}${l.bodyAreas ? ` in ${l.bodyAreas.map((a) => a.replace('_', ' ')).join(' and ')} muscles` : ''} this session, above ${capText}. Label: ${l.text}.`, {
        kind: perKgCap !== null && perKgCap < l.maxU ? 'per_kg_max' : 'session_label_max',
        siteIds: scope.map((s) => s.id),
      }));
    }
  }
  return out;
}

/** PREEMPT: follow-the-pain sites only in the muscles it allows, at most its maximum total and site count. */
/** PREEMPT's fixed sites per muscle and its follow-the-pain muscles as words: read from the reference once. */
let preemptFixed: Map<string, { units: number; sites: number }> | null = null;
let preemptAllowedWords: string | null = null;

function preempt(ctx: DoseContext): Finding[] {
  if (!ctx.indications.includes('chronic_migraine') || ctx.productId !== PREEMPT_PRODUCT_ID) return [];
  const ftp = PREEMPT.follow_the_pain;
  const out: Finding[] = [];
  const fixed = (preemptFixed ??= new Map(PREEMPT.fixed_sites.map((f) => [f.muscle_id, { units: f.total_U, sites: f.sites }])));
  // The sites of each muscle, muscles in the order they were first charted (a live derivation runs at every change).
  const byMuscle = new Map<string, DeriveSite[]>();
  for (const site of ctx.sites) {
    const list = byMuscle.get(site.muscleId);
    if (list) list.push(site);
    else byMuscle.set(site.muscleId, [site]);
  }
  for (const [m, list] of byMuscle) {
    const base = fixed.get(m) ?? { units: 0, sites: 0 };
    const extraU = sumUnits([unitsOf(list), -base.units]);
    const extraSites = list.length - base.sites;
    if ((extraU > 0 || extraSites > 0) && !ftp.allowed_muscle_ids.includes(m)) {
      out.push({
        key: `preempt_ftp_site_not_allowed:${m}`,
        kind: 'preempt_ftp_site_not_allowed',
        severity: 'warning',
        message: `${muscleLabel(m)}: ${fmtUnits(unitsOf(list))} at ${list.length} site${list.length === 1 ? '' : 's'}${base.sites > 0 ? `, beyond PREEMPT's fixed ${fmtUnits(base.units)} at ${base.sites}` : ', not a PREEMPT muscle'}. Follow-the-pain injections are given only in ${(preemptAllowedWords ??= ftp.allowed_muscle_ids.map((id) => muscleLabel(id)).join(', '))}${ftp.not_allowed_muscle_ids.includes(m) ? ` (not in the ${ftp.not_allowed})` : ''}.`,
        sources: [...PREEMPT.sources.filter((s) => s !== 'MEM')],
        siteIds: list.map((s) => s.id),
      });
    }
  }
  const total = unitsOf(ctx.sites);
  if (total > ftp.max_total_U) {
    out.push({
      key: 'preempt_ftp_site_not_allowed:total',
      kind: 'preempt_ftp_site_not_allowed',
      severity: 'warning',
      message: `${productUnits(ctx.productId, total)} in total, past PREEMPT's maximum of ${fmtUnits(ftp.max_total_U)} (${fmtUnits(PREEMPT.fixed_total_U)} fixed plus up to ${fmtUnits(ftp.max_additional_U)} follow-the-pain).`,
      sources: [...PREEMPT.sources.filter((s) => s !== 'MEM')],
    });
  }
  if (ctx.sites.length > ftp.max_total_sites) {
    out.push({
      key: 'preempt_ftp_site_not_allowed:sites',
      kind: 'preempt_ftp_site_not_allowed',
      severity: 'warning',
      message: `${ctx.sites.length} sites, past PREEMPT's maximum of ${ftp.max_total_sites} (${PREEMPT.fixed_total_sites} fixed plus follow-the-pain).`,
      sources: [...PREEMPT.sources.filter((s) => s !== 'MEM')],
    });
  }
  return out;
}

function labelFacts(ctx: DoseContext): Finding[] {
  const out: Finding[] = [];
  for (const l of limitsOf('off_label')) {
    if (!limitApplies(l, ctx.productId, ctx.population, ctx.indications)) continue;
    out.push({
      key: `off_label:${l.id}`,
      kind: 'off_label',
      severity: 'info',
      message: `${l.productId ? `${brand(l.productId)}: ` : ''}${l.indications?.filter((i) => ctx.indications.includes(i)).map((i) => i.replace(/_/g, ' ')).join(', ')}: ${l.text}.`,
      sources: [...l.sources],
    });
  }
  const ls = ctx.sites.filter((s) => s.muscleId === LEVATOR_SCAPULAE_RISK.muscleId);
  if (ls.length > 0) {
    out.push({
      key: 'risk_muscle:levator_scapulae',
      kind: 'risk_muscle',
      severity: 'info',
      message: `${muscleLabel(LEVATOR_SCAPULAE_RISK.muscleId)}: injection is associated with upper respiratory infection and dysphagia.`,
      sources: LEVATOR_SCAPULAE_RISK.sources,
      siteIds: ls.map((s) => s.id),
    });
  }
  return out;
}

export function doseFindings(ctx: DoseContext): Finding[] {
  return [...perSite(ctx), ...perMuscle(ctx), ...perSession(ctx), ...preempt(ctx), ...labelFacts(ctx)];
}
