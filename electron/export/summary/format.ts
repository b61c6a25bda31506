/** Wording and number formats of the printed summary: unambiguous dates, units always with their unit. */
import type { Guidance } from '../../../shared/domain/types.ts';
import type { SiteSide } from '../../../shared/rules/types.ts';

const UNITS = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2, useGrouping: false });
const ML = new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 3, useGrouping: false });
const DATE = new Intl.DateTimeFormat('en-GB', { day: '2-digit', month: 'short', year: 'numeric', timeZone: 'UTC' });

/** 2026-11-25 → "25 Nov 2026" (a calendar date; never shifted by a time zone). */
export function fmtDate(isoDate: string): string {
  const d = new Date(`${isoDate.slice(0, 10)}T00:00:00Z`);
  return Number.isNaN(d.getTime()) ? isoDate : DATE.format(d);
}

/** An instant in the clinic's time: "30 Nov 2026, 09:30". */
export function fmtDateTime(iso: string, timeZone?: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return new Intl.DateTimeFormat('en-GB', {
    day: '2-digit', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', hour12: false,
    ...(timeZone ? { timeZone } : {}),
  }).format(d);
}

export function num(n: number): string {
  return UNITS.format(n);
}

export function units(n: number): string {
  return `${UNITS.format(n)} U`;
}

export function ml(n: number | null): string {
  return n === null ? '—' : `${ML.format(n)} mL`;
}

export function sideText(side: SiteSide): string {
  return side === 'left' ? 'Left' : side === 'right' ? 'Right' : 'Midline';
}

const GUIDANCE: Record<Guidance, string> = { none: '—', emg: 'EMG', estim: 'E-stim', ultrasound: 'Ultrasound' };

export function guidanceText(g: Guidance): string {
  return GUIDANCE[g];
}

const REGIONS: Record<string, string> = {
  face: 'Face', head: 'Head', jaw: 'Jaw', neck: 'Neck', trunk: 'Trunk',
  upper_limb_left: 'Left upper limb', upper_limb_right: 'Right upper limb',
  lower_limb_left: 'Left lower limb', lower_limb_right: 'Right lower limb', unknown: 'Other',
};

export function regionText(region: string): string {
  return REGIONS[region] ?? region.replace(/_/g, ' ');
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}
