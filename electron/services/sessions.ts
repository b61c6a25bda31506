import type { SessionDetail, SessionSummary, Site } from '../../shared/domain/types.ts';
import type { SessionCreateInput, SessionUpdateInput } from '../../shared/ipc/contract.ts';
import { AppError } from '../../shared/ipc/result.ts';
import { withChanges } from '../../shared/domain/merge.ts';
import { currentClinicianName, displayName, getCurrentClinician } from '../db/clinicians.ts';
import * as patients from '../db/patients.ts';
import { found } from '../db/rows.ts';
import * as parts from '../db/session-parts.ts';
import * as repo from '../db/sessions.ts';
import { insertSite, listSites, sitesForPatient } from '../db/sites.ts';
import { insertAcknowledgement, listAcknowledgements } from '../db/acknowledgements.ts';
import * as charting from '../db/charting.ts';
import { storeDerived } from '../db/session-derived.ts';
import { signAndSeal } from '../trust/seal.ts';
import { cachedSignedParts, copyParts, keepSignedParts, type SessionParts } from './timeline-cache.ts';
import { authenticateCurrent } from './accounts.ts';
import type { TemplateOrigin } from '../../shared/rules/types.ts';
import type { ServiceContext } from './context.ts';
import { deriveNow } from './derive.ts';
import { findTemplate } from './records.ts';
import { locationOf } from './sites.ts';
import { getSettings } from './settings.ts';

export function getSession(ctx: ServiceContext, input: { id: string }): SessionDetail {
  const session = found(repo.getSession(ctx.db, input.id), `Session ${input.id}`);
  return {
    ...session,
    patterns: charting.listSessionPatterns(ctx.db, input.id),
    copiedFromSessionId: charting.getSessionOrigin(ctx.db, input.id),
    sites: listSites(ctx.db, input.id),
    vials: parts.listVials(ctx.db, input.id),
    scores: parts.listScores(ctx.db, input.id),
    adverseEvents: parts.listAdverseEvents(ctx.db, input.id),
  };
}

/**
 * A patient's whole record of sessions, newest first, each with its sites, vials, scores and events:
 * what the review beside earlier maps needs, in five queries whatever the number of sessions.
 */
export function patientTimeline(ctx: ServiceContext, input: { patientId: string }): SessionDetail[] {
  found(patients.getPatient(ctx.db, input.patientId), `Patient ${input.patientId}`);
  return ctx.db.transaction(() => {
    // Without the per-session count and total of sites: they are counted below from the sites read anyway.
    const sessions = repo.listSessionsWithoutTotals(ctx.db, input.patientId);
    // Signed sessions never change: their parts are read once per connection (timeline-cache.ts).
    const known = new Map<string, SessionParts>();
    for (const s of sessions) {
      const kept = s.status === 'signed' ? cachedSignedParts(ctx.db, s.id) : undefined;
      if (kept) known.set(s.id, kept);
    }
    const missing = sessions.filter((s) => !known.has(s.id));
    if (missing.length > 0 && missing.length <= 5) {
      // A few drafts or new signatures: read per session.
      for (const s of missing) {
        known.set(s.id, {
          patterns: charting.listSessionPatterns(ctx.db, s.id), copiedFromSessionId: charting.getSessionOrigin(ctx.db, s.id),
          sites: listSites(ctx.db, s.id), vials: parts.listVials(ctx.db, s.id), scores: parts.listScores(ctx.db, s.id),
          adverseEvents: parts.listAdverseEvents(ctx.db, s.id),
        });
      }
    } else if (missing.length > 5) {
      const sites = sitesForPatient(ctx.db, input.patientId);
      const partsBySession = parts.partsForPatient(ctx.db, input.patientId);
      const patterns = charting.patternsForPatient(ctx.db, input.patientId);
      const origins = charting.originsForPatient(ctx.db, input.patientId);
      for (const s of missing) {
        known.set(s.id, {
          patterns: patterns.get(s.id) ?? [], copiedFromSessionId: origins.get(s.id) ?? null, sites: sites.get(s.id) ?? [],
          vials: partsBySession.vials.get(s.id) ?? [], scores: partsBySession.scores.get(s.id) ?? [],
          adverseEvents: partsBySession.adverseEvents.get(s.id) ?? [],
        });
      }
    }
    for (const s of missing) {
      const p = known.get(s.id);
      if (s.status === 'signed' && p) keepSignedParts(ctx.db, s.id, p);
    }
    return sessions.map((s) => {
      const p = known.get(s.id);
      const own = p ? copyParts(p) : { sites: [], vials: [], scores: [], adverseEvents: [] };
      return { ...s, ...repo.siteTotals(own.sites), ...own };
    });
  })();
}

