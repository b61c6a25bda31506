// Authenticated signing with several clinician accounts: signing and amending always ask for the current
// account's passphrase (an account without one cannot sign); a wrong one changes nothing, is audited
// without the secret and, repeated, makes the account wait longer and longer; each signature keeps its
// account and the name as it was, whatever happens to the account afterwards.
import type { AuditEntry, Clinician, ClinicianAccount, Patient, SessionDetail } from '../../shared/domain/types.ts';
import { exportDatabase } from '../../electron/export/archive.ts';
import { verifyEverything } from '../../electron/trust/verify.ts';
import { testBackend, type TestBackend } from '../helpers/backend.ts';

let b: TestBackend;
let patient: Patient;
let clock: number;
const PASS = 'correct horse battery staple';
const OTHER = 'a different long passphrase';
const face = { viewId: 'face_front', viewVersion: 1, x: 300, y: 200, muscleId: 'frontalis', side: 'left' };
const vial = { productId: 'onabotulinumtoxinA', sizeUnits: 100, lot: 'C77', expiry: '2028-01-31', diluentMl: 2 };

beforeEach(async () => {
  clock = Date.parse('2025-03-01T09:00:00.000Z');
  b = await testBackend(undefined, { now: () => new Date(clock) });
  await b.call('clinician:save', { name: 'Dana Reyes', credentials: 'MD' });
  patient = await b.call<Patient>('patient:create', { mrn: 'MRN-7', familyName: 'Nguyen', givenName: 'Linh', birthDate: '1975-09-09' });
});
afterEach(() => b.dispose());

async function draft(): Promise<SessionDetail> {
  const s = await b.call<SessionDetail>('session:create', { patientId: patient.id, date: '2025-03-01', indication: 'chronic_migraine', productId: 'onabotulinumtoxinA' });
  await b.call('vial:add', { sessionId: s.id, ...vial });
  await b.call('site:add', { sessionId: s.id, ...face, units: 5 });
  return s;
}

async function code(channel: string, input: unknown): Promise<string> {
  const r = await b.dispatch(channel, input);
  return r.ok ? 'ok' : `${r.error.code}: ${r.error.message}`;
}

const status = (id: string) => b.db.prepare('SELECT status FROM sessions WHERE id = ?').pluck().get(id);

describe('an account without a passphrase', () => {
  it('cannot sign nor amend: the refusal says so and how to go on, and the session stays a draft', async () => {
    const s = await draft();
    expect(await code('session:sign', { id: s.id })).toBe(
      'FORBIDDEN: Dana Reyes, MD has no passphrase yet, and an account without one cannot sign. Set a passphrase first. Nothing was changed.',
    );
    expect(await code('session:sign', { id: s.id, passphrase: PASS })).toMatch(/^FORBIDDEN: Dana Reyes, MD has no passphrase yet/);
    expect(status(s.id)).toBe('draft');
    // Once it has one, it signs, and the signature names the account.
    expect((await b.call<Clinician>('clinician:setPassphrase', { passphrase: PASS })).hasPassphrase).toBe(true);
    const signed = await b.call<SessionDetail>('session:sign', { id: s.id, passphrase: PASS });
    const account = await b.call<Clinician>('clinician:get', {});
    expect(signed).toMatchObject({ status: 'signed', signedBy: 'Dana Reyes, MD' });
    expect(b.db.prepare('SELECT signer_id FROM sessions WHERE id = ?').pluck().get(s.id)).toBe(account.id);
  });
});

