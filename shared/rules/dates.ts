/**
 * Date arithmetic for the rules, through date-fns: windows and intervals are counted in calendar days
 * between session dates (YYYY-MM-DD), so time zones and daylight saving never move a boundary.
 */
import { differenceInCalendarDays, differenceInMinutes, differenceInYears, parseISO } from 'date-fns';

const EPOCH = parseISO('2000-01-01');
const DAY_INDEX = new Map<string, number>();

/**
 * Calendar days from 2000-01-01 to a date, computed by date-fns once per distinct date string: a
 * patient's history repeats the same few hundred dates on every derivation while charting.
 */
function dayIndex(date: string): number {
  let n = DAY_INDEX.get(date);
  if (n === undefined) {
    n = differenceInCalendarDays(parseISO(date), EPOCH);
    if (DAY_INDEX.size > 50_000) DAY_INDEX.clear();
    DAY_INDEX.set(date, n);
  }
  return n;
}

/** Whole calendar days from `earlier` to `later` (both YYYY-MM-DD); negative when `earlier` is after `later`. */
export function daysBetween(earlier: string, later: string): number {
  return dayIndex(later) - dayIndex(earlier);
}

/** Is `date` inside a window of `windowDays` ending on `end` (fewer than windowDays days before it, 0 included)? */
export function inWindow(date: string, end: string, windowDays: number): boolean {
  const d = daysBetween(date, end);
  return d >= 0 && d < windowDays;
}

/** Age in completed years on a date. */
export function ageOn(birthDate: string, date: string): number {
  return differenceInYears(parseISO(date), parseISO(birthDate));
}

/** Minutes from one instant to another (ISO 8601 with offset). */
export function minutesBetween(from: string, to: string): number {
  return differenceInMinutes(parseISO(to), parseISO(from));
}

/** The later of two ISO instants (either may be missing). */
export function laterInstant(a: string | null | undefined, b: string | null | undefined): string | null {
  if (!a) return b ?? null;
  if (!b) return a;
  // ISO 8601 instants with an offset: the platform parses them exactly; no arithmetic here.
  return Date.parse(a) >= Date.parse(b) ? a : b;
}

/** Weeks and days, for messages: 83 days → "11 weeks 6 days". */
export function weeksAndDays(days: number): string {
  const w = Math.floor(days / 7);
  const d = days % 7;
  const weeks = w === 1 ? '1 week' : `${w} weeks`;
  if (d === 0) return weeks;
  return `${w > 0 ? `${weeks} ` : ''}${d === 1 ? '1 day' : `${d} days`}`;
}
