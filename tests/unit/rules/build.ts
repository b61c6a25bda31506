/** Builders for rule inputs: a session with sites, vials and earlier doses, written as briefly as a worked example. */
import type { DeriveInput, DeriveSite, DeriveVial, PriorDose } from '../../../shared/rules/types.ts';
import type { IndicationId } from '../../../shared/indications.ts';

let n = 0;
const nextId = (p: string) => `${p}-${++n}`;

export function site(muscleId: string, side: DeriveSite['side'], units: number, extra: Partial<DeriveSite> = {}): Omit<DeriveSite, 'seq'> {
  return { id: nextId('site'), muscleId, side, units, guidance: 'none', ...extra };
}

export function vial(productId: string, sizeUnits: number, extra: Partial<DeriveVial> = {}): DeriveVial {
  return { id: nextId('vial'), productId, sizeUnits, lot: 'L1', expiry: '2030-01-01', diluentMl: 2, reconstitutedAt: null, ...extra };
}

export function prior(date: string, productId: string | null, units: number, extra: Partial<PriorDose> = {}): PriorDose {
  return { id: nextId('prior'), date, productId, units, indications: ['cervical_dystonia'], origin: 'session', ...extra };
}

export interface Build {
  date?: string;
  indication?: IndicationId;
  otherIndications?: IndicationId[];
  productId?: string | null;
  sites?: Array<Omit<DeriveSite, 'seq'>>;
  vials?: DeriveVial[];
  earlier?: PriorDose[];
  birthDate?: string;
  weightKg?: number | null;
  guidance?: DeriveInput['session']['guidance'];
  startedAt?: string | null;
  template?: DeriveInput['session']['template'];
  acknowledgements?: DeriveInput['acknowledgements'];
}

export function input(b: Build = {}): DeriveInput {
  return {
    session: {
      id: 'session-1',
      date: b.date ?? '2026-11-30',
      startedAt: b.startedAt ?? null,
      indication: b.indication ?? 'cervical_dystonia',
      otherIndications: b.otherIndications ?? [],
      productId: b.productId === undefined ? 'onabotulinumtoxinA' : b.productId,
      guidance: b.guidance ?? [],
      vials: b.vials ?? [],
      sites: (b.sites ?? []).map((s, i) => ({ ...s, seq: i + 1 })),
      template: b.template ?? null,
    },
    patient: { birthDate: b.birthDate ?? '1970-05-01' },
    weightKg: b.weightKg ?? null,
    earlier: b.earlier ?? [],
    acknowledgements: b.acknowledgements ?? [],
    today: '2026-11-30',
  };
}

/** n sites of u units in one muscle and side. */
export function repeat(count: number, muscleId: string, side: DeriveSite['side'], units: number, extra: Partial<DeriveSite> = {}) {
  return Array.from({ length: count }, () => site(muscleId, side, units, extra));
}
