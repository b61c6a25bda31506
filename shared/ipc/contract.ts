import { z } from 'zod';
import * as v from '../domain/values.ts';
import type { IndicationId } from '../indications.ts';
import type { AppInfo, Patient, SessionDetail, SessionSummary, Site } from '../domain/types.ts';

/**
 * The one IPC contract: channel → input schema and output type.
 * Main validates every input against `input`; `output` is a type marker only.
 * Channels are `domain:verb`; every handler takes one object argument.
 */
function channel<I extends z.ZodType, O>(input: I) {
  return { input, output: undefined as unknown as O };
}

const empty = z.object({}).strict();

const siteFields = {
  viewId: z.string().min(1).max(64).regex(/^[a-z0-9_]+$/, { error: 'view id is malformed' }),
  viewVersion: z.number().int().min(1).max(10_000),
  x: v.coordinate,
  y: v.coordinate,
  muscleId: z.string().min(1).max(64).regex(/^[a-z0-9_]+$/, { error: 'muscle id is malformed' }),
  side: v.side,
  units: v.units,
};

export const contract = {
  'app:info': channel<typeof empty, AppInfo>(empty),

  'patient:create': channel<z.ZodType<PatientCreateInput>, Patient>(
    z
      .object({
        mrn: v.mrn,
        familyName: v.requiredText('Family name', 100),
        givenName: v.requiredText('Given name', 100),
        birthDate: v.isoDate,
      })
      .strict(),
  ),
  'patient:get': channel<z.ZodType<{ id: string }>, Patient>(z.object({ id: v.id }).strict()),
  'patient:search': channel<z.ZodType<PatientSearchInput>, Patient[]>(
    z
      .object({
        query: v.boundedText('Search text', 100),
        limit: z.number().int().min(1).max(200).optional(),
      })
      .strict(),
  ),

  'session:create': channel<z.ZodType<SessionCreateInput>, SessionDetail>(
    z.object({ patientId: v.id, date: v.isoDate, indication: v.indication }).strict(),
  ),
  'session:get': channel<z.ZodType<{ id: string }>, SessionDetail>(z.object({ id: v.id }).strict()),
  'session:listForPatient': channel<z.ZodType<{ patientId: string }>, SessionSummary[]>(
    z.object({ patientId: v.id }).strict(),
  ),

  'site:add': channel<z.ZodType<SiteAddInput>, Site>(
    z.object({ id: v.id.optional(), sessionId: v.id, ...siteFields }).strict(),
  ),
  'site:update': channel<z.ZodType<SiteUpdateInput>, Site>(
    z
      .object({
        id: v.id,
        x: siteFields.x.optional(),
        y: siteFields.y.optional(),
        muscleId: siteFields.muscleId.optional(),
        side: siteFields.side.optional(),
        units: siteFields.units.optional(),
      })
      .strict()
      .refine((o) => (o.x === undefined) === (o.y === undefined), { error: 'x and y are changed together' }),
  ),
  'site:delete': channel<z.ZodType<{ id: string }>, { id: string }>(z.object({ id: v.id }).strict()),
} as const;

export interface PatientCreateInput {
  mrn: string;
  familyName: string;
  givenName: string;
  birthDate: string;
}
export interface PatientSearchInput {
  query: string;
  limit?: number | undefined;
}
export interface SessionCreateInput {
  patientId: string;
  date: string;
  indication: IndicationId;
}
export interface SiteAddInput {
  id?: string | undefined;
  sessionId: string;
  viewId: string;
  viewVersion: number;
  x: number;
  y: number;
  muscleId: string;
  side: 'left' | 'right' | 'midline';
  units: number;
}
export interface SiteUpdateInput {
  id: string;
  x?: number | undefined;
  y?: number | undefined;
  muscleId?: string | undefined;
  side?: 'left' | 'right' | 'midline' | undefined;
  units?: number | undefined;
}

export type Contract = typeof contract;
export type Channel = keyof Contract;
export type InputOf<C extends Channel> = z.output<Contract[C]["input"]>;
export type OutputOf<C extends Channel> = Contract[C]['output'];