describe('a wrong passphrase', () => {
  beforeEach(async () => {
    await b.call('clinician:setPassphrase', { passphrase: PASS });
  });

  it('signs nothing, says so plainly, and is audited without what was typed', async () => {
    const s = await draft();
    expect(await code('session:sign', { id: s.id })).toBe('FORBIDDEN: Enter the passphrase of Dana Reyes, MD to sign.');
    expect(await code('session:sign', { id: s.id, passphrase: 'correct horse battery stapler' })).toBe(
      'FORBIDDEN: The passphrase is not right; nothing was changed. Try again to sign.',
    );
    expect(status(s.id)).toBe('draft');
    const refusals = await b.call<AuditEntry[]>('audit:list', { entity: 'passphrase_refusals' });
    expect(refusals).toHaveLength(1);
    expect(refusals[0]).toMatchObject({ author: 'Dana Reyes, MD', entityId: (await b.call<Clinician>('clinician:get', {})).id });
    expect(b.db.prepare("SELECT session_id FROM audit_log WHERE entity = 'passphrase_refusals'").pluck().get()).toBe(s.id);
    expect(refusals[0]?.after).toMatchObject({ account: 'Dana Reyes, MD', action: 'sign', outcome: 'refused: wrong passphrase', consecutive_failures: 1 });
    const logged = b.db.prepare("SELECT before || ' ' || after FROM audit_log WHERE after IS NOT NULL").pluck().all().join('\n');
    expect(logged).not.toContain('stapler');
    expect(logged).not.toMatch(/scrypt|passphrase_hash/);
    expect(verifyEverything(b.db).problems).toEqual([]);
    // The right one signs, sealed.
    const signed = await b.call<SessionDetail>('session:sign', { id: s.id, passphrase: PASS });
    expect(signed.seal).toMatch(/^v1:[0-9a-f]{64}$/);
  });

  it('makes the account wait after three in a row, longer each time, until the right one is given', async () => {
    const s = await draft();
    for (let i = 0; i < 2; i += 1) expect(await code('session:sign', { id: s.id, passphrase: 'nope nope nope' })).toMatch(/Try again to sign\.$/);
    expect(await code('session:sign', { id: s.id, passphrase: 'nope nope nope' })).toMatch(/3 wrong tries: wait 5 s before the next\.$/);
    // Even the right passphrase waits (it is not checked), and the wait is said.
    clock += 2000;
    expect(await code('session:sign', { id: s.id, passphrase: PASS })).toBe(
      'FORBIDDEN: Too many wrong passphrases for Dana Reyes, MD: wait 3 s before trying again. Nothing was changed.',
    );
    clock += 3000;
    expect(await code('session:sign', { id: s.id, passphrase: 'nope nope nope' })).toMatch(/4 wrong tries: wait 10 s before the next\.$/);
    clock += 10_000;
    expect(await code('session:sign', { id: s.id, passphrase: 'nope nope nope' })).toMatch(/5 wrong tries: wait 20 s/);
    clock += 20_000;
    expect((await b.call<SessionDetail>('session:sign', { id: s.id, passphrase: PASS })).status).toBe('signed');
    // The right one clears the count: a later typo costs no wait.
    expect(await code('session:amend', { id: s.id, reason: 'typo', passphrase: 'nope nope nope' })).toMatch(/Try again to amend a signed session\.$/);
    expect(b.db.prepare("SELECT count(*) FROM audit_log WHERE entity = 'passphrase_refusals'").pluck().get()).toBe(6);
  });

  it('is needed to amend too, and the amendment names its author', async () => {
    const s = await draft();
    await b.call('session:sign', { id: s.id, passphrase: PASS });
    expect(await code('session:amend', { id: s.id, reason: 'wrong side' })).toMatch(/^FORBIDDEN: Enter the passphrase of Dana Reyes, MD to amend a signed session/);
    expect(await code('session:amend', { id: s.id, reason: 'wrong side', passphrase: OTHER })).toMatch(/^FORBIDDEN: The passphrase is not right/);
    expect(b.db.prepare('SELECT count(*) FROM sessions').pluck().get()).toBe(1);
    const amendment = await b.call<SessionDetail>('session:amend', { id: s.id, reason: 'wrong side', passphrase: PASS });
    expect(amendment).toMatchObject({ amendsSessionId: s.id, amendmentAuthor: 'Dana Reyes, MD' });
  });
});

