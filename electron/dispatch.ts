import type { z } from 'zod';
import { contract, type Channel } from '../shared/ipc/contract.ts';
import { AppError, type Envelope } from '../shared/ipc/result.ts';
import type { Handlers } from './services/index.ts';

export type Dispatch = (channel: string, input: unknown) => Promise<Envelope<unknown>>;

function isChannel(name: string): name is Channel {
  return Object.prototype.hasOwnProperty.call(contract, name);
}

/** Turns zod issues into one sentence a clinician can act on. */
export function describeIssues(error: z.ZodError): string {
  const text = error.issues
    .slice(0, 5)
    .map((issue) => {
      const where = issue.path.length > 0 ? `${issue.path.join('.')}: ` : '';
      return `${where.length > 80 ? `${where.slice(0, 80)}…: ` : where}${issue.message.length > 200 ? `${issue.message.slice(0, 200)}…` : issue.message}`;
    })
    .join('; ');
  // Bounded: an error message never echoes unbounded input back.
  return text.length > 600 ? `${text.slice(0, 600)}…` : text;
}

export interface DispatchOptions {
  /** Where unexpected failures are written (never shown raw to the user). */
  logError?: (channel: string, err: unknown) => void;
}

/**
 * The single path from a channel name and untrusted input to a service call:
 * validate with the contract's schema, run the handler, answer with an envelope.
 * Electron's ipcMain.handle and the end-to-end test bridge both call this.
 */
export function createDispatcher(handlers: Handlers, options: DispatchOptions = {}): Dispatch {
  return async function dispatch(channel, input) {
    if (!isChannel(channel)) {
      const name = String(channel);
      return { ok: false, error: { code: 'UNKNOWN_CHANNEL', message: `Unknown request '${name.length > 60 ? `${name.slice(0, 60)}…` : name}'` } };
    }
    const parsed = contract[channel].input.safeParse(input);
    if (!parsed.success) {
      return { ok: false, error: { code: 'BAD_INPUT', message: describeIssues(parsed.error) } };
    }
    try {
      const handler = handlers[channel] as (input: unknown) => unknown;
      const value = await handler(parsed.data);
      return { ok: true, value };
    } catch (err) {
      if (err instanceof AppError) return { ok: false, error: { code: err.code, message: err.message } };
      // Between closing the old file and opening the restored one, nothing can be read or saved.
      if (err instanceof Error && /database connection is not open/i.test(err.message)) {
        return { ok: false, error: { code: 'CONFLICT', message: 'The database is being restored or replaced. Nothing was changed; try again in a moment.' } };
      }
      if (isSqliteError(err) && (err as { code?: string }).code?.startsWith('SQLITE_READONLY')) {
        return {
          ok: false,
          error: { code: 'DATABASE', message: 'The database was found damaged, so nothing more is saved to it. Restore the latest good backup (Settings → Data and backups). Nothing was changed.' },
        };
      }
      if (err instanceof Error && err.message.includes('SIGNED_IMMUTABLE')) {
        return { ok: false, error: { code: 'SIGNED', message: 'This session is signed and cannot be changed. Record an amendment instead.' } };
      }
      options.logError?.(channel, err);
      const code = isSqliteError(err) ? 'DATABASE' : 'INTERNAL';
      const message =
        code === 'DATABASE'
          ? `The record could not be saved (${(err as Error).message}). Nothing was changed.`
          : 'Something went wrong and nothing was changed. The details were written to the log.';
      return { ok: false, error: { code, message } };
    }
  };
}

function isSqliteError(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return err instanceof Error && typeof code === 'string' && code.startsWith('SQLITE_');
}
