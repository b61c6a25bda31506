// The record's key from the page: a first start (with the OS key store, or a practice passphrase where
// there is none), the recovery key printed or copied and confirmed, the passphrase asked at the next start,
// the recovery key on a new computer, and Settings → Encryption with the unencrypted copies removed.
import fs from 'node:fs';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { dataPaths } from '../../electron/db/backup.ts';
import { fileFormat } from '../../electron/db/cipher.ts';
import { openDatabase } from '../../electron/db/open.ts';
import { keyFilePath, readKeyFile, unwrapKey } from '../../electron/vault/key-file.ts';
import { formatRecoveryKey } from '../../electron/vault/recovery-key.ts';
import type { VaultStatus } from '../../shared/ipc/vault-contract.ts';
import { seedClinic } from '../helpers/seed-sql.ts';
import { MIGRATIONS_DIR, removeDir, tempDir } from '../helpers/temp.ts';
import { attachBackend, attachGate, collectPageProblems, testKeyStore } from './bridge.ts';
import { shootBoth } from './canvas.ts';

const SHOTS = 'test-results/vault';
const PASSPHRASE = 'our clinic opens at eight';

test.beforeAll(() => fs.mkdirSync(SHOTS, { recursive: true }));

const screen = (page: Page) => page.getByTestId('vault-screen');
const alert = (page: Page) => page.getByRole('alert');
const patientsOpen = (page: Page) => expect(page.getByRole('heading', { name: 'Patients', level: 1 })).toBeVisible();

async function shownKey(page: Page): Promise<string> {
  // Read only once all 11 groups are on screen (the key comes from the gate asynchronously).
  await expect(page.getByTestId('recovery-key').first().locator('li')).toHaveCount(11);
  return (await page.getByTestId('recovery-key').locator('li').allTextContents()).join('-');
}

/** A record made through the gate's channels (the page flow is tested in the first tests), then closed. */
async function madeRecord(page: Page, dir: string): Promise<string> {
  const gate = await attachGate(page, dir);
  await gate.begin();
  const made = await gate.dispatchVault('vault:create', {});
  const recoveryKey = made.ok ? (made.value as Extract<VaultStatus, { state: 'recovery-key' }>).recoveryKey : '';
  await gate.dispatchVault('vault:confirmRecoveryKey', { lastGroup: recoveryKey.slice(-5) });
  const created = await gate.dispatchApp('patient:create', { mrn: 'NC-0042', familyName: 'Okafor', givenName: 'Ada', birthDate: '1968-04-12' });
  expect(created.ok).toBe(true);
  gate.close();
  return recoveryKey;
}

