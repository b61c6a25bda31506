// Sessions a clinician would print: a signed PREEMPT session, a two-limb spasticity session on both sides
// with Dysport vials, and a large session for the benchmark. Everything goes through the contract.
import { addDays, format } from 'date-fns';
import { getView, pointAlong } from '../../shared/atlas/index.ts';
import { BUILTIN_IDS } from '../../shared/clinical/builtin-templates.ts';
import type { Patient, SessionDetail } from '../../shared/domain/types.ts';
import { SIGNING_PASSPHRASE } from './signing.ts';

export type Call = <T = unknown>(channel: string, input: unknown) => Promise<T>;

const iso = (d: Date) => format(d, 'yyyy-MM-dd');

/** A point inside the muscle's region on the view, `t` of the way along it. */
export function siteOn(viewId: string, muscleId: string, side: 'left' | 'right' | 'midline', t = 0.5) {
  const view = getView(viewId);
  const region = view.regions.find((r) => r.muscleId === muscleId && r.side === side);
  if (!region) throw new Error(`siteOn: no ${side} ${muscleId} on ${viewId}`);
  return { viewId, viewVersion: view.version, ...pointAlong(region, t), muscleId, side };
}

export interface Seeded {
  patient: Patient;
  session: SessionDetail;
}

/**
 * PREEMPT from the built-in template (31 sites, 155 U), one 200 U BOTOX vial in 4 mL (45 U discarded:
 * J0585 × 155 and JW × 45), a headache-day score, notes with characters that must print as text, signed.
 */
export async function seedPreempt(call: Call, options: { sign?: boolean; today?: Date } = {}): Promise<Seeded> {
  const today = options.today ?? new Date();
  const patient = await call<Patient>('patient:create', { mrn: 'CM-7001', familyName: 'Okafor', givenName: 'Ada', birthDate: '1981-02-14', sex: 'female' });
  await call('patient:addCondition', { patientId: patient.id, indication: 'chronic_migraine', icd10Code: 'G43.709' });
  const date = iso(today);
  const s = await call<SessionDetail>('session:create', {
    patientId: patient.id, date, indication: 'chronic_migraine', productId: 'onabotulinumtoxinA', templateId: BUILTIN_IDS.preempt,
  });
  await call('vial:add', {
    sessionId: s.id, productId: 'onabotulinumtoxinA', sizeUnits: 200, lot: 'C7781', expiry: iso(addDays(today, 400)), diluentMl: 4,
    reconstitutedAt: new Date(today.getTime() - 60 * 60_000).toISOString(),
  });
  await call('score:add', { sessionId: s.id, scaleId: 'headache_days', value: '14', note: 'diary' });
  await call('session:update', {
    id: s.id, nextDueDate: iso(addDays(today, 83)), weightKg: 64,
    notes: 'Tolerated well. Patient asks about <script>alert(1)</script> & "side effects"; =SUM(A1) is not a formula.',
  });
  const session = options.sign === false ? await call<SessionDetail>('session:get', { id: s.id }) : await call<SessionDetail>('session:sign', { id: s.id, passphrase: SIGNING_PASSPHRASE });
  return { patient, session };
}

const UPPER: Array<[string, string, number]> = [
  // view, muscle, units (Dysport)
  ['upper_limb_anterior', 'biceps_brachii', 100],
  ['upper_limb_anterior', 'brachioradialis', 50],
  ['upper_limb_anterior', 'flexor_carpi_radialis', 50],
  ['upper_limb_anterior', 'flexor_carpi_ulnaris', 50],
  ['upper_limb_anterior', 'flexor_digitorum_superficialis', 50],
];
const LOWER: Array<[string, string, number]> = [
  ['lower_limb_posterior', 'gastrocnemius_medial', 100],
  ['lower_limb_posterior', 'gastrocnemius_lateral', 100],
  ['lower_limb_posterior', 'soleus', 100],
];

/**
 * Upper and lower limb spasticity on both sides with Dysport: right arm 5 muscles, left arm 2, right leg 3,
 * left leg 1, EMG guidance, two 500 U vials in 2.5 mL each (20 U per 0.1 mL), an adverse event, signed
 * unless asked otherwise. The clinical rules decide the codes; tests compare with session:derive.
 */
