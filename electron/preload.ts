import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { buildApi, type Api } from '../shared/ipc/api.ts';
import { checkEventPayload, eventChannel, isAppEventName, type AppEventsBridge } from '../shared/ipc/events.ts';
import type { Envelope } from '../shared/ipc/result.ts';
import { buildVaultApi, type VaultApi } from '../shared/ipc/vault-contract.ts';

// Only typed functions cross the bridge; ipcRenderer itself never does.
const api: Api = buildApi((channel, input) => ipcRenderer.invoke(channel, input) as Promise<Envelope<unknown>>);

contextBridge.exposeInMainWorld('api', api);

// The record's key: create, unlock, recover (answered before the database is open).
const vault: VaultApi = buildVaultApi((channel, input) => ipcRenderer.invoke(channel, input));
contextBridge.exposeInMainWorld('vault', vault);

// Main-to-renderer events: one subscribe function that answers its own unsubscribe. The page never sees
// the IPC event object (it carries the sender), only the checked payload.
const appEvents: AppEventsBridge = {
  subscribe(event, listener) {
    if (!isAppEventName(event)) throw new Error(`appEvents.subscribe: unknown event '${String(event)}'`);
    if (typeof listener !== 'function') throw new Error('appEvents.subscribe: the listener must be a function');
    const channel = eventChannel(event);
    const handler = (_e: IpcRendererEvent, payload: unknown) => {
      const checked = checkEventPayload(event, payload);
      if (checked !== null) listener(checked);
    };
    ipcRenderer.on(channel, handler);
    return () => {
      ipcRenderer.removeListener(channel, handler);
    };
  },
};

contextBridge.exposeInMainWorld('appEvents', appEvents);