test('a first start with an OS key store: the key made, the recovery key printed, copied and confirmed, then the app', async ({ page, context }) => {
  const dir = tempDir('toxinmap-e2e-vault-');
  const gate = await attachGate(page, dir);
  const problems = collectPageProblems(page);
  try {
    expect((await gate.begin()).state).toBe('create');
    await page.goto('/');
    await expect(screen(page)).toHaveAttribute('data-state', 'create');
    await expect(page.getByRole('heading', { name: 'Protect the patient record on this computer' })).toBeVisible();
    await expect(screen(page)).toContainText('secure key store (Test key store)');
    await expect(page.getByTestId('vault-passphrase')).toHaveCount(0);
    // Until the record is open, the app's channels answer LOCKED.
    expect(await page.evaluate(() => (window as unknown as { api: { patient: { search: (i: unknown) => Promise<unknown> } } }).api.patient.search({ query: '' }))).toMatchObject({ ok: false, error: { code: 'LOCKED' } });
    await expect(page.getByTestId('vault-create')).toBeFocused();
    await shootBoth(page, `${SHOTS}/create-os-store`);
    await page.keyboard.press('Enter');

    await expect(screen(page)).toHaveAttribute('data-state', 'recovery-key');
    await expect(screen(page)).toContainText('nobody can read the record: not the practice, not an IT service, not ToxinMap support');
    const recoveryKey = await shownKey(page);
    expect(recoveryKey).toMatch(/^([0-9A-Z]{5}-){10}[0-9A-Z]{5}$/);
    // A reload shows the same key again (it is not confirmed yet).
    await page.reload();
    await expect(screen(page)).toHaveAttribute('data-state', 'recovery-key');
    expect(await shownKey(page)).toBe(recoveryKey);
    await expect(page.getByTestId('vault-last-group')).toBeFocused();

    // Print: only the key sheet is on paper.
    await page.evaluate(() => {
      window.print = () => {
        (window as unknown as { printedWith: string }).printedWith = document.documentElement.className;
      };
    });
    await page.getByTestId('print-recovery-key').click();
    expect(await page.evaluate(() => (window as unknown as { printedWith: string }).printedWith)).toContain('printing-recovery-key');
    await expect(page.locator('html')).not.toHaveClass(/printing-recovery-key/);
    await page.evaluate(() => document.documentElement.classList.add('printing-recovery-key'));
    await page.emulateMedia({ media: 'print' });
    const sheet = page.locator('.recovery-print');
    await expect(sheet).toBeVisible();
    await expect(screen(page)).toBeHidden();
    await expect(sheet).toContainText('Where to keep it');
    await expect(sheet).toContainText(recoveryKey);
    await page.screenshot({ path: `${SHOTS}/print-sheet.png` });
    await page.emulateMedia({ media: 'screen' });
    await page.evaluate(() => document.documentElement.classList.remove('printing-recovery-key'));
    await expect(sheet).toBeHidden();

    // Copy: the key as printed, on the clipboard.
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.getByTestId('copy-recovery-key').click();
    await expect(page.getByTestId('recovery-key').getByRole('status')).toContainText('Copied');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(recoveryKey);

    const last = recoveryKey.slice(-5);
    const field = page.getByTestId('vault-last-group');
    await field.fill(last === 'ZZZZZ' ? 'YYYYY' : 'ZZZZZ');
    await field.press('Enter');
    await expect(alert(page)).toContainText('That is not the last group of the recovery key');
    await expect(screen(page)).toHaveAttribute('data-state', 'recovery-key');
    await shootBoth(page, `${SHOTS}/recovery-key-wrong-group`);
    await field.fill(last.toLowerCase());
    await field.press('Enter');
    await patientsOpen(page);
    await expect(screen(page)).toHaveCount(0);
    expect(readKeyFile(dir)).toMatchObject({ protection: 'os', recoveryConfirmedAt: expect.any(String) });
    expect(fileFormat(dataPaths(dir).file)).toBe('encrypted');
    // And a reload opens straight into the app.
    await page.reload();
    await patientsOpen(page);
    expect(problems).toEqual([]);
  } finally {
    gate.close();
    removeDir(dir);
  }
});

test('no OS key store: a practice passphrase chosen (too short refused), then asked at the next start', async ({ page, browser }) => {
  const dir = tempDir('toxinmap-e2e-vault-pass-');
  const gate = await attachGate(page, dir, { osStore: null });
  const problems = collectPageProblems(page);
  try {
    await gate.begin();
    await page.goto('/');
    await expect(screen(page)).toHaveAttribute('data-state', 'create');
    await expect(screen(page)).toContainText('This computer offers no secure key store');
    await expect(screen(page)).toContainText('at least 12 characters');
    const first = page.getByTestId('vault-passphrase');
    await expect(first).toBeFocused();
    await shootBoth(page, `${SHOTS}/create-passphrase`);
    await first.fill('short words');
    await page.getByTestId('vault-passphrase-again').fill('short words');
    await page.keyboard.press('Enter');
    await expect(alert(page)).toContainText('at least 12 characters; this one has 11');
    await expect(first).toHaveAttribute('aria-invalid', 'true');
    await shootBoth(page, `${SHOTS}/create-passphrase-too-short`);
    await first.fill(PASSPHRASE);
    await page.getByTestId('vault-passphrase-again').fill(`${PASSPHRASE}.`);
    await page.keyboard.press('Enter');
    await expect(alert(page)).toContainText('The two passphrases differ');
    await page.getByTestId('vault-passphrase-again').fill(PASSPHRASE);
    await page.keyboard.press('Enter');
    await expect(screen(page)).toHaveAttribute('data-state', 'recovery-key');
    await shootBoth(page, `${SHOTS}/recovery-key`);
    const recoveryKey = await shownKey(page);
    await page.getByTestId('vault-last-group').fill(recoveryKey.slice(-5));
    await page.keyboard.press('Enter');
    await patientsOpen(page);
    expect(readKeyFile(dir)).toMatchObject({ protection: 'passphrase' });
    expect(problems).toEqual([]);
  } finally {
    gate.close();
  }

  // The next start, on the same folder: the passphrase is asked.
  const next = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  const gate2 = await attachGate(next, dir, { osStore: null });
  const problems2 = collectPageProblems(next);
  try {
    expect((await gate2.begin()).state).toBe('unlock');
    await next.goto('/');
    await expect(screen(next)).toHaveAttribute('data-state', 'unlock');
    const field = next.getByTestId('vault-unlock-passphrase');
    await expect(field).toBeFocused();
    await shootBoth(next, `${SHOTS}/unlock`);
    await field.fill('our clinic opens at nine');
    await field.press('Enter');
    await expect(alert(next)).toContainText('That is not the practice passphrase');
    await expect(field).toBeFocused();
    await shootBoth(next, `${SHOTS}/unlock-wrong`);
    // The way out when the passphrase is forgotten (and back).
    await next.getByTestId('vault-use-recovery-key').click();
    await expect(next.getByTestId('vault-recovery-key')).toBeFocused();
    await expect(next.getByTestId('vault-passphrase')).toBeVisible();
    await shootBoth(next, `${SHOTS}/unlock-use-recovery-key`);
    await next.getByRole('button', { name: 'Back to the passphrase' }).click();
    await next.reload();
    await expect(field).toBeFocused();
    await field.fill(PASSPHRASE);
    await field.press('Enter');
    await patientsOpen(next);
    expect(problems2).toEqual([]);
  } finally {
    gate2.close();
    await next.close();
    removeDir(dir);
  }
});

