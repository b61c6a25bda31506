// Authenticated signing: the current clinician account's passphrase (scrypt hash, electron/trust/passphrase.ts).
// When the account has one, signing, amending and changing the profile ask for it; a wrong one changes
// nothing. The signature stores the account (signer_id) and the name as it was (signed_by): renaming the
// profile later never changes a past signature.
import type { Clinician } from '../../shared/domain/types.ts';
import { AppError } from '../../shared/ipc/result.ts';
import { getCurrentClinician, getPassphraseHash, setPassphraseHash } from '../db/clinicians.ts';
import { hashPassphrase, verifyPassphrase } from '../trust/passphrase.ts';
import type { ServiceContext } from './context.ts';

/**
 * Checks the current account's passphrase when it has one (`what`: "sign", "amend", …). Returns the account.
 * Accounts without a passphrase are let through, as before passphrases existed; Settings asks to set one.
 */
export function requirePassphrase(ctx: ServiceContext, passphrase: string | undefined, what: string): Clinician | null {
  const clinician = getCurrentClinician(ctx.db);
  if (!clinician) return null;
  const hash = getPassphraseHash(ctx.db, clinician.id);
  if (hash === null) return clinician;
  if (passphrase === undefined || passphrase === '') throw new AppError('FORBIDDEN', `Enter your passphrase to ${what}.`);
  if (!verifyPassphrase(passphrase, hash)) throw new AppError('FORBIDDEN', `The passphrase is not right; nothing was changed. Try again to ${what}.`);
  return clinician;
}

export function setPassphrase(ctx: ServiceContext, input: { current?: string | undefined; passphrase: string }): Clinician {
  const clinician = getCurrentClinician(ctx.db);
  if (!clinician) throw new AppError('BAD_INPUT', 'Set up your clinician profile (name and credentials) before choosing a passphrase.');
  if (getPassphraseHash(ctx.db, clinician.id) !== null) requirePassphrase(ctx, input.current, 'change the passphrase');
  const hash = hashPassphrase(input.passphrase);
  ctx.db.transaction(() => setPassphraseHash(ctx.db, clinician.id, hash, ctx.now().toISOString()))();
  return { ...clinician, hasPassphrase: true };
}
