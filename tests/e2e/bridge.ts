import type { Page } from '@playwright/test';
import { startBackend, type Backend } from '../../electron/backend.ts';
import { CHANNELS } from '../../shared/ipc/channels.ts';
import { MIGRATIONS_DIR } from '../helpers/temp.ts';

/**
 * Gives the built renderer the same window.api the preload gives it in Electron: one function per
 * contract channel, each calling the very dispatcher main registers, on a real SQLite file.
 */
export async function attachBackend(page: Page, dataDirectory: string): Promise<Backend> {
  const backend = await startBackend({ dataDirectory, migrationsDir: MIGRATIONS_DIR, appVersion: '0.0.0-e2e' });
  await page.exposeFunction('__toxinmapInvoke', (channel: string, input: unknown) => backend.dispatch(channel, input));
  await page.addInitScript((channels: readonly string[]) => {
    const invoke = (window as unknown as { __toxinmapInvoke: (c: string, i: unknown) => Promise<unknown> }).__toxinmapInvoke;
    const api: Record<string, Record<string, (input: unknown) => Promise<unknown>>> = {};
    for (const channel of channels) {
      const [domain, verb] = channel.split(':') as [string, string];
      (api[domain] ??= {})[verb] = (input: unknown) => invoke(channel, input);
    }
    Object.defineProperty(window, 'api', { value: Object.freeze(api), writable: false });
  }, CHANNELS);
  return backend;
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