describe('several accounts', () => {
  it('two accounts sign two sessions: each signature names its own account, and the audit author follows the current account', async () => {
    const dana = await b.call<Clinician>('clinician:setPassphrase', { passphrase: PASS });
    const omar = await b.call<Clinician>('clinician:add', { name: 'Omar Haddad', credentials: 'DO', passphrase: OTHER });
    expect(omar.isCurrent).toBe(false);
    const first = await draft();
    await b.call('session:sign', { id: first.id, passphrase: PASS });
    // Choosing Omar's account asks for his passphrase.
    expect(await code('clinician:activate', { id: omar.id, passphrase: PASS })).toMatch(/^FORBIDDEN: The passphrase is not right/);
    expect((await b.call<Clinician>('clinician:get', {})).id).toBe(dana.id);
    await b.call('clinician:activate', { id: omar.id, passphrase: OTHER });
    const second = await draft();
    // Dana's passphrase does not sign as Omar.
    expect(await code('session:sign', { id: second.id, passphrase: PASS })).toMatch(/^FORBIDDEN: The passphrase is not right/);
    await b.call('session:sign', { id: second.id, passphrase: OTHER });
    const rows = b.db.prepare('SELECT id, signed_by, signer_id, clinician_name FROM sessions ORDER BY created_at, id').all();
    expect(rows).toEqual(expect.arrayContaining([
      { id: first.id, signed_by: 'Dana Reyes, MD', signer_id: dana.id, clinician_name: 'Dana Reyes, MD' },
      { id: second.id, signed_by: 'Omar Haddad, DO', signer_id: omar.id, clinician_name: 'Omar Haddad, DO' },
    ]));
    const signAudit = (id: string) => b.db.prepare("SELECT author FROM audit_log WHERE entity = 'sessions' AND entity_id = ? AND after LIKE '%\"status\":\"signed\"%'").pluck().get(id);
    expect([signAudit(first.id), signAudit(second.id)]).toEqual(['Dana Reyes, MD', 'Omar Haddad, DO']);
    const list = await b.call<ClinicianAccount[]>('clinician:list', {});
    expect(list.map((a) => [a.name, a.isCurrent, a.signedSessions, a.hasPassphrase])).toEqual([
      ['Dana Reyes', false, 1, true],
      ['Omar Haddad', true, 1, true],
    ]);
    expect(verifyEverything(b.db).problems).toEqual([]);
  });

  it('renaming an account after it signed asks for its passphrase and changes no past signature nor seal', async () => {
    await b.call('clinician:setPassphrase', { passphrase: PASS });
    const s = await draft();
    const signed = await b.call<SessionDetail>('session:sign', { id: s.id, passphrase: PASS });
    expect(await code('clinician:save', { name: 'Someone Else', credentials: 'MD' })).toMatch(/^FORBIDDEN: Enter the passphrase of Dana Reyes, MD to change this clinician profile/);
    await b.call('clinician:save', { name: 'Dana Reyes-Okafor', credentials: 'MD', passphrase: PASS });
    const again = await b.call<SessionDetail>('session:get', { id: s.id });
    expect(again.signedBy).toBe('Dana Reyes, MD');
    expect(again.seal).toBe(signed.seal);
    expect(verifyEverything(b.db).problems).toEqual([]);
    // New signatures carry the new name; new audit rows too.
    const next = await draft();
    expect((await b.call<SessionDetail>('session:sign', { id: next.id, passphrase: PASS })).signedBy).toBe('Dana Reyes-Okafor, MD');
    expect(b.db.prepare('SELECT author FROM audit_log ORDER BY id DESC LIMIT 1').pluck().get()).toBe('Dana Reyes-Okafor, MD');
  });

  it('a deactivated account cannot be chosen nor sign, keeps its signatures, and the database never deletes it', async () => {
    const dana = await b.call<Clinician>('clinician:setPassphrase', { passphrase: PASS });
    const omar = await b.call<Clinician>('clinician:add', { name: 'Omar Haddad', credentials: 'DO', passphrase: OTHER });
    await b.call('clinician:activate', { id: omar.id, passphrase: OTHER });
    const s = await draft();
    await b.call('session:sign', { id: s.id, passphrase: OTHER });
    // The current account cannot be deactivated; another one can, with the current account's passphrase.
    expect(await code('clinician:setDeactivated', { id: omar.id, deactivated: true })).toMatch(/^BAD_INPUT: Omar Haddad, DO is the current account/);
    await b.call('clinician:activate', { id: dana.id, passphrase: PASS });
    expect(await code('clinician:setDeactivated', { id: omar.id, deactivated: true, passphrase: OTHER })).toMatch(/^FORBIDDEN: The passphrase is not right/);
    const off = await b.call<Clinician>('clinician:setDeactivated', { id: omar.id, deactivated: true, passphrase: PASS });
    expect(off.deactivatedAt).toBe('2025-03-01T09:00:00.000Z');
    expect(await code('clinician:activate', { id: omar.id, passphrase: OTHER })).toMatch(/^BAD_INPUT: The account of Omar Haddad, DO is deactivated; reactivate it first/);
    expect(await code('clinician:setPassphrase', { id: omar.id, current: OTHER, passphrase: 'yet another passphrase' })).toMatch(/^FORBIDDEN: The account of Omar Haddad, DO is deactivated/);
    // The database itself: never current while deactivated, never deleted while a session names it.
    expect(() => b.db.prepare('UPDATE clinicians SET is_current = 1 WHERE id = ?').run(omar.id)).toThrow(/ACCOUNT_DEACTIVATED|UNIQUE/);
    expect(() => b.db.prepare('DELETE FROM clinicians WHERE id = ?').run(omar.id)).toThrow(/ACCOUNT_IN_RECORD/);
    expect((await b.call<SessionDetail>('session:get', { id: s.id })).signedBy).toBe('Omar Haddad, DO');
    const listed = (await b.call<ClinicianAccount[]>('clinician:list', {})).find((a) => a.id === omar.id);
    expect(listed).toMatchObject({ signedSessions: 1, deactivatedAt: '2025-03-01T09:00:00.000Z' });
    // Reactivated, it signs again.
    await b.call('clinician:setDeactivated', { id: omar.id, deactivated: false, passphrase: PASS });
    await b.call('clinician:activate', { id: omar.id, passphrase: OTHER });
    const next = await draft();
    expect((await b.call<SessionDetail>('session:sign', { id: next.id, passphrase: OTHER })).signedBy).toBe('Omar Haddad, DO');
  });

  it('refuses a second account under the same name', async () => {
    expect(await code('clinician:add', { name: 'dana reyes', credentials: 'MD' })).toMatch(/^CONFLICT: An account named Dana Reyes, MD already exists/);
    expect(await code('clinician:add', { name: 'Dana Reyes', credentials: 'PhD' })).toBe('ok');
    expect((await b.call<ClinicianAccount[]>('clinician:list', {})).length).toBe(2);
  });
});

