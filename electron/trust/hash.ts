// SHA-256 over canonical JSON: the one hashing of the seal and of the audit chain (node:crypto).
import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3-multiple-ciphers';

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** The audit row fields the chain covers, in this order. */
export const CHAINED_AUDIT_COLUMNS = ['id', 'at', 'author', 'action', 'entity', 'entity_id', 'before', 'after', 'session_id'] as const;

export type ChainedAuditRow = { [K in (typeof CHAINED_AUDIT_COLUMNS)[number]]: string | number | null };

/**
 * The hash of one audit row: SHA-256 of the JSON array [previous row's hash, id, at, author, action,
 * entity, entity_id, before, after, session_id]. The first row's previous hash is null. Changing,
 * removing or inserting any row changes every hash after it.
 */
export function auditRowHash(prevHash: string | null, row: ChainedAuditRow): string {
  return sha256Hex(JSON.stringify([prevHash, ...CHAINED_AUDIT_COLUMNS.map((c) => row[c] ?? null)]));
}

/**
 * Registers audit_chain_hash(), the SQL function the audit chain trigger (migration 0060) calls. Pure and
 * stateless, so migrate() registers it on every connection it migrates, and open.ts on every app connection.
 */
export function registerChainFunction(db: Database.Database): void {
  db.function('audit_chain_hash', { deterministic: true }, (prev: unknown, id: unknown, at: unknown, author: unknown, action: unknown, entity: unknown, entityId: unknown, before: unknown, after: unknown, sessionId: unknown) =>
    auditRowHash(prev as string | null, { id, at, author, action, entity, entity_id: entityId, before, after, session_id: sessionId } as ChainedAuditRow),
  );
}
