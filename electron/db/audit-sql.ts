// The audit triggers of a table, generated from its columns (never written by hand): one AFTER trigger
// per action writing the row before and after as JSON. tools/audit-triggers.ts writes them into a
// migration; tests/db/audit-coverage.test.ts checks every audited table's triggers name every column.
import type Database from 'better-sqlite3-multiple-ciphers';

export interface AuditSpec {
  table: string;
  /**
   * How the audit row names its session: 'self' for the sessions table (its id), 'column' for a table
   * with a session_id column, absent for tables outside sessions.
   */
  session?: 'self' | 'column';
  /** Columns left out of the row images (secrets such as a passphrase hash). */
  exclude?: readonly string[];
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
  // Audited by triggers written in their own migrations (0070-0090); covered by the same test.
  { table: 'follow_up_visits' },
  { table: 'follow_up_scores' },
  { table: 'follow_up_adverse_events' },
  { table: 'muscle_scores' },
  { table: 'settings' },
  { table: 'session_patterns', session: 'column' },
  { table: 'session_origins', session: 'column' },
];

/** Tables deliberately not audited, each with the reason. */
export const NOT_AUDITED: Readonly<Record<string, string>> = {
  audit_log: 'the log itself (append-only, hash-chained)',
  session_derived: 'derived figures written once at signing, covered by the seal',
};

function image(prefix: 'NEW' | 'OLD', columns: readonly string[]): string {
  return `json_object(${columns.map((c) => `'${c}', ${prefix}.${c}`).join(', ')})`;
}

/** DROP and CREATE statements for the three audit triggers of a table with these columns. */
export function auditTriggerSql(spec: AuditSpec, allColumns: readonly string[], options: { drop: boolean }): string {
  const columns = allColumns.filter((c) => !(spec.exclude ?? []).includes(c));
  const t = spec.table;
  const sessionOf = (row: 'NEW' | 'OLD') => (spec.session === 'self' ? `${row}.id` : spec.session === 'column' ? `${row}.session_id` : null);
  const actions: { action: 'insert' | 'update' | 'delete'; event: string; row: 'NEW' | 'OLD'; before: string; after: string }[] = [
    { action: 'insert', event: 'INSERT', row: 'NEW', before: 'NULL', after: image('NEW', columns) },
    { action: 'update', event: 'UPDATE', row: 'NEW', before: image('OLD', columns), after: image('NEW', columns) },
    { action: 'delete', event: 'DELETE', row: 'OLD', before: image('OLD', columns), after: 'NULL' },
  ];
  return actions
    .map(({ action, event, row, before, after }) => {
      const name = `${t}_audit_${action}`;
      const session = sessionOf(row);
      const cols = `at, author, action, entity, entity_id, before, after${session ? ', session_id' : ''}`;
      return [
        options.drop ? `DROP TRIGGER IF EXISTS ${name};\n` : '',
        `CREATE TRIGGER ${name} AFTER ${event} ON ${t} WHEN audit_enabled() BEGIN\n`,
        `  INSERT INTO audit_log (${cols})\n`,
        `  VALUES (audit_now(), audit_author(), '${action}', '${t}', ${row}.id,\n`,
        `    ${before},\n`,
        `    ${after}${session ? `,\n    ${session}` : ''});\n`,
        'END;\n',
      ].join('');
    })
    .join('\n');
}

export function tableColumns(db: Database.Database, table: string): string[] {
  return (db.pragma(`table_info("${table.replace(/"/g, '""')}")`) as { name: string }[]).map((c) => c.name);
}
