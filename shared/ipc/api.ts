import type { Envelope } from './result.ts';
import type { Channel, InputOf, OutputOf } from './contract.ts';
import { CHANNELS } from './channels.ts';

type DomainOf<C extends string> = C extends `${infer D}:${string}` ? D : never;
type VerbOf<C extends string, D extends string> = C extends `${D}:${infer V}` ? V : never;

/** window.api: one typed function per contract channel, grouped by domain (`api.site.add(input)`). */
export type Api = {
  [D in DomainOf<Channel>]: {
    [C in Channel as VerbOf<C, D>]: (input: InputOf<C>) => Promise<Envelope<OutputOf<C>>>;
  };
};

export type Invoke = (channel: Channel, input: unknown) => Promise<Envelope<unknown>>;

/**
 * Builds window.api from the channel list and one invoke function. The Electron preload passes
 * ipcRenderer.invoke; the end-to-end tests pass a bridge to the same dispatcher main uses.
 */
export function buildApi(invoke: Invoke): Api {
  const api: Record<string, Record<string, (input: unknown) => Promise<Envelope<unknown>>>> = {};
  for (const channel of CHANNELS) {
    const [domain, verb] = channel.split(':') as [string, string];
    const group = (api[domain] ??= {});
    group[verb] = (input: unknown) => invoke(channel, input);
  }
  return api as unknown as Api;
}
