import type { Api } from '../shared/ipc/api.ts';
import { AppError, type Envelope } from '../shared/ipc/result.ts';

declare global {
  interface Window {
    api?: Api;
  }
}

type Unwrapped<A> = {
  [D in keyof A]: {
    [V in keyof A[D]]: A[D][V] extends (input: infer I) => Promise<Envelope<infer O>> ? (input: I) => Promise<O> : never;
  };
};

export type Client = Unwrapped<Api>;

/** The typed client over window.api: answers values, throws AppError (code and a message meant for the user) for error envelopes. */
export function createClient(api: Api): Client {
  const client: Record<string, Record<string, (input: unknown) => Promise<unknown>>> = {};
  for (const [domain, fns] of Object.entries(api as unknown as Record<string, Record<string, (i: unknown) => Promise<Envelope<unknown>>>>)) {
    const group: Record<string, (input: unknown) => Promise<unknown>> = {};
    for (const [verb, fn] of Object.entries(fns)) {
      group[verb] = async (input: unknown) => {
        const result = await fn(input);
        if (!result.ok) throw new AppError(result.error.code, result.error.message);
        return result.value;
      };
    }
    client[domain] = group;
  }
  return client as unknown as Client;
}

export function errorMessage(err: unknown): string {
  if (err instanceof AppError) return err.message;
  if (err instanceof Error) return `Unexpected error: ${err.message}`;
  return 'Unexpected error';
}
