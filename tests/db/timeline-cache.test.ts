// patient:timeline keeps the parts of signed sessions once read (they never change): answers stay exactly
// those of a fresh read, a draft is always read anew, and what a caller does to an answer changes nothing kept.
import type { Patient, SessionDetail, Site } from '../../shared/domain/types.ts';
import { testBackend, type TestBackend } from '../helpers/backend.ts';
import { SIGNING_PASSPHRASE, signingClinician } from '../helpers/signing.ts';

let b: TestBackend;
afterEach(() => b.dispose());

const face = { viewId: 'face_front', viewVersion: 1, x: 300, y: 200, muscleId: 'frontalis', side: 'left' };
const vial = { productId: 'onabotulinumtoxinA', sizeUnits: 100, lot: 'C77', expiry: '2028-01-31', diluentMl: 2 };

it('answers as a fresh read would, before and after signing, whatever the caller does with an answer', async () => {
  b = await testBackend();
  await b.call('clinician:add', signingClinician());
  const patient = await b.call<Patient>('patient:create', { mrn: 'TL-1', familyName: 'Time', givenName: 'Line', birthDate: '1970-01-01' });
  const ids: string[] = [];
  for (let i = 0; i < 8; i++) {
    const s = await b.call<SessionDetail>('session:create', { patientId: patient.id, date: `2024-0${1 + (i % 9)}-1${i % 9}`, indication: 'chronic_migraine', productId: 'onabotulinumtoxinA' });
    await b.call('vial:add', { sessionId: s.id, ...vial });
    for (let k = 0; k <= i % 3; k++) await b.call('site:add', { sessionId: s.id, ...face, units: 5 + k });
    if (i < 6) await b.call('session:sign', { id: s.id, passphrase: SIGNING_PASSPHRASE });
    ids.push(s.id);
  }
  const fresh = async () => Promise.all((await b.call<SessionDetail[]>('patient:timeline', { patientId: patient.id })).map((s) => b.call<SessionDetail>('session:get', { id: s.id })));
  const first = await b.call<SessionDetail[]>('patient:timeline', { patientId: patient.id });
  expect(first).toEqual(await fresh());
  first[0]?.sites.splice(0); // a caller emptying an answer's list changes nothing kept
  const second = await b.call<SessionDetail[]>('patient:timeline', { patientId: patient.id });
  expect(second).toEqual(await fresh());
  // A draft changes and is then signed: the timeline follows.
  const draft = ids[7] as string;
  const added = await b.call<Site>('site:add', { sessionId: draft, ...face, units: 7.5 });
  await b.call('session:sign', { id: draft, passphrase: SIGNING_PASSPHRASE });
  const third = await b.call<SessionDetail[]>('patient:timeline', { patientId: patient.id });
  expect(third.find((s) => s.id === draft)?.sites.map((s) => s.id)).toContain(added.id);
  expect(third).toEqual(await fresh());
});
