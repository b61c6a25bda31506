import { useEffect, useRef } from 'react';
import { checkEventPayload, type AppEventName, type AppEvents, type AppEventsBridge, type MenuCommand } from '../../shared/ipc/events.ts';

declare global {
  interface Window {
    /** Main-to-renderer events (menu commands, settings changed); absent in a plain browser. */
    appEvents?: AppEventsBridge;
  }
}

/** Subscribes while the component is mounted; the handler may change between renders without resubscribing. */
export function useAppEvent<E extends AppEventName>(event: E, handler: (payload: AppEvents[E]) => void): void {
  const latest = useRef(handler);
  useEffect(() => {
    latest.current = handler;
  });
  useEffect(() => {
    const bridge = window.appEvents;
    if (!bridge) return undefined;
    return bridge.subscribe(event, (payload) => {
      // Checked here too: the page trusts no payload it did not check itself.
      const checked = checkEventPayload(event, payload);
      if (checked !== null) latest.current(checked);
    });
  }, [event]);
}

type CommandHandler = () => void;
const commandHandlers = new Map<MenuCommand, CommandHandler[]>();
/** A command sent while no screen handled it, to run when one that does mounts (after navigating there). */
let queued: MenuCommand | null = null;

/**
 * A screen takes over a menu command while it is mounted (the chart owns Undo; the patient screen owns
 * New session). The most recently mounted handler wins; App falls back to its own when none is mounted.
 */
export function useMenuCommand(command: MenuCommand, handler: CommandHandler): void {
  const latest = useRef(handler);
  useEffect(() => {
    latest.current = handler;
  });
  useEffect(() => {
    const entry: CommandHandler = () => latest.current();
    const list = commandHandlers.get(command) ?? [];
    commandHandlers.set(command, [...list, entry]);
    if (queued === command) {
      queued = null;
      entry();
    }
    return () => {
      commandHandlers.set(command, (commandHandlers.get(command) ?? []).filter((h) => h !== entry));
    };
  }, [command]);
}

/** Keeps the command for the next screen that handles it (App navigates there right after). */
export function queueMenuCommand(command: MenuCommand): void {
  queued = command;
}

/** Runs the screen's handler for the command; false when no screen handles it. */
export function runMenuCommand(command: MenuCommand): boolean {
  const handler = commandHandlers.get(command)?.at(-1);
  if (!handler) return false;
  handler();
  return true;
}
