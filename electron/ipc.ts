import { ipcMain, type IpcMainInvokeEvent } from 'electron';
import { CHANNELS } from '../shared/ipc/channels.ts';
import type { Envelope } from '../shared/ipc/result.ts';
import type { Dispatch } from './dispatch.ts';

/**
 * Registers every contract channel through one function: check the sender, then hand the
 * untrusted input to the dispatcher (which validates it and runs the service).
 */
export function registerIpc(dispatch: Dispatch, isTrustedSender: (event: IpcMainInvokeEvent) => boolean): void {
  for (const channel of CHANNELS) {
    ipcMain.handle(channel, async function handleIpc(event, input: unknown): Promise<Envelope<unknown>> {
      if (!isTrustedSender(event)) {
        return { ok: false, error: { code: 'FORBIDDEN', message: `Request '${channel}' came from an untrusted page` } };
      }
      return dispatch(channel, input);
    });
  }
}
