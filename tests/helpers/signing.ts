// Signing and amending always ask for the current account's passphrase: tests that sign set up their
// clinician as an account with this one (clinician:add) and pass it to session:sign and session:amend.
export const SIGNING_PASSPHRASE = 'signed with care 2025';

/** The input of clinician:add for a test clinician who can sign. */
export function signingClinician(name = 'Dana Reyes', credentials = 'MD'): { name: string; credentials: string; passphrase: string } {
  return { name, credentials, passphrase: SIGNING_PASSPHRASE };
}
