import { useEffect, useMemo, useRef, useState } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { scoreNumber } from '../../../shared/clinical/outcome-measures.ts';
import type { Scale } from '../../../shared/clinical/scales.ts';
import type { HistorySession } from '../../../shared/domain/review.ts';
import { indicationLabel, type IndicationId } from '../../../shared/indications.ts';
import { formatDate } from '../format.ts';
import { trendChoices, trendData, type TrendData } from './trend-data.ts';

/** A colour-blind-safe categorical palette (Okabe and Ito), dark enough to read on white and on paper. */
const DOSE_COLOURS = ['#0072b2', '#d55e00', '#009e73', '#cc79a7', '#e69f00', '#56b4e9', '#7a5c00', '#5b3fa0'];
/** The outcome measure in the theme's own ink (dark on light, light on dark), dashed, so it never reads as a dose. */
const MEASURE_VARS: ReadonlyArray<[string, string]> = [['--ink', '#14202e'], ['--danger', '#b3261e'], ['--ok', '#1b7a43'], ['--unverified-ink', '#5b2a86']];

const MONTH = new Intl.DateTimeFormat('en-GB', { month: 'short', year: 'numeric', timeZone: 'UTC' });

function cssVar(name: string, fallback: string): string {
  const v = getComputedStyle(document.documentElement).getPropertyValue(name).trim();
  return v || fallback;
}

function ordinalRange(measure: Scale): uPlot.Range.MinMax {
  const values = measure.kind.kind === 'ordinal' ? measure.kind.grades.map((g) => scoreNumber(measure, g) ?? 0) : [0];
  return [Math.min(...values), Math.max(...values)];
}

function toSeconds(date: string): number {
  return Date.parse(`${date}T12:00:00Z`) / 1000;
}

function options(data: TrendData, width: number): uPlot.Options {
  const ink = cssVar('--ink', '#14202e');
  const grid = cssVar('--line-soft', '#eef1f4');
  const axis = (scale: string, label: string, side: 0 | 1 | 2 | 3 = 3): uPlot.Axis => ({
    scale, label, side, stroke: ink, grid: { stroke: grid, width: 1 }, ticks: { stroke: grid }, font: '12px system-ui', labelFont: '12px system-ui',
    ...(side === 1 ? { grid: { show: false } } : {}),
  });
  const measure = data.measure;
  const measureColours = MEASURE_VARS.map(([name, fallback]) => cssVar(name, fallback));
  const range: uPlot.Range.MinMax | undefined =
    measure.kind.kind === 'numeric' && measure.kind.max !== null ? [measure.kind.min, measure.kind.max] : measure.kind.kind === 'ordinal' ? ordinalRange(measure) : undefined;
  return {
    width,
    height: 260,
    cursor: { drag: { x: false, y: false } },
    legend: { show: true },
    scales: { x: { time: true }, units: { auto: true, range: (_u, _min, max) => [0, Math.max(10, max * 1.1)] }, measure: range ? { auto: false, range } : { auto: true } },
    axes: [
      { stroke: ink, grid: { stroke: grid, width: 1 }, ticks: { stroke: grid }, font: '12px system-ui', space: 90, values: (_u, ticks) => ticks.map((t) => MONTH.format(new Date(t * 1000))) },
      axis('units', 'Units per muscle'),
      axis('measure', `${measure.label}${measure.ref.fromMemory ? ' (unverified scale)' : ''}`, 1),
    ],
    series: [
      { label: 'Date', value: (_u, v) => (v === null ? '—' : formatDate(new Date(v * 1000).toISOString().slice(0, 10))) },
      ...data.doses.map((d, i) => ({
        label: d.label, scale: 'units', stroke: DOSE_COLOURS[i % DOSE_COLOURS.length], width: 2, spanGaps: false,
        points: { show: true, size: 7 }, value: (_u: uPlot, v: number | null) => (v === null ? '—' : `${v} U`),
      })),
      ...data.measures.map((m, i) => ({
        label: m.label, scale: 'measure', stroke: measureColours[i % measureColours.length], width: 2.5, dash: [6, 4], spanGaps: true,
        points: { show: true, size: 9, fill: measureColours[i % measureColours.length] },
      })),
    ],
  };
}