export async function seedSpasticity(call: Call, options: { sign?: boolean; today?: Date } = {}): Promise<Seeded> {
  const today = options.today ?? new Date();
  const patient = await call<Patient>('patient:create', { mrn: 'SP-4410', familyName: "O'Brien-Lefèvre", givenName: 'Jean', birthDate: '1958-06-30', sex: 'male' });
  // Right hemiparesis after a stroke (I69.351, right dominant side): the right arm has the most muscles.
  await call('patient:addCondition', { patientId: patient.id, indication: 'upper_limb_spasticity', icd10Code: 'I69.351', side: 'right' });
  const date = iso(today);
  const s = await call<SessionDetail>('session:create', { patientId: patient.id, date, indication: 'upper_limb_spasticity', productId: 'abobotulinumtoxinA' });
  await call('session:update', {
    id: s.id, otherIndications: ['lower_limb_spasticity'], guidance: ['emg'], weightKg: 82.5, nextDueDate: iso(addDays(today, 90)),
    notes: 'Goal: hand hygiene and gait. Right hemiparesis after stroke.',
  });
  for (const lot of ['D5501', 'D5502']) {
    await call('vial:add', { sessionId: s.id, productId: 'abobotulinumtoxinA', sizeUnits: 500, lot, expiry: iso(addDays(today, 300)), diluentMl: 2.5, reconstitutedAt: new Date(today.getTime() - 45 * 60_000).toISOString() });
  }
  const plan: Array<{ viewId: string; muscleId: string; side: 'left' | 'right'; units: number }> = [
    ...UPPER.map(([v, m, u]) => ({ viewId: `${v}_right`, muscleId: m, side: 'right' as const, units: u })),
    ...UPPER.slice(0, 2).map(([v, m, u]) => ({ viewId: `${v}_left`, muscleId: m, side: 'left' as const, units: u / 2 })),
    ...LOWER.map(([v, m, u]) => ({ viewId: `${v}_right`, muscleId: m, side: 'right' as const, units: u })),
    { viewId: 'lower_limb_posterior_left', muscleId: 'soleus', side: 'left', units: 75 },
  ];
  for (const p of plan) {
    await call('site:add', { sessionId: s.id, ...siteOn(p.viewId, p.muscleId, p.side), units: p.units, guidance: 'emg', note: p.muscleId === 'soleus' ? 'two depths' : '' });
  }
  await call('adverseEvent:add', { sessionId: s.id, onsetDate: date, description: 'Transient soreness at the calf sites', severity: 'mild' });
  await call('score:add', { sessionId: s.id, scaleId: 'mas', value: '1+', note: 'right elbow flexors' });
  const session = options.sign === false ? await call<SessionDetail>('session:get', { id: s.id }) : await call<SessionDetail>('session:sign', { id: s.id, passphrase: SIGNING_PASSPHRASE });
  return { patient, session };
}

/** A draft of `count` sites spread over three views of the upper limbs (the benchmark's session). */
export async function seedLarge(call: Call, count = 60): Promise<Seeded> {
  const today = new Date();
  const patient = await call<Patient>('patient:create', { mrn: 'BM-0060', familyName: 'Bench', givenName: 'Sixty', birthDate: '1970-01-01' });
  const s = await call<SessionDetail>('session:create', { patientId: patient.id, date: iso(today), indication: 'upper_limb_spasticity', productId: 'onabotulinumtoxinA' });
  await call('vial:add', { sessionId: s.id, productId: 'onabotulinumtoxinA', sizeUnits: 200, lot: 'B1', expiry: iso(addDays(today, 200)), diluentMl: 4 });
  const views = ['upper_limb_anterior_left', 'upper_limb_posterior_left', 'upper_limb_anterior_right'];
  for (let i = 0; i < count; i += 1) {
    const view = getView(views[i % views.length]!);
    const superficial = view.regions.filter((r) => r.layer === 'superficial');
    const region = superficial[i % superficial.length]!;
    await call('site:add', {
      sessionId: s.id, viewId: view.id, viewVersion: view.version, ...pointAlong(region, 0.3 + ((i * 7) % 5) / 10),
      muscleId: region.muscleId, side: region.side, units: 5, note: i % 10 === 0 ? 'deeper' : '',
    });
  }
  return { patient, session: await call<SessionDetail>('session:get', { id: s.id }) };
}
