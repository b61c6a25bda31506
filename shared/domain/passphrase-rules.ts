// The length rules of the two passphrases that protect every patient at once, shared by the checks in main
// (electron/vault/key-file.ts, electron/export/encrypted-archive.ts, the IPC contract) and the forms that
// say them before anything is sent.

/** The practice passphrase that wraps the database key where the system has no key store. */
export const MIN_PRACTICE_PASSPHRASE = 12;
/** The passphrase of an encrypted export archive (it alone protects every patient in the file). */
export const MIN_ARCHIVE_PASSPHRASE = 12;

/** What is wrong with a new practice passphrase, or null when it can be used. */
export function practicePassphraseProblem(passphrase: string): string | null {
  const chars = [...passphrase.normalize('NFC')].length;
  if (chars < MIN_PRACTICE_PASSPHRASE) return `The practice passphrase needs at least ${MIN_PRACTICE_PASSPHRASE} characters; this one has ${chars}.`;
  if (!/\S/.test(passphrase)) return 'The practice passphrase cannot be only spaces.';
  return null;
}