/** Dose per muscle across the treatments of one indication, beside the indication's outcome measure (chart and table). */
export default function DoseTrend({ sessions }: { sessions: readonly HistorySession[] }) {
  const choices = useMemo(() => trendChoices(sessions), [sessions]);
  const [indication, setIndication] = useState<IndicationId | null>(choices[0]?.indication ?? null);
  const current = choices.find((c) => c.indication === indication) ?? choices[0];
  const [measureId, setMeasureId] = useState<string | null>(null);
  const measure = current?.measures.find((m) => m.id === measureId) ?? current?.measures[0];
  const data = useMemo(() => (current && measure ? trendData(sessions, current.indication, measure.id) : null), [sessions, current, measure]);
  const box = useRef<HTMLDivElement>(null);
  // The figures as a table on demand, and always on paper (the browser prints what is rendered).
  const [showTable, setShowTable] = useState(false);
  useEffect(() => {
    const open = () => setShowTable(true);
    window.addEventListener('beforeprint', open);
    return () => window.removeEventListener('beforeprint', open);
  }, []);

  useEffect(() => {
    const el = box.current;
    if (!el || !data || data.dates.length === 0) return;
    const aligned: uPlot.AlignedData = [data.dates.map(toSeconds), ...data.doses.map((d) => d.values), ...data.measures.map((m) => m.values)];
    const plot = new uPlot(options(data, Math.max(320, el.clientWidth)), aligned, el);
    const observer = new ResizeObserver(() => plot.setSize({ width: Math.max(320, el.clientWidth), height: 260 }));
    observer.observe(el);
    return () => {
      observer.disconnect();
      plot.destroy();
    };
  }, [data]);

  if (!current || !measure || !data) return null;
  return (
    <section className="dose-trend" data-testid="dose-trend" aria-label="Dose and response">
      <div className="dose-trend-head">
        <h3>Dose per muscle and {measure.label}</h3>
        {choices.length > 1 && (
          <label>
            Indication{' '}
            <select value={current.indication} onChange={(e) => { setIndication(e.target.value as IndicationId); setMeasureId(null); }}>
              {choices.map((c) => <option key={c.indication} value={c.indication}>{indicationLabel(c.indication)}</option>)}
            </select>
          </label>
        )}
        <label>
          Outcome measure{' '}
          <select value={measure.id} onChange={(e) => setMeasureId(e.target.value)} data-testid="trend-measure">
            {current.measures.map((m) => <option key={m.id} value={m.id}>{m.label}{m.ref.fromMemory ? ' (unverified)' : ''}</option>)}
          </select>
        </label>
      </div>
      <div ref={box} className="dose-trend-chart" data-testid="dose-trend-chart" />
      {data.measures.length === 0 && <p className="muted small">No {measure.label} recorded yet for {indicationLabel(current.indication).toLowerCase()}.</p>}
      <button type="button" className="linklike small" aria-expanded={showTable} onClick={() => setShowTable((v) => !v)} data-testid="dose-trend-toggle">
        {showTable ? 'Hide the figures' : `Show the figures as a table (${data.dates.length} dates)`}
      </button>
      {showTable && (
      <table className="list compact dose-trend-table" data-testid="dose-trend-table">
        <caption className="visually-hidden">Doses and {measure.label} by date</caption>
        <thead>
          <tr>
            <th>Date</th>
            {data.doses.map((d) => <th key={d.key}>{d.label}</th>)}
            {data.measures.map((m) => <th key={m.key}>{m.label}</th>)}
          </tr>
        </thead>
        <tbody>
          {data.dates.map((date, i) => (
            <tr key={date}>
              <td>{formatDate(date)}{data.kinds[i] === 'follow-up' ? ' (follow-up)' : ''}</td>
              {data.doses.map((d) => <td key={d.key}>{d.values[i] === null ? '' : `${d.values[i]} U`}</td>)}
              {data.measures.map((m) => <td key={m.key}>{m.raw[i] ?? ''}</td>)}
            </tr>
          ))}
        </tbody>
      </table>
      )}
      <p className="muted small">
        Units are per product and never added across products. {measure.label}: {measure.ref.fromMemory ? 'scale not checked against a source (unverified)' : `sources ${measure.ref.sources.join(', ')}`}.
      </p>
    </section>
  );
}