test('a new computer: the recovery key asked, a typo refused with the reason, the right key (typed loosely) opens the record', async ({ page, browser }) => {
  const dir = tempDir('toxinmap-e2e-vault-old-');
  const copied = tempDir('toxinmap-e2e-vault-new-');
  const bare = tempDir('toxinmap-e2e-vault-bare-');
  const recoveryKey = await madeRecord(page, dir);
  fs.cpSync(dir, copied, { recursive: true });
  fs.rmSync(keyFilePath(copied));
  fs.cpSync(copied, bare, { recursive: true });
  const fresh = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  const gate = await attachGate(fresh, copied);
  const problems = collectPageProblems(fresh);
  try {
    expect((await gate.begin()).state).toBe('recover');
    await fresh.goto('/');
    await expect(screen(fresh)).toHaveAttribute('data-state', 'recover');
    await expect(fresh.getByTestId('vault-recover-reason')).toContainText('This computer has no key for the encrypted record in this folder');
    await expect(screen(fresh)).toContainText('cannot be read by anyone, including ToxinMap support');
    // The OS key store keeps the key from now on: no passphrase asked.
    await expect(fresh.getByTestId('vault-passphrase')).toHaveCount(0);
    const field = fresh.getByTestId('vault-recovery-key');
    await expect(field).toBeFocused();
    await shootBoth(fresh, `${SHOTS}/recover`);
    const i = 7;
    const typo = recoveryKey.slice(0, i) + (recoveryKey[i] === 'A' ? 'B' : 'A') + recoveryKey.slice(i + 1);
    await field.fill(typo);
    await field.press('Enter');
    await expect(alert(fresh)).toContainText('This recovery key has a typo');
    await expect(screen(fresh)).toHaveAttribute('data-state', 'recover');
    await shootBoth(fresh, `${SHOTS}/recover-typo`);
    await field.fill(` ${recoveryKey.toLowerCase().replace(/-/g, ' ')} `);
    await field.press('Enter');
    await patientsOpen(fresh);
    await fresh.getByTestId('patient-search').fill('Okafor');
    await expect(fresh.getByTestId('patient-results')).toContainText('NC-0042');
    expect(readKeyFile(copied)).toMatchObject({ protection: 'os' });
    expect(problems).toEqual([]);
  } finally {
    gate.close();
    await fresh.close();
  }

  // A new computer without a key store: the recovery key and a new practice passphrase.
  const noStore = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  const gate2 = await attachGate(noStore, bare, { osStore: null });
  try {
    await gate2.begin();
    await noStore.goto('/');
    await expect(screen(noStore)).toHaveAttribute('data-state', 'recover');
    await noStore.getByTestId('vault-recovery-key').fill(recoveryKey);
    await noStore.getByTestId('vault-passphrase').fill(PASSPHRASE);
    await noStore.getByTestId('vault-passphrase-again').fill(PASSPHRASE);
    await shootBoth(noStore, `${SHOTS}/recover-with-passphrase`);
    await noStore.getByTestId('vault-passphrase-again').press('Enter');
    await patientsOpen(noStore);
    expect(readKeyFile(bare)).toMatchObject({ protection: 'passphrase' });
  } finally {
    gate2.close();
    await noStore.close();
    for (const d of [dir, copied, bare]) removeDir(d);
  }
});

