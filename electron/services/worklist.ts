import { addDays, differenceInCalendarDays, format, parseISO, subHours } from 'date-fns';
import type { Worklist, WorklistAuthorization, WorklistDue } from '../../shared/domain/review.ts';
import { LIMITS } from '../../shared/rules/limits.ts';
import { listCurrentPriorAuths } from '../db/prior-auth.ts';
import { listSettingRows } from '../db/settings.ts';
import * as q from '../db/worklist.ts';
import type { ServiceContext } from './context.ts';
import { getSettings } from './settings.ts';

/** The windows: due within 14 days; drafts unsigned after a day; authorizations ending within 30 days or under 20 % of units left. */
const DUE_WITHIN_DAYS = 14;
const STALE_DRAFT_HOURS = 24;
const AUTH_EXPIRING_DAYS = 30;
const AUTH_UNITS_FRACTION = 0.2;
/** App convention: a patient overdue by more than a year has most likely left the practice; counted, not listed. */
const OVERDUE_LOOKBACK_DAYS = 365;
const DUE_LIST_LIMIT = 200;
const RECENT_LIMIT = 10;

/**
 * The retreatment interval when the clinician has set none: the reference's "sooner than 12 weeks"
 * convention as limits.json encodes it (min_interval entries, interval_convention under_12_weeks).
 */
export function referenceRetreatmentDays(): number {
  const limit = LIMITS.find((l) => l.kind === 'min_interval' && l.intervalConvention === 'under_12_weeks' && l.minDays !== null);
  if (!limit?.minDays) throw new Error('referenceRetreatmentDays: limits.json has no min_interval under the under_12_weeks convention');
  return limit.minDays;
}

function defaultInterval(ctx: ServiceContext): { days: number; source: 'settings' | 'reference' } {
  const saved = listSettingRows(ctx.db).some((r) => r.key === 'defaultRetreatmentDays');
  return saved ? { days: getSettings(ctx).defaultRetreatmentDays, source: 'settings' } : { days: referenceRetreatmentDays(), source: 'reference' };
}

const name = (p: q.PatientName | undefined) => (p ? `${p.familyName.toUpperCase()}, ${p.givenName}` : '');

/**
 * The first screen: who is due or overdue (each patient's own next due date, else the last signed session
 * plus the clinician's interval), drafts left unsigned for more than a day, authorizations running out, and
 * the patients worked on last. A patient whose next session is already open as a draft is not "due".
 */
export function worklist(ctx: ServiceContext): Worklist {
  const now = ctx.now();
  const today = format(now, 'yyyy-MM-dd');
  const todayDate = parseISO(today);
  return ctx.db.transaction((): Worklist => {
    const interval = defaultInterval(ctx);
    const drafts = q.listDrafts(ctx.db);
    const openNext = new Map<string, string>();
    for (const d of drafts) if (d.amendsSessionId === null && (openNext.get(d.patientId) ?? '') < d.date) openNext.set(d.patientId, d.date);

    let longOverdueCount = 0;
    const candidates: Array<{ patientId: string; dueDate: string; dueFrom: WorklistDue['dueFrom']; daysUntilDue: number }> = [];
    for (const last of q.latestSignedPerPatient(ctx.db)) {
      if ((openNext.get(last.patientId) ?? '') >= last.date) continue;
      const dueFrom = last.nextDueDate ? 'next_due_date' : 'interval';
      const dueDate = last.nextDueDate ?? format(addDays(parseISO(last.date), interval.days), 'yyyy-MM-dd');
      const daysUntilDue = differenceInCalendarDays(parseISO(dueDate), todayDate);
      if (daysUntilDue > DUE_WITHIN_DAYS) continue;
      if (daysUntilDue < -OVERDUE_LOOKBACK_DAYS) {
        longOverdueCount += 1;
        continue;
      }
      candidates.push({ patientId: last.patientId, dueDate, dueFrom, daysUntilDue });
    }
    candidates.sort((a, b) => a.daysUntilDue - b.daysUntilDue || a.patientId.localeCompare(b.patientId));
    const listed = candidates.slice(0, DUE_LIST_LIMIT);
    longOverdueCount += candidates.length - listed.length;

    const staleBefore = subHours(now, STALE_DRAFT_HOURS).toISOString();
    const staleDrafts = drafts.filter((d) => d.createdAt < staleBefore);
    const auths = authorizationsToWatch(ctx, today, todayDate);
    const recent = q.recentActivity(ctx.db, RECENT_LIMIT);
    const names = q.patientNames(ctx.db, [...listed.map((c) => c.patientId), ...staleDrafts.map((d) => d.patientId), ...auths.map((a) => a.patientId), ...recent.map((r) => r.patientId)]);

    const due: WorklistDue[] = listed.flatMap((c) => {
      const session = q.latestSignedSession(ctx.db, c.patientId);
      const patient = names.get(c.patientId);
      if (!session || !patient) return [];
      return [{ ...c, mrn: patient.mrn, name: name(patient), lastSessionId: session.id, lastDate: session.date, indication: session.indication }];
    });
    return {
      today,
      defaultIntervalDays: interval.days,
      intervalSource: interval.source,
      due,
      longOverdueCount,
      drafts: staleDrafts.map((d) => ({
        patientId: d.patientId, mrn: names.get(d.patientId)?.mrn ?? '', name: name(names.get(d.patientId)), sessionId: d.id, date: d.date,
        indication: d.indication, createdAt: d.createdAt, siteCount: d.siteCount,
      })),
      authorizations: auths.map((a) => ({ ...a, mrn: names.get(a.patientId)?.mrn ?? '', name: name(names.get(a.patientId)) })),
      recent: recent.map((r) => ({ patientId: r.patientId, mrn: names.get(r.patientId)?.mrn ?? '', name: name(names.get(r.patientId)), lastActivity: r.at })),
    };
  })();
}

function authorizationsToWatch(ctx: ServiceContext, today: string, todayDate: Date): Array<Omit<WorklistAuthorization, 'mrn' | 'name'>> {
  return listCurrentPriorAuths(ctx.db, today).flatMap((pa) => {
    if (pa.validFrom > today) return [];
    const daysLeft = differenceInCalendarDays(parseISO(pa.validTo), todayDate);
    const unitsLeft = pa.approvedUnits === null ? null : Math.round((pa.approvedUnits - pa.usedUnits) * 100) / 100;
    const visitsLeft = pa.approvedVisits === null ? null : pa.approvedVisits - pa.usedVisits;
    const reasons: WorklistAuthorization['reasons'] = [];
    if (daysLeft <= AUTH_EXPIRING_DAYS) reasons.push('expiring');
    // At most one visit left: the next visit uses the last one, so renewal starts now.
    if (visitsLeft !== null && visitsLeft <= 1) reasons.push('visits');
    if (unitsLeft !== null && pa.approvedUnits !== null && unitsLeft < pa.approvedUnits * AUTH_UNITS_FRACTION) reasons.push('units');
    if (reasons.length === 0) return [];
    return [{
      patientId: pa.patientId, priorAuthId: pa.id, payer: pa.payer, number: pa.number, productId: pa.productId, validTo: pa.validTo, daysLeft,
      unitsLeft, approvedUnits: pa.approvedUnits, visitsLeft, approvedVisits: pa.approvedVisits, reasons,
    }];
  });
}
