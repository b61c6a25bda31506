/**
 * Where the marker labels go, in screen pixels, so they stay legible when sites crowd (PREEMPT's occipitalis and
 * paraspinal sites): markers that overlap are drawn as one marker with a count; each label takes the first free
 * spot around its marker (right, left, above, below, then the diagonals) that covers no other label or marker;
 * a label with no free spot is left out, and the chart says how many are, so the clinician zooms in.
 */
import { sumUnits } from '../../shared/domain/values.ts';

export interface MarkerInput {
  id: string;
  /** Screen position of the site. */
  x: number;
  y: number;
  units: number;
}

export interface LabelBox {
  text: string;
  /** Top-left corner and size, screen pixels. */
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface MarkerGroup {
  /** The sites drawn as this marker, in charting order (one unless they overlap). */
  ids: string[];
  x: number;
  y: number;
  units: number;
  label: LabelBox | null;
}

export interface LabelOptions {
  /** Marker radius, px. */
  radius: number;
  fontSize: number;
  /** Where labels may go (the canvas), px. */
  bounds: { width: number; height: number };
}

/** Text of a marker's label: its units, or the count and total of a stack of sites. */
export function labelText(count: number, units: number): string {
  return count === 1 ? formatNumber(units) : `${count} sites · ${formatNumber(units)} U`;
}

function formatNumber(u: number): string {
  return String(Math.round(u * 100) / 100);
}

function textWidth(text: string, fontSize: number): number {
  return Math.ceil(text.length * fontSize * 0.6) + 6;
}

interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

function rectsOverlap(a: Rect, b: Rect): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

function circleHitsRect(cx: number, cy: number, r: number, b: Rect): boolean {
  const nx = Math.max(b.x, Math.min(cx, b.x + b.width));
  const ny = Math.max(b.y, Math.min(cy, b.y + b.height));
  return (nx - cx) ** 2 + (ny - cy) ** 2 < r * r;
}

/** Markers closer than this fraction of a diameter are one marker: two overlapping dots cannot be told apart. */
const OVERLAP = 1.2;

/** Groups overlapping markers (in charting order), then places one label per group. */
export function layoutMarkers(markers: readonly MarkerInput[], options: LabelOptions): MarkerGroup[] {
  const { radius: r, fontSize, bounds } = options;
  const groups: Array<MarkerGroup & { unitsList: number[] }> = [];
  for (const m of markers) {
    const near = groups.find((g) => Math.hypot(g.x - m.x, g.y - m.y) < r * OVERLAP);
    if (near) {
      near.ids.push(m.id);
      near.unitsList.push(m.units);
    } else groups.push({ ids: [m.id], x: m.x, y: m.y, units: m.units, label: null, unitsList: [m.units] });
  }
  const placed: Rect[] = [];
  const gap = 3;
  for (const g of groups) {
    g.units = sumUnits(g.unitsList);
    const text = labelText(g.ids.length, g.units);
    const width = textWidth(text, fontSize);
    const height = fontSize + 4;
    const d = r * 0.75;
    const spots: Array<[number, number]> = [
      [g.x + r + gap, g.y - height / 2],
      [g.x - r - gap - width, g.y - height / 2],
      [g.x - width / 2, g.y - r - gap - height],
      [g.x - width / 2, g.y + r + gap],
      [g.x + d + gap, g.y - d - height],
      [g.x + d + gap, g.y + d],
      [g.x - d - gap - width, g.y - d - height],
      [g.x - d - gap - width, g.y + d],
    ];
    for (const [x, y] of spots) {
      const box = { x, y, width, height };
      if (x < 0 || y < 0 || x + width > bounds.width || y + height > bounds.height) continue;
      if (placed.some((p) => rectsOverlap(p, box))) continue;
      if (groups.some((o) => o !== g && circleHitsRect(o.x, o.y, r + 1, box))) continue;
      g.label = { text, ...box };
      placed.push(box);
      break;
    }
  }
  return groups.map(({ unitsList: _u, ...g }) => g);
}
