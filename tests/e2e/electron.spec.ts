// The real shell: the built app launched in Electron itself (app:// protocol, preload, IPC, menu, window
// state, log file). Runs wherever the Electron binary and the Electron build of the SQLite binding are
// present (`npx install-electron` and `node tools/ensure-electron-native.mjs` on a machine with network)
// and a display exists (xvfb-run on a headless Linux); elsewhere it is skipped and says why.
import fs from 'node:fs';
import path from 'node:path';
import { _electron as electron, expect, test, type ElectronApplication, type Page } from '@playwright/test';
import { electronNativeBinding } from '../../electron/native.ts';
import { removeDir, tempDir } from '../helpers/temp.ts';
import { pagePoint, regionPoint } from './canvas.ts';

const root = path.resolve(import.meta.dirname, '../..');
const electronPkg = path.join(root, 'node_modules', 'electron');

/** The Electron binary, found the way electron's own index.js does, without require('electron') (which would download it). */
function electronBinary(): string | null {
  const pathFile = path.join(electronPkg, 'path.txt');
  if (!fs.existsSync(pathFile)) return null;
  const binary = path.join(electronPkg, 'dist', fs.readFileSync(pathFile, 'utf8').trim());
  return fs.existsSync(binary) ? binary : null;
}

function whyNot(): string | null {
  if (!electronBinary()) return 'no Electron binary in node_modules/electron (run `npx install-electron` on a machine with network)';
  const version = JSON.parse(fs.readFileSync(path.join(electronPkg, 'package.json'), 'utf8')).version as string;
  const native = electronNativeBinding(root, version);
  if (!native) return `no Electron build of the SQLite binding in .cache/electron-native (run \`node tools/ensure-electron-native.mjs\`)`;
  if (!fs.existsSync(path.join(root, 'dist-electron', 'main.cjs'))) return 'the app is not built (run `npm run build`)';
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) return 'no display (run the tests under xvfb-run)';
  return null;
}

const reason = whyNot();
// Said out loud, so a green run here is never mistaken for a tested shell.
if (reason !== null) console.log(`electron.spec.ts skipped: ${reason}`);
test.skip(reason !== null, `Electron shell not tested here: ${reason ?? ''}`);

const MRN = 'EL-7007';
const FAMILY = 'Brennan';
const GIVEN = 'Siobhan';

async function launch(userData: string): Promise<{ app: ElectronApplication; win: Page; requests: string[] }> {
  const app = await electron.launch({
    executablePath: electronBinary() as string,
    args: [root, `--user-data-dir=${userData}`],
    env: { ...process.env, TOXINMAP_DEV_SERVER_URL: '' },
  });
  const requests: string[] = [];
  app.context().on('request', (r) => requests.push(r.url()));
  const win = await app.firstWindow();
  await throughVault(win);
  await expect(win.getByTestId('patient-search')).toBeVisible({ timeout: 30_000 });
  return { app, win, requests };
}

const PRACTICE_PASSPHRASE = 'a practice passphrase for the shell test';

/**
 * The vault screens as the real shell shows them: at the first start the key is made (with a practice
 * passphrase where the system has no key store, as on a Linux runner without a keyring) and the recovery key
 * confirmed; at a later start the passphrase is asked only if the key is kept by one.
 */
async function throughVault(win: Page): Promise<void> {
  const screen = win.getByTestId('vault-screen');
  const app = win.getByTestId('patient-search');
  await expect(screen.or(app).first()).toBeVisible({ timeout: 30_000 });
  if (!(await screen.isVisible())) return;
  const state = await screen.getAttribute('data-state');
  if (state === 'create') {
    if ((await win.getByTestId('vault-passphrase').count()) > 0) {
      await win.getByTestId('vault-passphrase').fill(PRACTICE_PASSPHRASE);
      await win.getByTestId('vault-passphrase-again').fill(PRACTICE_PASSPHRASE);
    }
    await win.keyboard.press('Enter');
    await expect(screen).toHaveAttribute('data-state', 'recovery-key');
    const groups = await win.getByTestId('recovery-key').locator('li').allTextContents();
    await win.getByTestId('vault-last-group').fill((groups.at(-1) ?? '').trim().slice(0, 5));
    await win.keyboard.press('Enter');
  } else if (state === 'unlock') {
    await win.getByTestId('vault-unlock-passphrase').fill(PRACTICE_PASSPHRASE);
    await win.keyboard.press('Enter');
  }
}