export function listSessionsForPatient(ctx: ServiceContext, input: { patientId: string }): SessionSummary[] {
  found(patients.getPatient(ctx.db, input.patientId), `Patient ${input.patientId}`);
  return repo.listSessionsForPatient(ctx.db, input.patientId);
}

/** Changes are allowed only while a session is a draft; the database refuses them too (triggers). */
export function requireDraft(ctx: ServiceContext, sessionId: string): repo.SessionRecord {
  const session = found(repo.getSessionRecord(ctx.db, sessionId), `Session ${sessionId}`);
  refuseSigned(session);
  return session;
}

/** requireDraft for a change to a session's parts (a site), which needs nothing else of the session: reads one short row. */
export function requireDraftState(ctx: ServiceContext, sessionId: string): void {
  refuseSigned(found(repo.getSessionState(ctx.db, sessionId), `Session ${sessionId}`));
}

function refuseSigned(session: { status: string; date: string }): void {
  if (session.status !== 'draft') {
    throw new AppError('SIGNED', `The session of ${session.date} is signed; changes must be recorded as an amendment`);
  }
}

export function createSession(ctx: ServiceContext, input: SessionCreateInput): SessionDetail {
  const id = ctx.newId();
  const at = ctx.now().toISOString();
  ctx.db.transaction(() => {
    const patient = found(patients.getPatient(ctx.db, input.patientId), `Patient ${input.patientId}`);
    if (input.date < patient.birthDate) {
      throw new AppError('BAD_INPUT', `Session date ${input.date} is before the date of birth ${patient.birthDate}`);
    }
    const { sites: startSites, templateOrigin, earlier } = startingMap(ctx, input);
    const clinician = getCurrentClinician(ctx.db);
    repo.insertSession(ctx.db, {
      id,
      patientId: input.patientId,
      date: input.date,
      startedAt: at,
      indication: input.indication,
      otherIndications: [],
      clinicianId: clinician?.id ?? null,
      clinicianName: currentClinicianName(ctx.db) ?? '',
      // Copied forward: the earlier session's product comes along (its units are not another product's units).
      // The clinic's default (Settings) comes last, after the earlier session's and the clinician's.
      productId: input.productId ?? earlier?.productId ?? clinician?.defaultProductId ?? getSettings(ctx).defaultProductId ?? null,
      guidance: clinician && clinician.defaultGuidance !== 'none' ? [clinician.defaultGuidance] : [],
      notes: '',
      nextDueDate: null,
      status: 'draft',
      signedAt: null,
      signedBy: null,
      amendsSessionId: null,
      amendmentReason: null,
      amendmentAuthor: null,
      amendedAt: null,
      weightKg: null,
      templateOrigin,
      createdAt: at,
      updatedAt: at,
    });
    if (earlier) charting.insertSessionOrigin(ctx.db, id, earlier.id, at);
    // Sites keep the diagram version they were charted on, so they land exactly where they were; a site carried
    // forward names the site it came from, so the chart can show what changed since.
    startSites.forEach((s, i) =>
      insertSite(ctx.db, {
        id: ctx.newId(), sessionId: id, seq: i + 1, viewId: s.viewId, viewVersion: s.viewVersion, x: s.x, y: s.y,
        muscleId: s.muscleId, side: s.side, units: s.units, guidance: earlier ? (s as Site).guidance : 'none', note: s.note,
        location: locationOf(s), copiedFrom: earlier ? (s as Site).id : null, createdAt: at, updatedAt: at,
      }),
    );
  })();
  return getSession(ctx, { id });
}

