// Verifies the audit chain and the seals of signed sessions, and says plainly what changed and where.
// Used at start (since the last verified point, see anchor.ts), in the background over everything, in
// the health check, on export and on import.
import type Database from 'better-sqlite3-multiple-ciphers';
import type { TrustProblem } from '../../shared/domain/types.ts';
import { auditRowHash, type ChainedAuditRow } from './hash.ts';
import { currentSeal, sealLayout } from './seal.ts';

export interface ChainPoint {
  id: number;
  hash: string;
}

interface AuditRow extends ChainedAuditRow {
  id: number;
  prev_hash: string | null;
  hash: string | null;
}

const CHAIN_BATCH = 5000;

function describeEntry(r: AuditRow): string {
  return `audit entry #${r.id} (${String(r.at)}, ${String(r.action)} of ${String(r.entity)} by ${String(r.author)})`;
}

/**
 * Checks the chain from `from` (exclusive; null: from the first row) to the end, `limit` rows at most.
 * Returns the last row checked, so a caller can go on from there.
 */
export function verifyChain(
  db: Database.Database,
  from: ChainPoint | null,
  limit = Number.POSITIVE_INFINITY,
): { rows: number; problems: TrustProblem[]; last: ChainPoint | null; done: boolean } {
  const problems: TrustProblem[] = [];
  const batch = db.prepare<[number], AuditRow>(
    `SELECT id, at, author, action, entity, entity_id, before, after, session_id, prev_hash, hash FROM audit_log WHERE id > ? ORDER BY id LIMIT ${CHAIN_BATCH}`,
  );
  let prev = from;
  let rows = 0;
  for (let list = batch.all(from?.id ?? -1); list.length > 0 && rows < limit; list = batch.all(prev?.id ?? -1)) {
    for (const r of list) {
      const expectedPrev = prev?.hash ?? null;
      if (r.prev_hash !== expectedPrev && problems.length < 20) {
        problems.push({
          kind: 'chain',
          where: describeEntry(r),
          detail: 'does not follow the entry before it: an entry was removed or slipped in before it',
          auditId: r.id,
        });
      }
      const hash = auditRowHash(r.prev_hash, r);
      if (r.hash !== hash && problems.length < 20) {
        problems.push({ kind: 'chain', where: describeEntry(r), detail: 'was changed after it was written (its content no longer matches its hash)', auditId: r.id });
      }
      prev = { id: r.id, hash: r.hash ?? hash };
      rows++;
    }
    if (list.length < CHAIN_BATCH) return { rows, problems, last: prev, done: true };
  }
  const more = db.prepare('SELECT 1 FROM audit_log WHERE id > ? LIMIT 1').get(prev?.id ?? -1) !== undefined;
  return { rows, problems, last: prev, done: !more };
}

type Row = Record<string, unknown>;

const SINGULAR: Readonly<Record<string, string>> = {
  sites: 'site',
  session_vials: 'vial',
  outcome_scores: 'score',
  adverse_events: 'adverse event',
  finding_acknowledgements: 'acknowledgement',
  session_derived: 'stored figures',
  muscle_scores: 'muscle score',
};

function label(entity: string, row: Row): string {
  if (entity === 'sessions') return 'the session';
  const bits = [row.seq !== undefined && row.seq !== null ? `#${String(row.seq)}` : null, row.muscle_id, row.side, row.scale_id, row.lot]
    .filter((b) => b !== undefined && b !== null && b !== '')
    .map(String);
  const name = SINGULAR[entity] ?? entity.replace(/_/g, ' ');
  return `${name} ${bits.length > 0 ? bits.join(' ') : String(row.id ?? row.session_id)}`;
}

function show(v: unknown): string {
  return v === null || v === undefined ? 'empty' : typeof v === 'string' ? `"${v.length > 40 ? `${v.slice(0, 40)}…` : v}"` : String(v);
}

/**
 * What differs between a signed session as stored and as its (chained) audit log last recorded it:
 * field by field, rows added or removed outside the app. Tables without an audit trail (the figures
 * stored at signing) can only be named as a possible cause.
 */