test('the installed shell: app:// origin, a patient charted through real IPC, menu, theme, window state, a clean log', async () => {
  const userData = tempDir('toxinmap-electron-');
  try {
    let { app, win, requests } = await launch(userData);
    expect(new URL(win.url()).origin).toBe('app://toxinmap');
    expect(await win.evaluate(() => [typeof (window as unknown as { require?: unknown }).require, typeof window.api?.patient.create])).toEqual(['undefined', 'function']);

    await win.getByRole('button', { name: 'Add patient' }).click();
    await win.getByTestId('new-mrn').fill(MRN);
    await win.getByTestId('new-family').fill(FAMILY);
    await win.getByTestId('new-given').fill(GIVEN);
    await win.getByTestId('new-dob').fill('1972-08-19');
    await win.getByTestId('save-patient').click();
    await expect(win.getByTestId('patient-name')).toHaveText(`${FAMILY.toUpperCase()}, ${GIVEN}`);
    await win.getByTestId('indication').selectOption('chronic_migraine');
    await win.getByTestId('start-session').click();
    await expect(win.getByTestId('chart-canvas')).toBeVisible();
    const p = await pagePoint(win, regionPoint('frontalis', 'left'));
    await win.mouse.click(p.x, p.y);
    await win.keyboard.type('5');
    await win.keyboard.press('Enter');
    await expect(win.getByTestId('site-row')).toHaveCount(1);
    await expect(win.getByTestId('total-units')).toContainText('5 U');

    // Main listens on no IPC channel besides the contract's (each validated, sender checked).
    const listened = await app.evaluate(({ ipcMain }) => ipcMain.eventNames().map(String));
    expect(listened).not.toContain('__ELECTRON_LOG__');

    // The menu: File, Edit, View and Help (and the app menu on macOS); View → Theme → Dark reaches the page.
    const labels = await app.evaluate(({ Menu }) => Menu.getApplicationMenu()?.items.map((i) => i.label.replace('&', '')) ?? []);
    expect(labels).toEqual(expect.arrayContaining(['File', 'Edit', 'View', 'Help']));
    await app.evaluate(({ Menu }) => {
      const view = Menu.getApplicationMenu()?.items.find((i) => i.label.replace('&', '') === 'View');
      const theme = view?.submenu?.items.find((i) => i.label === 'Theme');
      theme?.submenu?.items.find((i) => i.label === 'Dark')?.click();
    });
    await expect(win.locator('html')).toHaveAttribute('data-theme', 'dark');

    // Nothing left the app's own origin.
    const outside = requests.filter((u) => !/^(app:\/\/toxinmap\/|data:|blob:|devtools:)/.test(u));
    expect(outside).toEqual([]);

    // Window state: moved and resized, then closed; the next start opens there.
    await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]?.setBounds({ x: 40, y: 30, width: 1100, height: 720 }));
    await win.waitForTimeout(1000);
    await app.close();
    const saved = JSON.parse(fs.readFileSync(path.join(userData, 'window-state.json'), 'utf8')) as { bounds: { width: number; height: number } };
    expect(saved.bounds).toMatchObject({ width: 1100, height: 720 });

    ({ app, win, requests } = await launch(userData));
    const bounds = await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]?.getBounds());
    expect(bounds).toMatchObject({ width: 1100, height: 720 });
    await expect(win.locator('html')).toHaveAttribute('data-theme', 'dark');
    await expect(win.getByRole('button', { name: `${FAMILY.toUpperCase()}, ${GIVEN}` })).toBeVisible();
    await app.close();

    const log = path.join(userData, 'logs', 'main.log');
    const text = fs.existsSync(log) ? fs.readFileSync(log, 'utf8').toLowerCase() : '';
    for (const secret of [FAMILY, GIVEN, MRN]) expect(text).not.toContain(secret.toLowerCase());
  } finally {
    removeDir(userData);
  }
});
