// The seal of a signed session: SHA-256 over its canonical content, computed in the signing transaction
// and stored with the signature (sessions.seal). The content is the session row (signer, time and
// signer account included; the seal itself excluded) and every row frozen under it: each table with a
// session_id column that the database guards with a <table>_signed_no_insert trigger (sites, vials,
// scores, adverse events, acknowledgements, the figures stored at signing, and any such table a later
// migration adds). So "what is sealed" is exactly "what the database freezes".
//
// Canonical form: each row as an object of its non-NULL columns whose value differs from the column's
// declared default, keys sorted; rows of a table sorted by their JSON text; tables by name, empty ones
// left out. A later migration that adds a nullable or defaulted column, or a new frozen table, therefore
// leaves every existing seal valid.
import type Database from 'better-sqlite3-multiple-ciphers';
import { statement } from '../db/statements.ts';
import { sha256Hex } from './hash.ts';

export const SEAL_VERSION = 'v1';

type Value = string | number | null | bigint | Buffer;
type Row = Record<string, Value>;

interface Column {
  name: string;
  /** The declared default, parsed; undefined when it is an expression the canonical form does not fold. */
  dflt: Value | undefined;
}

interface Layout {
  version: number;
  session: Column[];
  tables: { name: string; columns: Column[] }[];
}

const layouts = new WeakMap<Database.Database, Layout>();

function parseDefault(text: string | null): Value | undefined {
  if (text === null || /^null$/i.test(text)) return null;
  if (/^'.*'$/s.test(text)) return text.slice(1, -1).replace(/''/g, "'");
  if (/^[-+]?\d+(\.\d+)?$/.test(text)) return Number(text);
  return undefined;
}

function columns(db: Database.Database, table: string): Column[] {
  return (db.pragma(`table_info("${table.replace(/"/g, '""')}")`) as { name: string; dflt_value: string | null }[]).map((c) => ({
    name: c.name,
    dflt: parseDefault(c.dflt_value),
  }));
}

/** Which tables are frozen under a signed session (and so sealed), read from the schema and cached per schema version. */
export function sealLayout(db: Database.Database): Layout {
  const version = db.pragma('schema_version', { simple: true }) as number;
  const cached = layouts.get(db);
  if (cached?.version === version) return cached;
  const frozen = db
    .prepare<[], { tbl_name: string }>(
      "SELECT DISTINCT tbl_name FROM sqlite_master WHERE type = 'trigger' AND name = tbl_name || '_signed_no_insert' ORDER BY tbl_name",
    )
    .all()
    .map((r) => r.tbl_name)
    .filter((t) => columns(db, t).some((c) => c.name === 'session_id'));
  const layout: Layout = { version, session: columns(db, 'sessions'), tables: frozen.map((name) => ({ name, columns: columns(db, name) })) };
  layouts.set(db, layout);
  return layout;
}

function canonicalValue(v: Value): string | number {
  if (typeof v === 'bigint') return v.toString();
  if (Buffer.isBuffer(v)) return `base64:${v.toString('base64')}`;
  return v as string | number;
}

function canonicalRow(row: Row, cols: readonly Column[], skip: ReadonlySet<string> = new Set()): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  for (const c of [...cols].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    if (skip.has(c.name)) continue;
    const v = row[c.name];
    if (v === null || v === undefined) continue;
    if (c.dflt !== undefined && c.dflt === v) continue;
    out[c.name] = canonicalValue(v);
  }
  return out;
}

const NOT_SEALED = new Set(['seal']);

export interface SessionContent {
  session: Record<string, string | number>;
  parts: Record<string, Record<string, string | number>[]>;
}

/**
 * The canonical content of a session as stored, or with `overrides` applied to its row (signing computes
 * the seal over the row as it is about to be written). Undefined when the session does not exist.
 */
export function sessionContent(db: Database.Database, sessionId: string, overrides: Row = {}): SessionContent | undefined {
  const layout = sealLayout(db);
  const row = statement<[string], Row>(db, 'SELECT * FROM sessions WHERE id = ?').get(sessionId);
  if (!row) return undefined;
  const parts: SessionContent['parts'] = {};
  for (const t of layout.tables) {
    const rows = statement<[string], Row>(db, `SELECT * FROM "${t.name}" WHERE session_id = ?`)
      .all(sessionId)
      .map((r) => canonicalRow(r, t.columns))
      .map((r) => ({ r, text: JSON.stringify(r) }))
      .sort((a, b) => (a.text < b.text ? -1 : a.text > b.text ? 1 : 0))
      .map((x) => x.r);
    if (rows.length > 0) parts[t.name] = rows;
  }
  return { session: canonicalRow({ ...row, ...overrides }, layout.session, NOT_SEALED), parts };
}

export function sealOf(content: SessionContent): string {
  return `${SEAL_VERSION}:${sha256Hex(JSON.stringify(content))}`;
}

export interface Signature {
  signedAt: string;
  signedBy: string;
  signerId: string | null;
}

/**
 * Signs a draft session and seals it in one statement: status, signer, time, signer account and the
 * seal over the content as it now stands. Run inside the signing transaction, after everything under
 * the session (the stored figures included) is written: the database freezes it all from here on.
 */
export function signAndSeal(db: Database.Database, sessionId: string, sig: Signature): string {
  const overrides: Row = { status: 'signed', signed_at: sig.signedAt, signed_by: sig.signedBy, signer_id: sig.signerId, updated_at: sig.signedAt };
  const content = sessionContent(db, sessionId, overrides);
  if (!content) throw new Error(`signAndSeal: session ${sessionId} does not exist`);
  const seal = sealOf(content);
  db.prepare(
    "UPDATE sessions SET status = 'signed', signed_at = ?, signed_by = ?, signer_id = ?, updated_at = ?, seal = ? WHERE id = ? AND status = 'draft'",
  ).run(sig.signedAt, sig.signedBy, sig.signerId, sig.signedAt, seal, sessionId);
  return seal;
}

/** The seal a signed session should carry, computed from what is stored now. */
export function currentSeal(db: Database.Database, sessionId: string): string | undefined {
  const content = sessionContent(db, sessionId);
  return content && sealOf(content);
}