it('changing the passphrase needs the current one; the hash is never shown, audited nor exported', async () => {
  await b.call('clinician:setPassphrase', { passphrase: PASS });
  expect(await code('clinician:setPassphrase', { passphrase: 'another long passphrase' })).toMatch(/^FORBIDDEN: Enter the passphrase of Dana Reyes, MD to change the passphrase/);
  expect(await code('clinician:setPassphrase', { current: PASS, passphrase: 'another long passphrase' })).toBe('ok');
  expect(await code('clinician:setPassphrase', { passphrase: 'short' })).toMatch(/^BAD_INPUT: passphrase: The passphrase has at least 10 characters/);
  await b.call('clinician:add', { name: 'Omar Haddad', credentials: 'DO', passphrase: OTHER });
  const shown = JSON.stringify([await b.call('clinician:get', {}), await b.call('clinician:list', {})]);
  expect(shown).not.toMatch(/scrypt|passphrase_hash/);
  const audit = b.db.prepare("SELECT before || after FROM audit_log WHERE entity = 'clinicians'").pluck().all().join('\n');
  expect(audit).not.toMatch(/scrypt|passphrase_hash/);
  // Setting it shows in the audit log as a time, not as the secret.
  expect(audit).toMatch(/"passphrase_set_at":"2025-03-01T09:00:00.000Z"/);
  expect(b.db.prepare('SELECT passphrase_hash FROM clinicians').pluck().all()).toEqual([expect.stringMatching(/^scrypt\$32768\$8\$1\$/), expect.stringMatching(/^scrypt\$32768\$8\$1\$/)]);
  const exported = JSON.stringify(exportDatabase(b.db, { appVersion: 't', exportedAt: new Date(clock) }));
  expect(exported).toContain('Omar Haddad');
  expect(exported).not.toMatch(/scrypt|passphrase_hash/);
});
