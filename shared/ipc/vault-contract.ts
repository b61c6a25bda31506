import { z } from 'zod';
import type { Envelope } from './result.ts';

/**
 * The vault channels: how the page learns whether the record is open and leads the user through creating,
 * unlocking or recovering its key (electron/vault/gate.ts). Apart from the main contract because they are
 * answered before the database is open, exposed as window.vault by the preload.
 */
export type VaultStatus =
  /** The record is open. */
  | {
      state: 'open';
      protection: 'os' | 'passphrase';
      store: string | null;
      keyId: string;
      cipher: string;
      createdAt: string;
      recoveryConfirmedAt: string | null;
      /** When the practice passphrase was last changed; null: never (or the key store keeps the key). */
      passphraseChangedAt: string | null;
      unencryptedCopies: { file: string; bytes: number }[];
      /** Said once after opening: how a key change ended. */
      notice?: { kind: 'info' | 'error'; message: string };
    }
  /** No key and no record yet (a first start, or the first start of a version with encryption). */
  | { state: 'create'; store: string | null; unencryptedRecord: boolean }
  /** A new key was made: the recovery key is shown once and must be confirmed as stored. */
  | { state: 'recovery-key'; recoveryKey: string; groups: number; /** The key of an existing record is being replaced (Settings → Encryption). */ replacing?: boolean }
  /** The key is wrapped by the practice passphrase. */
  | { state: 'unlock' }
  /** Only the recovery key can open the record here. */
  | { state: 'recover'; reason: string; store: string | null }
  /** The app could not open the record after the key was found; the message says why. */
  | { state: 'closed'; message: string };

const passphrase = z.string({ error: 'The passphrase must be text' }).max(1024, { error: 'The passphrase is too long (1024 characters at most)' });

export const vaultContract = {
  'vault:status': { input: z.object({}).strict(), output: undefined as unknown as VaultStatus },
  'vault:create': { input: z.object({ passphrase: passphrase.optional() }).strict(), output: undefined as unknown as VaultStatus },
  'vault:confirmRecoveryKey': {
    input: z.object({ lastGroup: z.string({ error: 'Type the last group of the recovery key' }).max(64) }).strict(),
    output: undefined as unknown as VaultStatus,
  },
  'vault:unlock': { input: z.object({ passphrase }).strict(), output: undefined as unknown as VaultStatus },
  'vault:recover': {
    input: z.object({ recoveryKey: z.string({ error: 'Type the recovery key' }).max(200, { error: 'A recovery key has 55 letters and digits' }), passphrase: passphrase.optional() }).strict(),
    output: undefined as unknown as VaultStatus,
  },
  /** A new practice passphrase, the current one given as proof (only where the passphrase keeps the key). */
  'vault:changePassphrase': {
    input: z.object({ current: passphrase, next: passphrase }).strict(),
    output: undefined as unknown as VaultStatus,
  },
  /** A new key for the record (and so a new recovery key), shown for confirming; the practice passphrase asked where it keeps the key. */
  'vault:beginKeyChange': { input: z.object({ passphrase: passphrase.optional() }).strict(), output: undefined as unknown as VaultStatus },
  /** The new key dropped before its recovery key was confirmed: the current key stays. */
  'vault:cancelKeyChange': { input: z.object({}).strict(), output: undefined as unknown as VaultStatus },
  /** How far a key change is (files re-encrypted of all); null when none runs. Answered at once, beside the call that runs it. */
  'vault:progress': { input: z.object({}).strict(), output: undefined as unknown as { done: number; total: number } | null },
  'vault:showRecoveryKey': { input: z.object({}).strict(), output: undefined as unknown as { recoveryKey: string } },
  'vault:removeUnencrypted': { input: z.object({}).strict(), output: undefined as unknown as { removed: number; bytes: number; backup: string } },
} as const;

export type VaultChannel = keyof typeof vaultContract;
export const VAULT_CHANNELS = Object.keys(vaultContract) as VaultChannel[];
export type VaultInput<C extends VaultChannel> = z.infer<(typeof vaultContract)[C]['input']>;
export type VaultOutput<C extends VaultChannel> = (typeof vaultContract)[C]['output'];

/** window.vault as the preload gives it: one function per vault channel, answering an envelope. */
export type VaultApi = {
  [C in VaultChannel as C extends `vault:${infer V}` ? V : never]: (input: VaultInput<C>) => Promise<Envelope<VaultOutput<C>>>;
};

/** Builds window.vault from one invoke function (the preload passes ipcRenderer.invoke; the e2e bridge its own). */
export function buildVaultApi(invoke: (channel: VaultChannel, input: unknown) => Promise<unknown>): VaultApi {
  const api: Record<string, (input: unknown) => Promise<unknown>> = {};
  for (const channel of VAULT_CHANNELS) api[channel.slice('vault:'.length)] = (input: unknown) => invoke(channel, input);
  return api as unknown as VaultApi;
}
