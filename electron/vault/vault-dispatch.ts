// The vault channels' plumbing: each input checked against the vault contract, answered as an envelope
// (a bounded message; anything unexpected logged, never shown), and one call at a time.
import { describeIssues } from '../dispatch.ts';
import { AppError, type Envelope } from '../../shared/ipc/result.ts';
import { vaultContract, type VaultChannel } from '../../shared/ipc/vault-contract.ts';

export type VaultHandlers = { [C in VaultChannel]: (input: never) => Promise<unknown> | unknown };

export function createVaultDispatch(handlers: VaultHandlers, logError?: (where: string, err: unknown) => void): (channel: string, input: unknown) => Promise<Envelope<unknown>> {
  async function now(channel: string, input: unknown): Promise<Envelope<unknown>> {
    if (!Object.prototype.hasOwnProperty.call(vaultContract, channel)) {
      return { ok: false, error: { code: 'UNKNOWN_CHANNEL', message: `Unknown request '${String(channel).slice(0, 60)}'` } };
    }
    const name = channel as VaultChannel;
    const parsed = vaultContract[name].input.safeParse(input);
    if (!parsed.success) return { ok: false, error: { code: 'BAD_INPUT', message: describeIssues(parsed.error) } };
    try {
      const handler = handlers[name] as (input: unknown) => unknown;
      return { ok: true, value: await handler(parsed.data) };
    } catch (err) {
      if (err instanceof AppError) return { ok: false, error: { code: err.code, message: err.message } };
      logError?.(channel, err);
      return { ok: false, error: { code: 'INTERNAL', message: 'Something went wrong and nothing was changed. The details were written to the log.' } };
    }
  }

  // One vault call at a time: a second unlock or confirmation sent while the first is still opening the
  // record (a double Enter) must not open it twice; it finds the state the first one left.
  let queue: Promise<unknown> = Promise.resolve();
  return (channel, input) => {
    // The progress of a key change is asked while that change holds the queue.
    if (channel === 'vault:progress') return now(channel, input);
    const answer = queue.then(() => now(channel, input));
    queue = answer.catch(() => undefined);
    return answer;
  };
}
