import type { Channel, InputOf, OutputOf } from '../../shared/ipc/contract.ts';
import type { AppInfo } from '../../shared/domain/types.ts';
import type { ServiceContext } from './context.ts';
import * as patients from './patients.ts';
import * as sessions from './sessions.ts';
import * as sites from './sites.ts';

export type Handler<C extends Channel> = (input: InputOf<C>) => OutputOf<C> | Promise<OutputOf<C>>;
export type Handlers = { [C in Channel]: Handler<C> };

/** One handler per contract channel; a missing or extra channel is a compile error. */
export function createHandlers(ctx: ServiceContext, info: () => AppInfo): Handlers {
  return {
    'app:info': () => info(),
    'patient:create': (input) => patients.createPatient(ctx, input),
    'patient:get': (input) => patients.getPatient(ctx, input),
    'patient:search': (input) => patients.searchPatients(ctx, input),
    'session:create': (input) => sessions.createSession(ctx, input),
    'session:get': (input) => sessions.getSession(ctx, input),
    'session:listForPatient': (input) => sessions.listSessionsForPatient(ctx, input),
    'site:add': (input) => sites.addSite(ctx, input),
    'site:update': (input) => sites.updateSite(ctx, input),
    'site:delete': (input) => sites.deleteSite(ctx, input),
  };
}
