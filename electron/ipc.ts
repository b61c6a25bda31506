import { ipcMain, type IpcMainInvokeEvent } from 'electron';
import { CHANNELS } from '../shared/ipc/channels.ts';
import { VAULT_CHANNELS } from '../shared/ipc/vault-contract.ts';
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

/** The vault channels (shared/ipc/vault-contract.ts), answered before the record is open; same sender check. */
export function registerVaultIpc(dispatchVault: (channel: string, input: unknown) => Promise<Envelope<unknown>>, isTrustedSender: (event: IpcMainInvokeEvent) => boolean): void {
  for (const channel of VAULT_CHANNELS) {
    ipcMain.handle(channel, async function handleVaultIpc(event, input: unknown): Promise<Envelope<unknown>> {
      if (!isTrustedSender(event)) {
        return { ok: false, error: { code: 'FORBIDDEN', message: `Request '${channel}' came from an untrusted page` } };
      }
      return dispatchVault(channel, input);
    });
  }
}
