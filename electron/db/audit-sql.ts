// The audit triggers of a table, generated from its columns (never written by hand): one AFTER trigger
// per action writing the row before and after as JSON. tools/audit-triggers.ts writes them into a
// migration; tests/db/audit-coverage.test.ts checks every audited table's live triggers are exactly what
// this generates from the table as it stands (so a hand edit, or a new column without regeneration, fails).
import type Database from 'better-sqlite3-multiple-ciphers';

/** The session of a row found through its parent: the parent table's session_id where its id is the row's `by`. */
export interface SessionThrough {
  through: string;
  by: string;
  /** The row's own session_id first when it has one (a grade owned by a session or by a follow-up visit). */
  orColumn?: boolean;
}

export interface AuditSpec {
  table: string;
  /** The column the audit row's entity_id names the row by (default 'id'). */
  key?: string;
  /**
   * How the audit row names its session: 'self' for the sessions table (its id), 'column' for a table
   * with a session_id column, through a parent row (a follow-up visit's score), absent for tables
   * outside sessions.
   */
  session?: 'self' | 'column' | SessionThrough;
  /** Columns left out of the row images (secrets such as a passphrase hash). */
  exclude?: readonly string[];
  /** Columns holding JSON text, written into the row images as JSON rather than as a string. */
  json?: readonly string[];
}

/** Every audited table and how. A table that is neither here nor in NOT_AUDITED fails the coverage test. */
export const AUDITED: readonly AuditSpec[] = [
  { table: 'patients', exclude: ['search_family', 'search_given', 'search_mrn'] },
  { table: 'patient_conditions' },
  { table: 'clinicians', exclude: ['passphrase_hash'] },
  { table: 'sessions', session: 'self' },
  { table: 'sites', session: 'column' },
  { table: 'session_vials', session: 'column' },
  { table: 'outcome_scores', session: 'column' },
  { table: 'adverse_events', session: 'column' },
  { table: 'finding_acknowledgements', session: 'column' },
  { table: 'templates' },
  { table: 'template_sites' },
  { table: 'prior_authorizations' },
  { table: 'external_doses' },
  { table: 'follow_up_visits', session: 'column' },
  { table: 'follow_up_scores', session: { through: 'follow_up_visits', by: 'follow_up_id' } },
  { table: 'follow_up_adverse_events', session: { through: 'follow_up_visits', by: 'follow_up_id' } },
  { table: 'muscle_scores', session: { through: 'follow_up_visits', by: 'follow_up_id', orColumn: true } },
  { table: 'settings', key: 'key', json: ['value'] },
  { table: 'session_patterns', session: 'column' },
  { table: 'session_origins', key: 'session_id', session: 'column' },
];

/** Tables deliberately not audited, each with the reason. */
export const NOT_AUDITED: Readonly<Record<string, string>> = {
  audit_log: 'the log itself (append-only, hash-chained)',
  session_derived: 'derived figures written once at signing, covered by the seal',
};

function image(prefix: 'NEW' | 'OLD', columns: readonly string[], json: readonly string[]): string {
  return `json_object(${columns.map((c) => `'${c}', ${json.includes(c) ? `json(${prefix}.${c})` : `${prefix}.${c}`}`).join(', ')})`;
}

function sessionOf(spec: AuditSpec, row: 'NEW' | 'OLD'): string | null {
  const link = spec.session;
  if (link === undefined) return null;
  if (link === 'self') return `${row}.${spec.key ?? 'id'}`;
  if (link === 'column') return `${row}.session_id`;
  const parent = `(SELECT session_id FROM ${link.through} WHERE id = ${row}.${link.by})`;
  return link.orColumn ? `coalesce(${row}.session_id, ${parent})` : parent;
}

/** DROP and CREATE statements for the three audit triggers of a table with these columns. */
export function auditTriggerSql(spec: AuditSpec, allColumns: readonly string[], options: { drop: boolean }): string {
  const columns = allColumns.filter((c) => !(spec.exclude ?? []).includes(c));
  const t = spec.table;
  const key = spec.key ?? 'id';
  const json = spec.json ?? [];
  const actions: { action: 'insert' | 'update' | 'delete'; event: string; row: 'NEW' | 'OLD'; before: string; after: string }[] = [
    { action: 'insert', event: 'INSERT', row: 'NEW', before: 'NULL', after: image('NEW', columns, json) },
    { action: 'update', event: 'UPDATE', row: 'NEW', before: image('OLD', columns, json), after: image('NEW', columns, json) },
    { action: 'delete', event: 'DELETE', row: 'OLD', before: image('OLD', columns, json), after: 'NULL' },
  ];
  return actions
    .map(({ action, event, row, before, after }) => {
      const name = `${t}_audit_${action}`;
      const session = sessionOf(spec, row);
      const cols = `at, author, action, entity, entity_id, before, after${session ? ', session_id' : ''}`;
      return [
        options.drop ? `DROP TRIGGER IF EXISTS ${name};\n` : '',
        `CREATE TRIGGER ${name} AFTER ${event} ON ${t} WHEN audit_enabled() BEGIN\n`,
        `  INSERT INTO audit_log (${cols})\n`,
        `  VALUES (audit_now(), audit_author(), '${action}', '${t}', ${row}.${key},\n`,
        `    ${before},\n`,
        `    ${after}${session ? `,\n    ${session}` : ''});\n`,
        'END;\n',
      ].join('');
    })
    .join('\n');
}

/** The CREATE TRIGGER text of each of a table's three audit triggers, as SQLite keeps it in sqlite_master. */
export function expectedAuditTriggers(spec: AuditSpec, allColumns: readonly string[]): Record<'insert' | 'update' | 'delete', string> {
  const [insert, update, del] = auditTriggerSql(spec, allColumns, { drop: false })
    .split('\n\n')
    .map((s) => s.trim().replace(/;$/, ''));
  return { insert: insert ?? '', update: update ?? '', delete: del ?? '' };
}

export function tableColumns(db: Database.Database, table: string): string[] {
  return (db.pragma(`table_info("${table.replace(/"/g, '""')}")`) as { name: string }[]).map((c) => c.name);
}
