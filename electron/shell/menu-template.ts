// The application menu, built as data from a few callbacks so its shape per platform is unit-tested
// without Electron (tests/unit/menu-template.test.ts). Commands that need the page (new patient, undo,
// print) are sent to it as typed events (shared/ipc/events.ts); the rest run in main.
import type { MenuItemConstructorOptions } from 'electron';
import { THEMES, type ThemeSetting } from '../../shared/domain/settings.ts';
import type { MenuCommand } from '../../shared/ipc/events.ts';

export interface MenuContext {
  platform: NodeJS.Platform;
  appName: string;
  /** Development run: adds Reload and the developer tools. */
  isDev: boolean;
  theme: ThemeSetting;
  command: (command: MenuCommand) => void;
  setTheme: (theme: ThemeSetting) => void;
  openDataFolder: () => void;
  showAbout: () => void;
}

const THEME_LABELS: Record<ThemeSetting, string> = {
  system: 'Follow the System',
  light: 'Light',
  dark: 'Dark',
  'high-contrast': 'High Contrast',
};

export function menuTemplate(ctx: MenuContext): MenuItemConstructorOptions[] {
  const mac = ctx.platform === 'darwin';
  const send = (command: MenuCommand) => () => ctx.command(command);
  const settings: MenuItemConstructorOptions = { label: mac ? 'Settings…' : 'Settings', accelerator: 'CmdOrCtrl+,', click: send('open-settings') };
  const about: MenuItemConstructorOptions = { label: `About ${ctx.appName}`, click: () => ctx.showAbout() };

  const appMenu: MenuItemConstructorOptions[] = mac
    ? [
        {
          label: ctx.appName,
          submenu: [about, { type: 'separator' }, settings, { type: 'separator' }, { role: 'services' }, { type: 'separator' },
            { role: 'hide' }, { role: 'hideOthers' }, { role: 'unhide' }, { type: 'separator' }, { role: 'quit' }],
        },
      ]
    : [];

  const file: MenuItemConstructorOptions = {
    label: '&File',
    submenu: [
      { label: 'New Patient…', accelerator: 'CmdOrCtrl+N', click: send('new-patient') },
      { label: 'New Session', accelerator: 'CmdOrCtrl+Shift+N', click: send('new-session') },
      { label: 'Find Patient…', accelerator: 'CmdOrCtrl+F', click: send('find-patient') },
      { type: 'separator' },
      { label: 'Print Summary…', accelerator: 'CmdOrCtrl+P', click: send('print-summary') },
      { type: 'separator' },
      { label: 'Export Everything…', click: send('export-data') },
      { label: 'Import into an Empty Database…', click: send('import-data') },
      { type: 'separator' },
      { label: 'Back Up Now', click: send('backup-now') },
      { label: 'Restore a Backup…', click: send('restore-backup') },
      ...(mac ? [{ type: 'separator' } as const, { role: 'close' } as const] : [{ type: 'separator' } as const, settings, { type: 'separator' } as const, { role: 'quit' } as const]),
    ],
  };

  // Undo and redo go to the page, which knows whether a text field (its own undo) or the chart (the
  // site history) has the focus. The shortcut is shown but left to the page on Windows and Linux.
  const edit: MenuItemConstructorOptions = {
    label: '&Edit',
    submenu: [
      { label: 'Undo', accelerator: 'CmdOrCtrl+Z', registerAccelerator: false, click: send('undo') },
      { label: 'Redo', accelerator: mac ? 'Shift+Cmd+Z' : 'Ctrl+Y', registerAccelerator: false, click: send('redo') },
      { type: 'separator' },
      { role: 'cut' },
      { role: 'copy' },
      { role: 'paste' },
      ...(mac ? [{ role: 'pasteAndMatchStyle' } as const] : []),
      { role: 'delete' },
      { type: 'separator' },
      // Ctrl+A belongs to the page as well: in a field it selects the text, on the chart every site.
      { role: 'selectAll', registerAccelerator: false },
    ],
  };

  const view: MenuItemConstructorOptions = {
    label: '&View',
    submenu: [
      { role: 'zoomIn', accelerator: 'CmdOrCtrl+=' },
      { role: 'zoomOut' },
      { role: 'resetZoom', label: 'Actual Size' },
      { type: 'separator' },
      { role: 'togglefullscreen' },
      { type: 'separator' },
      {
        label: 'Theme',
        submenu: THEMES.map((theme) => ({
          label: THEME_LABELS[theme],
          type: 'radio' as const,
          checked: ctx.theme === theme,
          click: () => ctx.setTheme(theme),
        })),
      },
      ...(ctx.isDev ? [{ type: 'separator' } as const, { role: 'reload' } as const, { role: 'toggleDevTools' } as const] : []),
    ],
  };

  const help: MenuItemConstructorOptions = {
    role: 'help',
    label: '&Help',
    submenu: [
      { label: 'Keyboard Shortcuts', accelerator: 'F1', click: send('show-shortcuts') },
      { type: 'separator' },
      { label: 'Open Data Folder', click: () => ctx.openDataFolder() },
      ...(mac ? [] : [{ type: 'separator' } as const, about]),
    ],
  };

  return [...appMenu, file, edit, view, ...(mac ? [{ role: 'windowMenu' } as const] : []), help];
}
