import type { Page } from '@playwright/test';
import { startBackend, type Backend, type BackendOptions } from '../../electron/backend.ts';
import type { ExportShell } from '../../electron/services/exports.ts';
import { CHANNELS } from '../../shared/ipc/channels.ts';
import type { AppEventName, AppEvents } from '../../shared/ipc/events.ts';
import { testKeyStore } from '../helpers/key-store.ts';
import { MIGRATIONS_DIR } from '../helpers/temp.ts';
import { newDatabaseKey } from '../../electron/db/cipher.ts';
import { createVaultGate, type VaultGate } from '../../electron/vault/gate.ts';
import { protectKey, readKeyFile, writeKeyFile, type OsKeyStore } from '../../electron/vault/key-file.ts';
import { VAULT_CHANNELS } from '../../shared/ipc/vault-contract.ts';

export interface BridgeOptions {
  /**
   * Milliseconds to wait before answering a channel, as a busy or slow disk would (every write is on
   * disk before it is acknowledged): what the screen does while a change is in flight becomes testable.
   */
  slow?: Partial<Record<string, number>>;
  /** The shell's part of printing and saving (save dialog, print, PDF), played by the test. */
  exportShell?: ExportShell;
  /** The save and open dialogs of the full export and import, played by the test (default: cancelled). */
  dataFiles?: Pick<BackendOptions, 'chooseExportFile' | 'chooseImportFile'>;
}

export { testKeyStore };

export interface GateOptions extends BridgeOptions {
  /** The OS key store the app finds (default: one that works); null: none, a practice passphrase is needed. */
  osStore?: OsKeyStore | null;
}

/**
 * Gives the built renderer the same window.api and window.vault the preload gives it in Electron, each
 * calling the very dispatchers main registers (the vault gate in front of the backend), on a real,
 * encrypted SQLite file. The record opens only as the page unlocks it (see attachBackend for an open one).
 */
export async function attachGate(page: Page, dataDirectory: string, options: GateOptions = {}): Promise<VaultGate> {
  const gate = createVaultGate({
    dataDirectory,
    migrationsDir: MIGRATIONS_DIR,
    osStore: options.osStore === undefined ? testKeyStore() : options.osStore,
    failureDelay: () => 0,
    start: (databaseKey) =>
      startBackend({
        dataDirectory, migrationsDir: MIGRATIONS_DIR, appVersion: '0.0.0-e2e', databaseKey, ...(options.exportShell ? { exportShell: options.exportShell } : {}),
        ...options.dataFiles,
      }),
  });
  await page.exposeFunction('__toxinmapInvoke', async (channel: string, input: unknown) => {
    const delay = options.slow?.[channel];
    if (delay) await new Promise((resolve) => setTimeout(resolve, delay));
    return gate.dispatchApp(channel, input);
  });
  await page.exposeFunction('__toxinmapVault', (channel: string, input: unknown) => gate.dispatchVault(channel, input));
  await page.addInitScript(
    ([channels, vaultChannels]: readonly [readonly string[], readonly string[]]) => {
      const invoke = (window as unknown as { __toxinmapInvoke: (c: string, i: unknown) => Promise<unknown> }).__toxinmapInvoke;
      const api: Record<string, Record<string, (input: unknown) => Promise<unknown>>> = {};
      for (const channel of channels) {
        const [domain, verb] = channel.split(':') as [string, string];
        (api[domain] ??= {})[verb] = (input: unknown) => invoke(channel, input);
      }
      Object.defineProperty(window, 'api', { value: Object.freeze(api), writable: false });
      const invokeVault = (window as unknown as { __toxinmapVault: (c: string, i: unknown) => Promise<unknown> }).__toxinmapVault;
      const vault: Record<string, (input: unknown) => Promise<unknown>> = {};
      for (const channel of vaultChannels) vault[channel.slice('vault:'.length)] = (input: unknown) => invokeVault(channel, input);
      Object.defineProperty(window, 'vault', { value: Object.freeze(vault), writable: false });

      // window.appEvents as the preload gives it; the test plays the main process with emitAppEvent().
      const listeners = new Map<string, Set<(payload: unknown) => void>>();
      const appEvents = {
        subscribe(event: string, listener: (payload: unknown) => void) {
          const set = listeners.get(event) ?? new Set();
          listeners.set(event, set);
          set.add(listener);
          return () => {
            set.delete(listener);
          };
        },
      };
      Object.defineProperty(window, 'appEvents', { value: Object.freeze(appEvents), writable: false });
      Object.defineProperty(window, '__toxinmapEmit', {
        value: (event: string, payload: unknown) => {
          const set = listeners.get(event);
          for (const listener of set ?? []) listener(payload);
          return set?.size ?? 0;
        },
      });
    },
    [CHANNELS, VAULT_CHANNELS] as const,
  );
  return gate;
}

/**
 * The page with the record open, as a clinician finds it on every start after the first: encrypted with a
 * key kept by the (test) OS key store, the recovery key already confirmed.
 */
export async function attachBackend(page: Page, dataDirectory: string, options: BridgeOptions = {}): Promise<Backend> {
  if (!readKeyFile(dataDirectory)) {
    writeKeyFile(dataDirectory, protectKey(newDatabaseKey(), { osStore: testKeyStore(), at: new Date(), recoveryConfirmedAt: new Date().toISOString() }));
  }
  const gate = await attachGate(page, dataDirectory, options);
  const status = await gate.begin();
  const backend = gate.backend();
  if (!backend) throw new Error(`the record did not open: ${JSON.stringify(status)}`);
  return backend;
}

/**
 * Sends a main-to-renderer event to the page, as the Electron main process does with webContents.send
 * (a menu command, "settings changed"). Answers how many listeners the page had for it.
 */
export function emitAppEvent<E extends AppEventName>(page: Page, event: E, payload: AppEvents[E]): Promise<number> {
  return page.evaluate(
    ([e, p]) => (window as unknown as { __toxinmapEmit: (e: string, p: unknown) => number }).__toxinmapEmit(e, p),
    [event, payload] as const,
  );
}

/**
 * Console errors, page errors and CSP violations seen by the page; a clinical screen must have none.
 * Returns the live list, to be checked at the end of a test.
 */
export function collectPageProblems(page: Page): string[] {
  const problems: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error' || msg.type() === 'warning') problems.push(`${msg.type()}: ${msg.text()}`);
  });
  page.on('pageerror', (err) => problems.push(`pageerror: ${err.message}`));
  return problems;
}

/** One channel through the app's own dispatcher; answers the value, throws on an error envelope. */
export function call<T>(backend: Backend, channel: string, input: unknown): Promise<T> {
  return Promise.resolve(backend.dispatch(channel, input)).then((result) => {
    const r = result as { ok: true; value: T } | { ok: false; error: { code: string; message: string } };
    if (!r.ok) throw new Error(`${channel} failed: ${r.error.code} ${r.error.message}`);
    return r.value;
  });
}
