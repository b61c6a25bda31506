import { expect, test } from '@playwright/test';
import { removeDir, tempDir } from '../helpers/temp.ts';
import { attachBackend, collectPageProblems } from './bridge.ts';

test('a migraine session starts from the PREEMPT protocol, and the next one from the last map', async ({ page }) => {
  const dir = tempDir('toxinmap-e2e-');
  const backend = await attachBackend(page, dir);
  const problems = collectPageProblems(page);
  try {
    const created = await backend.dispatch('patient:create', { mrn: 'CM-0301', familyName: 'Haddad', givenName: 'Rania', birthDate: '1984-05-09' });
    expect(created.ok).toBe(true);
    await page.goto('/');
    await page.getByRole('button', { name: 'HADDAD, Rania' }).click();

    await page.getByTestId('indication').selectOption('chronic_migraine');
    await page.getByTestId('start-from').selectOption({ label: 'Protocol: PREEMPT fixed sites (31 sites, 155 U)' });
    await page.getByTestId('start-session').click();
    await expect(page.getByTestId('site-row')).toHaveCount(31);
    await expect(page.getByTestId('total-units')).toContainText('155 U');
    await page.getByRole('tab', { name: 'Head, neck and upper back, posterior' }).click();
    await page.screenshot({ path: 'test-results/preempt-posterior.png' });

    // Site 1 changed to 10 U, then the map kept as the clinician's own template.
    await page.getByRole('textbox', { name: 'Units at site 1', exact: true }).fill('10');
    await page.getByRole('textbox', { name: 'Units at site 1', exact: true }).press('Enter');
    await expect(page.getByTestId('total-units')).toContainText('160 U');
    await page.getByTestId('details-tab').click();
    await page.getByLabel('Template name').fill('Rania, follow the pain');
    await page.getByRole('button', { name: 'Save as template' }).click();
    await expect(page.getByText('Saved “Rania, follow the pain” (31 sites).')).toBeVisible();

    await page.getByRole('button', { name: 'Back to patient' }).click();
    await page.getByTestId('indication').selectOption('chronic_migraine');
    await page.getByTestId('start-from').selectOption({ index: 1 });
    await expect(page.getByTestId('start-from')).toContainText("Last session's map");
    await page.getByTestId('start-session').click();
    await expect(page.getByTestId('site-row')).toHaveCount(31);
    await expect(page.getByTestId('total-units')).toContainText('160 U');
    expect(problems).toEqual([]);
  } finally {
    backend.close();
    removeDir(dir);
  }
});
