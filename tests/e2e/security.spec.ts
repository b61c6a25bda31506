import { expect, test } from '@playwright/test';
import { CHANNELS } from '../../shared/ipc/channels.ts';
import { removeDir, tempDir } from '../helpers/temp.ts';
import { attachBackend } from './bridge.ts';

test('the page runs under a strict content security policy and sees only the typed api', async ({ page }) => {
  const dir = tempDir('toxinmap-e2e-');
  const backend = await attachBackend(page, dir);
  const violations: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') violations.push(m.text());
  });
  try {
    await page.goto('/');
    await expect(page.getByRole('heading', { name: 'Patients' })).toBeVisible();
    const result = await page.evaluate(async () => {
      const w = window as unknown as Record<string, unknown>;
      const s = document.createElement('script');
      s.textContent = 'window.__inlineRan = true';
      document.body.append(s);
      let fetched: string;
      try {
        await fetch('https://example.com/');
        fetched = 'allowed';
      } catch {
        fetched = 'blocked';
      }
      const api = w.api as Record<string, Record<string, unknown>>;
      const shape = Object.fromEntries(Object.entries(api).map(([d, fns]) => [d, Object.keys(fns).map((k) => typeof fns[k])]));
      return { inlineRan: w.__inlineRan === true, fetched, hasRequire: typeof w.require, hasProcess: typeof w.process, shape };
    });
    expect(result.inlineRan).toBe(false);
    expect(result.fetched).toBe('blocked');
    expect(result.hasRequire).toBe('undefined');
    expect(result.hasProcess).toBe('undefined');
    const expected: Record<string, string[]> = {};
    for (const c of CHANNELS) (expected[c.split(':')[0] as string] ??= []).push('function');
    expect(result.shape).toEqual(expected);
    expect(violations.some((v) => v.includes('Content Security Policy'))).toBe(true);
  } finally {
    backend.close();
    removeDir(dir);
  }
});
