/**
 * The clinical rules: one pure function from a session and its context to every derived figure
 * (totals, concentration, volumes, waste, billing, CPT, rolling totals) and every finding with its
 * sources. The chart, signing, the summary and the review all read this one result.
 */
import { ageOn, daysBetween } from './dates.ts';
import { billingFindings, deriveBilling } from './billing.ts';
import { completeness, templateDeparture } from './completeness.ts';
import { deriveCpt } from './cpt.ts';
import { doseFindings } from './doses.ts';
import { acrossFindings, rollingTotals } from './intervals.ts';
import { deriveTotals } from './totals.ts';
import { deriveVials, vialFindings } from './vials.ts';
import type { DeriveInput, Finding, SessionDerived } from './types.ts';

export type * from './types.ts';

/** Under 18 at the session date: pediatric limits apply (conventions.pediatric_limits). */
const PEDIATRIC_BELOW_YEARS = 18;

export function deriveSession(input: DeriveInput): SessionDerived {
  const { session } = input;
  const sites = [...session.sites].sort((a, b) => a.seq - b.seq);
  const indications = [session.indication, ...session.otherIndications.filter((i) => i !== session.indication)];
  const totals = deriveTotals(sites);
  const vialFigures = deriveVials(sites, session.vials, session.productId);
  const billing = deriveBilling(session.productId, totals.units, vialFigures.vials.labelledUnits, vialFigures.vials.byVial.length);
  const cpt = deriveCpt(sites, indications, session.guidance);
  const ageYears = ageOn(input.patient.birthDate, session.date);
  const population = ageYears < PEDIATRIC_BELOW_YEARS ? 'pediatric' : 'adult';
  const across = {
    date: session.date,
    productId: session.productId,
    indications,
    population,
    weightKg: input.weightKg,
    units: totals.units,
    earlier: input.earlier.filter((d) => d.id !== session.id),
  } as const;
  const departure = templateDeparture(input);
  const findings: Finding[] = [
    ...doseFindings({ productId: session.productId, indications, population, weightKg: input.weightKg, sites, volumes: vialFigures.volumes }),
    ...acrossFindings(across),
    ...vialFindings({ ...input, session: { ...session, sites } }, vialFigures, totals.units),
    ...billingFindings(billing, session.productId),
    ...cpt.findings,
    ...(departure ? [departure] : []),
    ...futureDate(session.date, input.today),
  ];
  return {
    totals,
    concentrationPer01mL: vialFigures.concentrationPer01mL,
    volumes: vialFigures.volumes,
    vials: vialFigures.vials,
    billing,
    cpt: cpt.lines,
    rolling: rollingTotals(across),
    findings: withAcknowledgements(dedupe(findings), input),
    completeness: completeness(input, departure, totals.units),
    ageYears,
    pediatric: population === 'pediatric',
  };
}

/** A session dated after today is most likely a typing error in the date; every window is counted from it. */
function futureDate(date: string, today: string): Finding[] {
  const days = daysBetween(today, date);
  if (days <= 0) return [];
  return [{ key: 'future_date', kind: 'future_date', severity: 'warning', message: `The session is dated ${date}, ${days} day${days === 1 ? '' : 's'} after today; windows and intervals are counted from that date.`, sources: [] }];
}

/** One finding per key (the first, most specific one wins). */
function dedupe(findings: Finding[]): Finding[] {
  const seen = new Set<string>();
  return findings.filter((f) => (seen.has(f.key) ? false : (seen.add(f.key), true)));
}

function withAcknowledgements(findings: Finding[], input: DeriveInput): Finding[] {
  const acks = new Map((input.acknowledgements ?? []).map((a) => [a.key, a]));
  return findings.map((f) => {
    const a = acks.get(f.key);
    return a ? { ...f, acknowledgement: { by: a.by, at: a.at, reason: a.reason } } : f;
  });
}