/** The sites a new session starts with: a template's (with a snapshot of it), an earlier session's, or none. */
function startingMap(
  ctx: ServiceContext,
  input: SessionCreateInput,
): { sites: Array<Omit<Site, 'sessionId' | 'seq' | 'createdAt' | 'updatedAt' | 'guidance'>>; templateOrigin: TemplateOrigin | null; earlier: repo.SessionRecord | null } {
  if (input.templateId) {
    const template = findTemplate(ctx, input.templateId);
    if (template.indication !== input.indication) {
      throw new AppError('BAD_INPUT', `“${template.name}” is a template for another indication`);
    }
    // A snapshot, not a reference: an own template may be deleted later, and a built-in one follows the reference.
    const templateOrigin: TemplateOrigin = {
      id: template.id,
      name: template.name,
      sites: template.sites.map((t) => ({ muscleId: t.muscleId, side: t.side, units: t.units })),
    };
    return { sites: template.sites, templateOrigin, earlier: null };
  }
  if (input.fromSessionId) {
    const earlier = found(repo.getSession(ctx.db, input.fromSessionId), `Session ${input.fromSessionId}`);
    if (earlier.patientId !== input.patientId) throw new AppError('BAD_INPUT', 'That session belongs to another patient');
    return { sites: listSites(ctx.db, earlier.id), templateOrigin: null, earlier };
  }
  return { sites: [], templateOrigin: null, earlier: null };
}

export function updateSession(ctx: ServiceContext, input: SessionUpdateInput): SessionDetail {
  ctx.db.transaction(() => {
    const before = requireDraft(ctx, input.id);
    const patient = found(patients.getPatient(ctx.db, before.patientId), `Patient ${before.patientId}`);
    const { id: _id, ...changes } = input;
    const next: repo.SessionRecord = { ...withChanges(before, changes), updatedAt: ctx.now().toISOString() };
    if (next.date < patient.birthDate) throw new AppError('BAD_INPUT', `Session date ${next.date} is before the date of birth`);
    if (next.nextDueDate !== null && next.nextDueDate <= next.date) {
      throw new AppError('BAD_INPUT', 'The next due date must be after the session date');
    }
    repo.updateSession(ctx.db, next);
  })();
  return getSession(ctx, { id: input.id });
}

export function deleteSession(ctx: ServiceContext, input: { id: string }): { id: string } {
  ctx.db.transaction(() => {
    requireDraft(ctx, input.id);
    repo.deleteSession(ctx.db, input.id);
  })();
  return { id: input.id };
}

/**
 * Signing records who and when, stores what the rules derive at this moment (figures, findings and
 * their acknowledgements) with the session, and freezes it all. Missing data (the rules' completeness)
 * refuses signing; warnings never do.
 */