test('an unencrypted record from an earlier version: said before it is encrypted, then opens encrypted', async ({ page }) => {
  const dir = tempDir('toxinmap-e2e-vault-plain-');
  const { db } = await openDatabase({ file: dataPaths(dir).file, migrationsDir: MIGRATIONS_DIR, auditAuthor: () => 'Dr. Rivera', key: null });
  seedClinic(db);
  db.close();
  const gate = await attachGate(page, dir);
  const problems = collectPageProblems(page);
  try {
    expect(await gate.begin()).toMatchObject({ state: 'create', unencryptedRecord: true });
    await page.goto('/');
    await expect(page.getByTestId('vault-unencrypted-record')).toContainText('The record already on this computer will be encrypted now');
    await shootBoth(page, `${SHOTS}/create-unencrypted-record`);
    await page.keyboard.press('Enter');
    await expect(screen(page)).toHaveAttribute('data-state', 'recovery-key');
    const recoveryKey = await shownKey(page);
    await page.getByTestId('vault-last-group').fill(recoveryKey.slice(-5));
    await page.keyboard.press('Enter');
    await patientsOpen(page);
    expect(fileFormat(dataPaths(dir).file)).toBe('encrypted');
    expect(problems).toEqual([]);
  } finally {
    gate.close();
    removeDir(dir);
  }
});

test('Settings → Encryption: how the key is kept, the recovery key shown again, unencrypted copies removed after confirmation', async ({ page }) => {
  const dir = tempDir('toxinmap-e2e-vault-settings-');
  // Seeded unencrypted (as an earlier version left it); the app encrypts it when it opens.
  const { db } = await openDatabase({ file: dataPaths(dir).file, migrationsDir: MIGRATIONS_DIR, auditAuthor: () => 'Dr. Rivera', key: null });
  seedClinic(db);
  db.close();
  const backend = await attachBackend(page, dir);
  const problems = collectPageProblems(page);
  try {
    await page.goto('/');
    await page.getByRole('button', { name: 'Settings' }).click();
    const card = page.getByTestId('encryption-card');
    await expect(card.getByTestId('encryption-cipher')).toContainText('SQLCipher v4');
    await expect(card.getByTestId('encryption-protection')).toContainText('the system key store of this computer (Test key store)');
    const file = readKeyFile(dir);
    if (!file) throw new Error('no key file');
    await expect(card.getByTestId('encryption-key-id')).toHaveText(file.keyId.match(/.{4}/g)?.join(' ') ?? '');
    const copies = card.getByTestId('unencrypted-copies');
    await expect(copies).toContainText('toxinmap.sqlite.unencrypted');
    const listed = await copies.locator('tbody tr').count();
    expect(listed).toBeGreaterThan(0);
    await shootBoth(page, `${SHOTS}/settings-card`, card);

    await card.getByTestId('show-recovery-key').click();
    const unwrapped = unwrapKey(file, { osStore: testKeyStore() });
    if (!unwrapped.ok) throw new Error(unwrapped.reason);
    expect(await shownKey(page)).toBe(formatRecoveryKey(unwrapped.key));
    await shootBoth(page, `${SHOTS}/settings-recovery-key`, page.getByTestId('recovery-key'));
    await card.getByTestId('show-recovery-key').click();
    await expect(page.getByTestId('recovery-key')).toHaveCount(0);

    // Asked first; Cancel removes nothing.
    await card.getByTestId('remove-unencrypted').click();
    await expect(card.getByTestId('confirm-remove-unencrypted')).toBeFocused();
    await expect(card).toContainText('This cannot be undone');
    await shootBoth(page, `${SHOTS}/settings-remove-confirm`, copies);
    await card.getByRole('button', { name: 'Cancel' }).press('Enter');
    await expect(card.getByTestId('remove-unencrypted')).toBeFocused();
    const kept = (await copies.locator('tbody td.mono').allTextContents()).filter((f) => f.endsWith('toxinmap.sqlite.unencrypted'));
    expect(kept.length).toBe(1);
    expect(path.dirname(kept[0] ?? '')).toBe(dataPaths(dir).replacedDir);
    expect(fs.existsSync(kept[0] ?? '')).toBe(true);
    await page.keyboard.press('Enter');
    await expect(card.getByTestId('confirm-remove-unencrypted')).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(card.getByTestId('unencrypted-removed')).toContainText(`Removed ${listed} unencrypted cop`);
    await expect(copies).toHaveCount(0);
    expect(fs.existsSync(kept[0] ?? '')).toBe(false);
    await shootBoth(page, `${SHOTS}/settings-removed`, card);
    expect(problems).toEqual([]);
  } finally {
    backend.close();
    removeDir(dir);
  }
});
