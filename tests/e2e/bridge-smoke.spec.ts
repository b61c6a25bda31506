import { expect, test } from '@playwright/test';
import { attachBackend } from './bridge.ts';
import { removeDir, tempDir } from '../helpers/temp.ts';

test('smoke', async ({ page }) => {
  const dir = tempDir();
  const backend = await attachBackend(page, dir);
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Patients' })).toBeVisible();
  backend.close();
  removeDir(dir);
});
