import type { MenuItemConstructorOptions } from 'electron';
import { menuTemplate, type MenuContext } from '../../electron/shell/menu-template.ts';
import { MENU_COMMANDS, type MenuCommand } from '../../shared/ipc/events.ts';

function context(platform: NodeJS.Platform, over: Partial<MenuContext> = {}) {
  const sent: MenuCommand[] = [];
  const themes: string[] = [];
  const ctx: MenuContext = {
    platform, appName: 'ToxinMap', isDev: false, theme: 'system',
    command: (c) => sent.push(c), setTheme: (t) => themes.push(t), openDataFolder: () => sent.push('open-data' as MenuCommand),
    showAbout: () => sent.push('about' as MenuCommand), ...over,
  };
  return { ctx, sent, themes };
}

/** Every item of the menu, depth first, with the labels of the menus above it. */
function items(template: MenuItemConstructorOptions[], trail: string[] = []): Array<{ path: string; item: MenuItemConstructorOptions }> {
  return template.flatMap((item) => {
    const label = (item.label ?? item.role ?? item.type ?? '').replace('&', '');
    const here = [...trail, label];
    const sub = Array.isArray(item.submenu) ? items(item.submenu, here) : [];
    return [{ path: here.join(' > '), item }, ...sub];
  });
}

function click(item: MenuItemConstructorOptions) {
  (item.click as unknown as () => void)();
}

describe('the application menu', () => {
  it('on Windows and Linux: File, Edit, View, Help, with Settings and Quit in File and About in Help', () => {
    for (const platform of ['win32', 'linux'] as const) {
      const t = menuTemplate(context(platform).ctx);
      expect(t.map((m) => (m.label ?? m.role ?? '').replace('&', ''))).toEqual(['File', 'Edit', 'View', 'Help']);
      const paths = items(t).map((i) => i.path);
      expect(paths).toContain('File > Settings');
      expect(paths).toContain('File > quit');
      expect(paths).toContain('Help > About ToxinMap');
    }
  });

  it('on macOS: the app menu first (About, Settings…, Quit), a Window menu, and no Quit in File', () => {
    const t = menuTemplate(context('darwin').ctx);
    expect(t.map((m) => m.label ?? m.role)).toEqual(['ToxinMap', '&File', '&Edit', '&View', 'windowMenu', '&Help']);
    const paths = items(t).map((i) => i.path);
    expect(paths).toEqual(expect.arrayContaining(['ToxinMap > About ToxinMap', 'ToxinMap > Settings…', 'ToxinMap > quit', 'File > close']));
    expect(paths).not.toContain('File > quit');
  });

  it('sends every page command the events declare, and nothing else', () => {
    const { ctx, sent } = context('linux');
    for (const { item } of items(menuTemplate(ctx))) if (item.click && item.type !== 'radio') click(item);
    const commands = new Set(sent.filter((c) => (MENU_COMMANDS as readonly string[]).includes(c)));
    expect(commands).toEqual(new Set(MENU_COMMANDS));
    expect(sent).toContain('open-data');
    expect(sent).toContain('about');
  });

  it('has File and Edit shortcuts clinicians know, no two items sharing one', () => {
    const { ctx } = context('win32');
    const all = items(menuTemplate(ctx));
    const byPath = Object.fromEntries(all.map((i) => [i.path, i.item.accelerator]));
    expect(byPath['File > New Patient…']).toBe('CmdOrCtrl+N');
    expect(byPath['File > Print Summary…']).toBe('CmdOrCtrl+P');
    expect(byPath['Edit > Undo']).toBe('CmdOrCtrl+Z');
    expect(byPath['Edit > Redo']).toBe('Ctrl+Y');
    expect(byPath['Help > Keyboard Shortcuts']).toBe('F1');
    const accelerators = all.map((i) => i.item.accelerator).filter(Boolean);
    // Settings appears once per platform; every accelerator is unique.
    expect(new Set(accelerators).size).toBe(accelerators.length);
  });

  it('leaves undo, redo and select-all keys to the page, which knows whether a field or the chart has the focus', () => {
    const all = items(menuTemplate(context('linux').ctx));
    const undo = all.find((i) => i.path === 'Edit > Undo')?.item;
    expect(undo?.registerAccelerator).toBe(false);
    expect(undo?.role).toBeUndefined();
    expect(all.find((i) => i.path === 'Edit > Redo')?.item.registerAccelerator).toBe(false);
    expect(all.find((i) => i.path === 'Edit > selectAll')?.item.registerAccelerator).toBe(false);
  });

  it('shows the theme in use as a radio choice, and choosing one sets it', () => {
    const { ctx, themes } = context('linux', { theme: 'dark' });
    const themeItems = items(menuTemplate(ctx)).filter((i) => i.path.startsWith('View > Theme > '));
    expect(themeItems.map((i) => [i.item.label, i.item.checked])).toEqual([
      ['Follow the System', false],
      ['Light', false],
      ['Dark', true],
      ['High Contrast', false],
    ]);
    click(themeItems[3]!.item);
    expect(themes).toEqual(['high-contrast']);
  });

  it('offers reload and developer tools only in a development run', () => {
    const roles = (isDev: boolean) => items(menuTemplate(context('linux', { isDev }).ctx)).map((i) => i.item.role);
    expect(roles(false)).not.toContain('toggleDevTools');
    expect(roles(true)).toContain('toggleDevTools');
  });
});
