/**
 * Main-to-renderer events, beside the request/answer contract: the application menu's commands, and
 * "the settings changed" (a theme picked in the View menu). The preload exposes them as
 * `window.appEvents.subscribe(event, listener)`, which answers an unsubscribe function; the end-to-end
 * bridge gives the page the same function. Payloads are tiny and checked on arrival (the list of
 * commands below), so the preload stays free of schemas.
 */

/** What a menu item asks the window to do; the main process handles About, Quit and the like itself. */
export const MENU_COMMANDS = [
  'new-patient',
  'new-session',
  'find-patient',
  'print-summary',
  'export-data',
  'import-data',
  'backup-now',
  'restore-backup',
  'open-settings',
  'undo',
  'redo',
  'show-shortcuts',
] as const;
export type MenuCommand = (typeof MENU_COMMANDS)[number];

export interface AppEvents {
  'menu:command': { command: MenuCommand };
  /** Something changed the settings outside the page (the View → Theme menu); read them again with settings:get. */
  'settings:changed': Record<string, never>;
  /** How far a print or PDF export has come, so the screen can say so while main works. */
  'export:progress': { stage: ExportStage };
}

/** The steps of a print or PDF export, in order; 'done' and 'failed' end it. */
export const EXPORT_STAGES = ['preparing', 'rendering', 'printing', 'writing', 'done', 'failed'] as const;
export type ExportStage = (typeof EXPORT_STAGES)[number];
export type AppEventName = keyof AppEvents;

export const APP_EVENTS = ['menu:command', 'settings:changed', 'export:progress'] as const satisfies readonly AppEventName[];

export type AppEventListener<E extends AppEventName> = (payload: AppEvents[E]) => void;
export type Subscribe = <E extends AppEventName>(event: E, listener: AppEventListener<E>) => () => void;

/** window.appEvents */
export interface AppEventsBridge {
  subscribe: Subscribe;
}

/** The ipcRenderer channel an event travels on (kept apart from the invoke channels). */
export function eventChannel(event: AppEventName): string {
  return `app-event:${event}`;
}

export function isAppEventName(value: unknown): value is AppEventName {
  return typeof value === 'string' && (APP_EVENTS as readonly string[]).includes(value);
}

/** A payload as it arrived, checked before a listener sees it; null when it is not what the event carries. */
export function checkEventPayload<E extends AppEventName>(event: E, payload: unknown): AppEvents[E] | null {
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) return null;
  switch (event) {
    case 'menu:command': {
      const command = (payload as { command?: unknown }).command;
      return typeof command === 'string' && (MENU_COMMANDS as readonly string[]).includes(command)
        ? ({ command } as AppEvents[E])
        : null;
    }
    case 'settings:changed':
      return {} as AppEvents[E];
    case 'export:progress': {
      const stage = (payload as { stage?: unknown }).stage;
      return typeof stage === 'string' && (EXPORT_STAGES as readonly string[]).includes(stage) ? ({ stage } as AppEvents[E]) : null;
    }
    default:
      return null;
  }
}
