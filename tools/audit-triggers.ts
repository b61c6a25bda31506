// Writes the audit triggers of the named tables into a migration, generated from the tables' columns as
// they stand after that migration (electron/db/audit-sql.ts). Run after adding or changing columns of
// an audited table in a new migration:
//   npm run db:audit-triggers -- electron/db/migrations/0060-sealed-record.sql sessions
// The triggers go between the migration's "generated audit triggers" markers (added at the end if absent).
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { AUDITED, auditTriggerSql, tableColumns } from '../electron/db/audit-sql.ts';
import { loadMigrations, migrate } from '../electron/db/migrate.ts';
import { registerAuditFunctions } from '../electron/db/open.ts';

const BEGIN = '-- generated audit triggers: begin (npm run db:audit-triggers; do not edit by hand)';
const END = '-- generated audit triggers: end';

const [file, ...tables] = process.argv.slice(2);
if (!file || tables.length === 0) {
  console.error('usage: npm run db:audit-triggers -- <migration file> <table> [table...]');
  process.exit(2);
}
const version = Number(/^(\d{4})-/.exec(path.basename(file))?.[1]);
const text = fs.readFileSync(file, 'utf8');
const start = text.indexOf(BEGIN);
const end = text.indexOf(END);
const handWritten = start >= 0 && end > start ? text.slice(0, start) + text.slice(end + END.length) : text;

const db = new Database(':memory:');
registerAuditFunctions(db, () => new Date(0), () => 'tool');
const earlier = loadMigrations(path.dirname(file)).filter((m) => m.version < version);
migrate(db, earlier);
db.exec(handWritten);
const block = tables
  .map((table) => {
    const spec = AUDITED.find((s) => s.table === table);
    if (!spec) throw new Error(`${table} is not in AUDITED (electron/db/audit-sql.ts)`);
    return auditTriggerSql(spec, tableColumns(db, table), { drop: true });
  })
  .join('\n');
db.close();
const generated = `${BEGIN}\n${block}${END}`;
const next = start >= 0 && end > start ? text.slice(0, start) + generated + text.slice(end + END.length) : `${text.trimEnd()}\n\n${generated}\n`;
fs.writeFileSync(file, next);
console.log(`${file}: audit triggers of ${tables.join(', ')} written`);