export function explainSeal(db: Database.Database, sessionId: string): string[] {
  const latest = new Map<string, { action: string; image: Row | null }>();
  const log = db
    .prepare<[string], { entity: string; entity_id: string; action: string; after: string | null; before: string | null }>(
      'SELECT entity, entity_id, action, before, after FROM audit_log WHERE session_id = ? ORDER BY id',
    )
    .all(sessionId);
  for (const e of log) latest.set(`${e.entity}\u0000${e.entity_id}`, { action: e.action, image: e.after ? (JSON.parse(e.after) as Row) : e.before ? (JSON.parse(e.before) as Row) : null });
  const changes: string[] = [];
  const seen = new Set<string>();
  const tables = ['sessions', ...sealLayout(db).tables.map((t) => t.name)];
  for (const table of tables) {
    const rows = db.prepare<[string], Row>(table === 'sessions' ? 'SELECT * FROM sessions WHERE id = ?' : `SELECT * FROM "${table}" WHERE session_id = ?`).all(sessionId);
    for (const row of rows) {
      const key = `${table}\u0000${String(row.id ?? row.session_id)}`;
      seen.add(key);
      const entry = latest.get(key);
      if (!entry) {
        if (table !== 'session_derived') changes.push(`${label(table, row)} is there without any audit entry (added outside the app)`);
        continue;
      }
      if (entry.action === 'delete') {
        changes.push(`${label(table, row)} is there although the audit log records its deletion`);
        continue;
      }
      const fields = Object.entries(entry.image ?? {})
        .filter(([k, v]) => k in row && row[k] !== v && !(row[k] === null && v === undefined))
        .map(([k, v]) => `${k} ${show(v)} → ${show(row[k])}`);
      if (fields.length > 0) changes.push(`${label(table, row)}: ${fields.join(', ')}`);
    }
  }
  for (const [key, entry] of latest) {
    if (seen.has(key) || entry.action === 'delete') continue;
    const [table = ''] = key.split('\u0000');
    // Only what the seal covers: rows of the sealed tables that belonged to this very session.
    const image = entry.image ?? {};
    if (!tables.includes(table) || (table !== 'sessions' && image.session_id !== sessionId)) continue;
    changes.push(`${label(table, image)} was removed outside the app`);
  }
  if (changes.length === 0) {
    changes.push('no field differs from the audit log: the figures stored at signing were changed, or the record and its audit entries were changed together');
  }
  return changes;
}

/** Checks one signed session's seal; a problem naming what changed, or null when it holds. */
export function verifySeal(db: Database.Database, session: { id: string; date: string; seal: string | null; mrn: string | null }): TrustProblem | null {
  const where = `the signed session of ${session.date}${session.mrn ? ` (patient ${session.mrn})` : ''}`;
  if (session.seal === null) {
    return { kind: 'seal', where, detail: 'is signed but carries no seal: it was signed outside the app or its seal was removed', sessionId: session.id };
  }
  if (currentSeal(db, session.id) === session.seal) return null;
  return { kind: 'seal', where, detail: `no longer matches its seal: ${explainSeal(db, session.id).join('; ')}`, sessionId: session.id };
}

const SIGNED_SQL = `SELECT s.id, s.date, s.seal, p.mrn FROM sessions s LEFT JOIN patients p ON p.id = s.patient_id WHERE s.status = 'signed'`;

/** The seals of the signed sessions with rowid after `afterRowid`, `limit` at most; returns where it stopped. */
export function verifySeals(
  db: Database.Database,
  afterRowid: number,
  limit: number,
): { checked: number; problems: TrustProblem[]; lastRowid: number; done: boolean } {
  const rows = db
    .prepare<[number, number], { rid: number; id: string; date: string; seal: string | null; mrn: string | null }>(
      `${SIGNED_SQL.replace('SELECT s.id', 'SELECT s.rowid AS rid, s.id')} AND s.rowid > ? ORDER BY s.rowid LIMIT ?`,
    )
    .all(afterRowid, limit);
  const problems = rows.map((r) => verifySeal(db, r)).filter((p): p is TrustProblem => p !== null);
  return { checked: rows.length, problems, lastRowid: rows.at(-1)?.rid ?? afterRowid, done: rows.length < limit };
}

/** The seals of the given sessions that are signed (those touched since the last verified point). */
export function verifySealsOf(db: Database.Database, ids: readonly string[]): { checked: number; problems: TrustProblem[] } {
  const stmt = db.prepare<[string], { id: string; date: string; seal: string | null; mrn: string | null }>(`${SIGNED_SQL} AND s.id = ?`);
  let checked = 0;
  const problems: TrustProblem[] = [];
  for (const id of ids) {
    const s = stmt.get(id);
    if (!s) continue;
    checked++;
    const p = verifySeal(db, s);
    if (p) problems.push(p);
  }
  return { checked, problems };
}

export interface TrustResult {
  problems: TrustProblem[];
  sessionsChecked: number;
  auditRowsChecked: number;
  last: ChainPoint | null;
}

/** Everything at once: the whole chain and every seal (tests, import, export, small databases). */
export function verifyEverything(db: Database.Database): TrustResult {
  const chain = verifyChain(db, null);
  const seals = verifySeals(db, -1, Number.MAX_SAFE_INTEGER);
  return { problems: [...chain.problems, ...seals.problems], sessionsChecked: seals.checked, auditRowsChecked: chain.rows, last: chain.last };
}
