// The schema is what the migrations make, and nothing else: (1) the migrations' result equals the
// reviewed snapshot in tests/db/schema-snapshot.sql; (2) a database the app has worked with (records,
// signing, an amendment, a backup) still has exactly that schema: no code creates or drops objects outside
// a migration.
import fs from 'node:fs';
import path from 'node:path';
import { testBackend } from '../helpers/backend.ts';
import { schemaSnapshotText, schemaText } from '../helpers/schema-snapshot.ts';
import { MIGRATIONS_DIR } from '../helpers/temp.ts';

const SNAPSHOT = path.resolve(import.meta.dirname, 'schema-snapshot.sql');
const HOW = 'The schema changed. If a migration made the change on purpose, run `npm run schema:snapshot` and commit tests/db/schema-snapshot.sql with it.';

it('the migrations make exactly the reviewed schema', () => {
  expect(fs.existsSync(SNAPSHOT), HOW).toBe(true);
  expect(schemaSnapshotText(MIGRATIONS_DIR), HOW).toBe(fs.readFileSync(SNAPSHOT, 'utf8'));
});

it('working with the app changes no schema object (no DDL outside migrations)', async () => {
  const b = await testBackend();
  try {
    const patient = await b.call<{ id: string }>('patient:create', { mrn: 'S-1', familyName: 'Schema', givenName: 'Test', birthDate: '1970-01-01' });
    await b.call('clinician:save', { name: 'Dr. Snapshot', credentials: 'MD' });
    await b.call('session:create', { patientId: patient.id, date: '2025-01-01', indication: 'chronic_migraine' });
    await b.call('backup:now', {});
    await b.trust.runFull();
    expect(schemaText(b.db)).toBe(schemaSnapshotText(MIGRATIONS_DIR));
  } finally {
    b.dispose();
  }
});
