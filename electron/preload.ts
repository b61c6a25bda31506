import { contextBridge, ipcRenderer } from 'electron';
import { buildApi, type Api } from '../shared/ipc/api.ts';
import type { Envelope } from '../shared/ipc/result.ts';

// Only typed functions cross the bridge; ipcRenderer itself never does.
const api: Api = buildApi((channel, input) => ipcRenderer.invoke(channel, input) as Promise<Envelope<unknown>>);

contextBridge.exposeInMainWorld('api', api);
