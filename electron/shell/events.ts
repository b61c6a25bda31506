import type { BrowserWindow } from 'electron';
import { eventChannel, type AppEventName, type AppEvents } from '../../shared/ipc/events.ts';

/** Sends a typed main-to-renderer event (shared/ipc/events.ts) to the window's page, if it is still there. */
export function sendAppEvent<E extends AppEventName>(win: BrowserWindow | null, event: E, payload: AppEvents[E]): void {
  if (!win || win.isDestroyed()) return;
  win.webContents.send(eventChannel(event), payload);
}
