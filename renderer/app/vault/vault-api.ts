import { AppError, type Envelope } from '../../../shared/ipc/result.ts';
import type { VaultApi } from '../../../shared/ipc/vault-contract.ts';
import { practicePassphraseProblem } from '../../../shared/domain/passphrase-rules.ts';

declare global {
  interface Window {
    /** The record's key (create, unlock, recover), answered before the database is open. */
    vault?: VaultApi;
  }
}

/** One vault call: answers the value, throws AppError (code and a message meant for the user) on an error envelope. */
export async function vaultCall<T>(answer: Promise<Envelope<T>>): Promise<T> {
  const result = await answer;
  if (!result.ok) throw new AppError(result.error.code, result.error.message);
  return result.value;
}


/** What is wrong with a new practice passphrase and its repetition, or null when it can be used. */
export function passphraseProblem(passphrase: string, again: string): string | null {
  const problem = practicePassphraseProblem(passphrase);
  if (problem) return problem;
  if (passphrase !== again) return 'The two passphrases differ. Type the same passphrase in both fields.';
  return null;
}