export function signSession(ctx: ServiceContext, input: { id: string; passphrase?: string | undefined }): SessionDetail {
  // Who signs is authenticated before anything is written: the current account, by its passphrase (always
  // required; a check takes about 0.1 s, so it runs outside the transaction, once the session is known to
  // be a draft). The signature keeps the account and its name as it is now.
  requireDraft(ctx, input.id);
  const account = authenticateCurrent(ctx, input.passphrase, { what: 'sign', need: 'required', sessionId: input.id });
  ctx.db.transaction(() => {
    const before = requireDraft(ctx, input.id);
    if (getCurrentClinician(ctx.db)?.id !== account.id) throw new AppError('CONFLICT', 'The current clinician account changed while signing; nothing was signed.');
    const signer = displayName(account);
    if (listSites(ctx.db, input.id).length === 0) throw new AppError('BAD_INPUT', 'There is nothing to sign: the session has no injection sites');
    if (!before.productId) throw new AppError('BAD_INPUT', 'Record the product used before signing');
    const derived = deriveNow(ctx, before);
    if (derived.completeness.length > 0) {
      throw new AppError('BAD_INPUT', `Before signing, record: ${derived.completeness.map((c) => c.message).join('; ')}`);
    }
    const at = ctx.now().toISOString();
    // Stored while still a draft: the database refuses anything under a signed session.
    storeDerived(ctx.db, input.id, { derived: JSON.stringify(derived), derivedAt: at });
    // Status, signer, time and the seal over everything now frozen, in one statement (electron/trust/seal.ts).
    signAndSeal(ctx.db, input.id, { signedAt: at, signedBy: signer, signerId: account.id });
  })();
  return getSession(ctx, { id: input.id });
}

/**
 * An amendment is a new draft linked to the signed original, carrying a copy of everything in it
 * (the template origin and acknowledgements included, not the stored figures: it is derived anew when
 * signed); the original stays exactly as signed. Only the latest signed version may be amended.
 */
export function amendSession(ctx: ServiceContext, input: { id: string; reason: string; passphrase?: string | undefined }): SessionDetail {
  const toAmend = found(repo.getSessionRecord(ctx.db, input.id), `Session ${input.id}`);
  const account = toAmend.status === 'signed'
    ? authenticateCurrent(ctx, input.passphrase, { what: 'amend a signed session', need: 'required', sessionId: input.id })
    : null;
  const id = ctx.newId();
  ctx.db.transaction(() => {
    const original = found(repo.getSession(ctx.db, input.id), `Session ${input.id}`);
    if (original.status !== 'signed') throw new AppError('BAD_INPUT', 'Only a signed session is amended; a draft can be edited directly');
    const newer = original.amendedBy.map((a) => repo.getSession(ctx.db, a)).find((a) => a !== undefined);
    if (newer) {
      throw new AppError(
        'CONFLICT',
        newer.status === 'draft' ? 'An amendment of this session is already open as a draft' : 'This session was already amended; amend the latest version',
      );
    }
    if (!account || getCurrentClinician(ctx.db)?.id !== account.id) throw new AppError('CONFLICT', 'The current clinician account changed while amending; nothing was changed.');
    const author = displayName(account);
    const at = ctx.now().toISOString();
    repo.insertSession(ctx.db, {
      ...original, id, status: 'draft', signedAt: null, signedBy: null, amendsSessionId: original.id,
      amendmentReason: input.reason, amendmentAuthor: author, amendedAt: at, createdAt: at, updatedAt: at,
    });
    const copy = <T extends { id: string; sessionId: string }>(row: T): T => ({ ...row, id: ctx.newId(), sessionId: id });
    listSites(ctx.db, original.id).forEach((s: Site) => insertSite(ctx.db, copy(s)));
    parts.listVials(ctx.db, original.id).forEach((v) => parts.insertVial(ctx.db, copy(v)));
    parts.listScores(ctx.db, original.id).forEach((s) => parts.insertScore(ctx.db, copy(s)));
    parts.listAdverseEvents(ctx.db, original.id).forEach((a) => parts.insertAdverseEvent(ctx.db, copy(a)));
    // Decisions about warnings travel with the record, still naming who made them and when.
    listAcknowledgements(ctx.db, original.id).forEach((a) => insertAcknowledgement(ctx.db, copy(a)));
    charting.listSessionPatterns(ctx.db, original.id).forEach((p) => charting.insertSessionPattern(ctx.db, copy(p)));
    const origin = charting.getSessionOrigin(ctx.db, original.id);
    if (origin) charting.insertSessionOrigin(ctx.db, id, origin, at);
  })();
  return getSession(ctx, { id });
}
