/**
 * Date arithmetic for the rules, through date-fns: windows and intervals are counted in calendar days
 * between session dates (YYYY-MM-DD), so time zones and daylight saving never move a boundary.
 */
import { differenceInCalendarDays, differenceInMinutes, differenceInYears, parseISO } from 'date-fns';

/** Whole calendar days from `earlier` to `later` (both YYYY-MM-DD); negative when `earlier` is after `later`. */
export function daysBetween(earlier: string, later: string): number {
  return differenceInCalendarDays(parseISO(later), parseISO(earlier));
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
  return parseISO(a).getTime() >= parseISO(b).getTime() ? a : b;
}

/** Weeks and days, for messages: 83 days → "11 weeks 6 days". */
export function weeksAndDays(days: number): string {
  const w = Math.floor(days / 7);
  const d = days % 7;
  const weeks = w === 1 ? '1 week' : `${w} weeks`;
  if (d === 0) return weeks;
  return `${w > 0 ? `${weeks} ` : ''}${d === 1 ? '1 day' : `${d} days`}`;
}
