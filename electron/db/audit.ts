import type Database from 'better-sqlite3-multiple-ciphers';
import { statement } from './statements.ts';
import type { AuditEntry } from '../../shared/domain/types.ts';

interface AuditRow {
  id: number;
  at: string;
  author: string;
  action: string;
  entity: string;
  entity_id: string;
  before: string | null;
  after: string | null;
}

export function listAudit(db: Database.Database, filter: { entity?: string; entityId?: string; sessionId?: string; limit: number }): AuditEntry[] {
  const where: string[] = [];
  const params: Record<string, unknown> = { limit: filter.limit };
  if (filter.entity) {
    where.push('entity = @entity');
    params.entity = filter.entity;
  }
  if (filter.sessionId) {
    where.push('session_id = @sessionId');
    params.sessionId = filter.sessionId;
  }
  if (filter.entityId) {
    where.push('entity_id = @entityId');
    params.entityId = filter.entityId;
  }
  const sql = `SELECT * FROM audit_log ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY id DESC LIMIT @limit`;
  return statement<[Record<string, unknown>], AuditRow>(db, sql)
    .all(params)
    .map((r) => ({
      id: r.id,
      at: r.at,
      author: r.author,
      action: r.action as AuditEntry['action'],
      entity: r.entity,
      entityId: r.entity_id,
      before: r.before ? (JSON.parse(r.before) as Record<string, unknown>) : null,
      after: r.after ? (JSON.parse(r.after) as Record<string, unknown>) : null,
    }));
}
