import { z } from 'zod';
import type { Clinician, ClinicianAccount } from '../domain/types.ts';
import * as v from '../domain/values.ts';
import type { ClinicianAddInput, ClinicianSaveInput } from './inputs.ts';

/**
 * The clinician account channels (accounts, the current one, passphrases), spread into the one contract in
 * contract.ts, with the passphrase schemas signing and the encrypted export use too. Same rules: strict zod
 * input, output as a type marker.
 */
function channel<I extends z.ZodType, O>(input: I) {
  return { input, output: undefined as unknown as O };
}

const empty = z.object({}).strict();

/** A passphrase as typed (not trimmed: spaces are part of it); its strength is checked when it is set. */
export const passphrase = z
  .string({ error: 'The passphrase must be text' })
  .max(200, { error: 'The passphrase has at most 200 characters' })
  .refine((s) => s.trim().length > 0, { error: 'Enter your passphrase' })
  // eslint-disable-next-line no-control-regex -- a typed passphrase has no control characters
  .refine((s) => !/[\u0000-\u001f\u007f]/.test(s), { error: 'The passphrase contains a control character' });
/** A passphrase being chosen: long enough to resist guessing at scrypt's cost. */
export const newPassphrase = passphrase
  .refine((s) => s.length >= 10, { error: 'The passphrase has at least 10 characters' })
  .refine((s) => s.trim().length >= 10, { error: 'The passphrase has at least 10 characters besides spaces' });

export const clinicianChannels = {
  'clinician:get': channel<typeof empty, Clinician | null>(empty),
  /** Every clinician account, deactivated ones last, each with the number of sessions it signed. */
  'clinician:list': channel<typeof empty, ClinicianAccount[]>(empty),
  /** Adds an account (the first one becomes the current one). */
  'clinician:add': channel<z.ZodType<ClinicianAddInput>, Clinician>(
    z
      .object({
        name: v.requiredText('Name', 120),
        credentials: v.boundedText('Credentials', 120).optional(),
        defaultProductId: v.productId.nullable().optional(),
        defaultGuidance: v.guidance.optional(),
        passphrase: newPassphrase.optional(),
      })
      .strict(),
  ),
  /** Saves an account's profile (the current account when no id is given); its passphrase when it has one. */
  'clinician:save': channel<z.ZodType<ClinicianSaveInput>, Clinician>(
    z
      .object({
        id: v.id.optional(),
        name: v.requiredText('Name', 120),
        credentials: v.boundedText('Credentials', 120).optional(),
        defaultProductId: v.productId.nullable().optional(),
        defaultGuidance: v.guidance.optional(),
        passphrase: passphrase.optional(),
      })
      .strict(),
  ),
  /** Makes an account the current one (charting, signing, audit author); its passphrase when it has one. */
  'clinician:activate': channel<z.ZodType<{ id: string; passphrase?: string | undefined }>, Clinician>(
    z.object({ id: v.id, passphrase: passphrase.optional() }).strict(),
  ),
  /** Deactivates or reactivates another account; the current account's passphrase when it has one. */
  'clinician:setDeactivated': channel<z.ZodType<{ id: string; deactivated: boolean; passphrase?: string | undefined }>, Clinician>(
    z.object({ id: v.id, deactivated: z.boolean({ error: 'deactivated must be true or false' }), passphrase: passphrase.optional() }).strict(),
  ),
  /** Sets or changes an account's passphrase (the current account's when no id is given; the old one is required to change it). */
  'clinician:setPassphrase': channel<z.ZodType<{ id?: string | undefined; current?: string | undefined; passphrase: string }>, Clinician>(
    z.object({ id: v.id.optional(), current: passphrase.optional(), passphrase: newPassphrase }).strict(),
  ),
} as const;
