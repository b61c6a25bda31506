// Writes tests/db/schema-snapshot.sql: every object the migrations create, in a stable order, so that
// any change to the schema shows in review as a diff of this file. Run after adding a migration:
//   npm run schema:snapshot
import fs from 'node:fs';
import path from 'node:path';
import { schemaSnapshotText } from '../tests/helpers/schema-snapshot.ts';

const root = path.resolve(import.meta.dirname, '..');
const file = path.join(root, 'tests/db/schema-snapshot.sql');
fs.writeFileSync(file, schemaSnapshotText(path.join(root, 'electron/db/migrations')));
console.log(`${path.relative(root, file)} written`);
