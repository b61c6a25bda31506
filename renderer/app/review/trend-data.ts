import { muscleName } from '../../../shared/atlas/index.ts';
import { outcomeMeasures, PER_MUSCLE_SCALES, scoreNumber } from '../../../shared/clinical/outcome-measures.ts';
import { getScale, type Scale } from '../../../shared/clinical/scales.ts';
import type { HistorySession } from '../../../shared/domain/review.ts';
import { sumUnits } from '../../../shared/domain/values.ts';
import type { IndicationId } from '../../../shared/indications.ts';
import { productName } from './review-format.ts';

/** One line of the dose chart: a muscle and side, in one product's units (units of two products are never on one line). */
export interface DoseSeries {
  key: string;
  label: string;
  /** Units per date (aligned with TrendData.dates); null where the muscle was not injected. */
  values: Array<number | null>;
  total: number;
}

export interface MeasureSeries {
  key: string;
  label: string;
  values: Array<number | null>;
  /** The values as recorded (ordinal grades as written), for the table. */
  raw: Array<string | null>;
}

export interface TrendData {
  /** YYYY-MM-DD, ascending: treatment dates and follow-up dates. */
  dates: string[];
  /** What happened on each date. */
  kinds: Array<'treatment' | 'follow-up' | 'both'>;
  doses: DoseSeries[];
  measure: Scale;
  measures: MeasureSeries[];
}

/**
 * Doses per muscle and side across the treatments of one indication, beside one outcome measure (scores
 * recorded at the treatment and at its follow-up visit, each on its own date). Pure, for the chart and its table.
 */
export function trendData(sessions: readonly HistorySession[], indication: IndicationId, measureId: string, maxDoseSeries = 8): TrendData {
  const treated = sessions.filter((s) => s.indication === indication && s.status === 'signed').sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const measure = getScale(measureId);
  const dates = [...new Set([...treated.map((s) => s.date), ...treated.flatMap((s) => s.followUps.map((f) => f.date))])].sort();
  const at = new Map(dates.map((d, i) => [d, i]));
  const kinds = dates.map((d) => {
    const t = treated.some((s) => s.date === d);
    const f = treated.some((s) => s.followUps.some((x) => x.date === d));
    return t && f ? 'both' : t ? 'treatment' : 'follow-up';
  }) as TrendData['kinds'];

  const doses = new Map<string, DoseSeries>();
  for (const s of treated) {
    const i = at.get(s.date) ?? 0;
    const byMuscle = new Map<string, number[]>();
    for (const site of s.sites) byMuscle.set(`${site.muscleId}|${site.side}`, [...(byMuscle.get(`${site.muscleId}|${site.side}`) ?? []), site.units]);
    for (const [muscleSide, units] of byMuscle) {
      const [muscleId, side] = muscleSide.split('|') as [string, string];
      const key = `${muscleSide}|${s.productId ?? 'none'}`;
      let series = doses.get(key);
      if (!series) {
        series = { key, label: `${muscleName(muscleId)}${side === 'midline' ? '' : ` ${side === 'left' ? 'L' : 'R'}`} (${productName(s.productId)})`, values: dates.map(() => null), total: 0 };
        doses.set(key, series);
      }
      const u = sumUnits(units);
      series.values[i] = sumUnits([series.values[i] ?? 0, u]);
      series.total = sumUnits([series.total, u]);
    }
  }
  const doseList = [...doses.values()].sort((a, b) => b.total - a.total).slice(0, maxDoseSeries);

  const measures = new Map<string, MeasureSeries>();
  const put = (key: string, label: string, date: string, value: string) => {
    let m = measures.get(key);
    if (!m) measures.set(key, (m = { key, label, values: dates.map(() => null), raw: dates.map(() => null) }));
    const i = at.get(date);
    if (i === undefined) return;
    m.values[i] = scoreNumber(measure, value);
    m.raw[i] = value;
  };
  for (const s of treated) {
    if (PER_MUSCLE_SCALES.has(measure.id)) {
      const grades = [...s.muscleScores.map((g) => ({ g, date: s.date })), ...s.followUps.flatMap((f) => f.muscleScores.map((g) => ({ g, date: f.date })))];
      for (const { g, date } of grades.filter((x) => x.g.scaleId === measure.id)) {
        put(`${g.muscleId}|${g.side}`, `${measure.label}: ${muscleName(g.muscleId)}${g.side === 'midline' ? '' : ` ${g.side === 'left' ? 'L' : 'R'}`}`, date, g.value);
      }
    } else {
      for (const x of s.scores.filter((x) => x.scaleId === measure.id)) put(measure.id, measure.label, s.date, x.value);
      for (const f of s.followUps) for (const x of f.scores.filter((x) => x.scaleId === measure.id)) put(measure.id, measure.label, f.date, x.value);
    }
  }
  return { dates, kinds, doses: doseList, measure, measures: [...measures.values()] };
}

/** The indications treated, most recent first, and the measures each can be drawn against. */
export function trendChoices(sessions: readonly HistorySession[]): Array<{ indication: IndicationId; measures: Scale[] }> {
  const seen: IndicationId[] = [];
  for (const s of sessions) if (s.status === 'signed' && !seen.includes(s.indication)) seen.push(s.indication);
  return seen.map((indication) => ({ indication, measures: outcomeMeasures(indication) }));
}
