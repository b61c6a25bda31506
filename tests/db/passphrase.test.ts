// Authenticated signing: with a passphrase on the account, signing, amending and renaming ask for it; a
// wrong one changes nothing; the signature keeps the account and the name as it was, and renaming the
// profile later changes no past signature (nor its seal).
import type { Clinician, Patient, SessionDetail } from '../../shared/domain/types.ts';
import { verifyEverything } from '../../electron/trust/verify.ts';
import { testBackend, type TestBackend } from '../helpers/backend.ts';

let b: TestBackend;
let patient: Patient;
const PASS = 'correct horse battery staple';
const face = { viewId: 'face_front', viewVersion: 1, x: 300, y: 200, muscleId: 'frontalis', side: 'left' };
const vial = { productId: 'onabotulinumtoxinA', sizeUnits: 100, lot: 'C77', expiry: '2028-01-31', diluentMl: 2 };

beforeEach(async () => {
  b = await testBackend();
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

it('an account without a passphrase signs as before, and the signature names the account', async () => {
  const s = await draft();
  const signed = await b.call<SessionDetail>('session:sign', { id: s.id });
  const account = await b.call<Clinician>('clinician:get', {});
  expect(signed).toMatchObject({ status: 'signed', signedBy: 'Dana Reyes, MD' });
  expect(b.db.prepare('SELECT signer_id FROM sessions WHERE id = ?').pluck().get(s.id)).toBe(account.id);
  expect(account.hasPassphrase).toBe(false);
});

it('with a passphrase: signing asks for it, a wrong one changes nothing, the right one signs', async () => {
  expect((await b.call<Clinician>('clinician:setPassphrase', { passphrase: PASS })).hasPassphrase).toBe(true);
  const s = await draft();
  expect(await code('session:sign', { id: s.id })).toBe('FORBIDDEN: Enter your passphrase to sign.');
  expect(await code('session:sign', { id: s.id, passphrase: 'correct horse battery stapler' })).toMatch(/^FORBIDDEN: The passphrase is not right; nothing was changed/);
  expect((await b.call<SessionDetail>('session:get', { id: s.id })).status).toBe('draft');
  const signed = await b.call<SessionDetail>('session:sign', { id: s.id, passphrase: PASS });
  expect(signed.status).toBe('signed');
  expect(signed.seal).toMatch(/^v1:[0-9a-f]{64}$/);
  // Amending asks for it too.
  expect(await code('session:amend', { id: s.id, reason: 'wrong side' })).toMatch(/^FORBIDDEN: Enter your passphrase to amend/);
  expect((await b.call<SessionDetail>('session:amend', { id: s.id, reason: 'wrong side', passphrase: PASS })).amendsSessionId).toBe(s.id);
});

it('renaming the profile asks for the passphrase and never changes a past signature or its seal', async () => {
  await b.call('clinician:setPassphrase', { passphrase: PASS });
  const s = await draft();
  const signed = await b.call<SessionDetail>('session:sign', { id: s.id, passphrase: PASS });
  expect(await code('clinician:save', { name: 'Someone Else', credentials: 'MD' })).toMatch(/^FORBIDDEN: Enter your passphrase to change the clinician profile/);
  await b.call('clinician:save', { name: 'Dana Reyes-Okafor', credentials: 'MD', passphrase: PASS });
  const again = await b.call<SessionDetail>('session:get', { id: s.id });
  expect(again.signedBy).toBe('Dana Reyes, MD');
  expect(again.seal).toBe(signed.seal);
  expect(verifyEverything(b.db).problems).toEqual([]);
});

it('changing the passphrase needs the current one; the hash is never shown nor audited', async () => {
  await b.call('clinician:setPassphrase', { passphrase: PASS });
  expect(await code('clinician:setPassphrase', { passphrase: 'another long passphrase' })).toMatch(/^FORBIDDEN: Enter your passphrase to change the passphrase/);
  expect(await code('clinician:setPassphrase', { current: PASS, passphrase: 'another long passphrase' })).toBe('ok');
  expect(await code('clinician:setPassphrase', { passphrase: 'short' })).toMatch(/^BAD_INPUT: passphrase: The passphrase has at least 10 characters/);
  const shown = JSON.stringify(await b.call('clinician:get', {}));
  expect(shown).not.toMatch(/scrypt|passphrase_hash/);
  const audit = b.db.prepare("SELECT before || after FROM audit_log WHERE entity = 'clinicians'").pluck().all().join('\n');
  expect(audit).not.toMatch(/scrypt|passphrase_hash/);
  expect(b.db.prepare('SELECT passphrase_hash FROM clinicians').pluck().get()).toMatch(/^scrypt\$32768\$8\$1\$/);
});
