import { resolveTheme, THEMES } from '../../shared/domain/settings.ts';
import { APP_EVENTS, checkEventPayload, eventChannel, isAppEventName, MENU_COMMANDS } from '../../shared/ipc/events.ts';
import { CANVAS_PALETTES } from '../../renderer/canvas/palette.ts';

describe('the theme on screen', () => {
  const plain = { dark: false, moreContrast: false };
  it('is the one chosen, whatever the operating system prefers', () => {
    for (const system of [plain, { dark: true, moreContrast: false }, { dark: true, moreContrast: true }]) {
      expect(resolveTheme('light', system)).toBe('light');
      expect(resolveTheme('dark', system)).toBe('dark');
      expect(resolveTheme('high-contrast', system)).toBe('high-contrast');
    }
  });
  it("follows the operating system for 'system', a request for more contrast first", () => {
    expect(resolveTheme('system', plain)).toBe('light');
    expect(resolveTheme('system', { dark: true, moreContrast: false })).toBe('dark');
    expect(resolveTheme('system', { dark: false, moreContrast: true })).toBe('high-contrast');
    expect(resolveTheme('system', { dark: true, moreContrast: true })).toBe('high-contrast');
  });
  it('has a canvas palette for every theme it can resolve to, markers distinct from the anatomy', () => {
    for (const theme of THEMES.filter((t) => t !== 'system')) {
      const p = CANVAS_PALETTES[theme as Exclude<typeof theme, 'system'>];
      expect(new Set([p.site, p.siteSelected, p.siteDeep]).size, theme).toBe(3);
      expect([p.muscleFill, p.skin, p.muscleEdge]).not.toContain(p.site);
    }
  });
});

describe('main-to-renderer events', () => {
  it('carry only the listed menu commands', () => {
    for (const command of MENU_COMMANDS) expect(checkEventPayload('menu:command', { command })).toEqual({ command });
    for (const bad of [null, 'undo', [], { command: 'rm -rf' }, { command: 7 }, { command: '__proto__' }]) {
      expect(checkEventPayload('menu:command', bad)).toBeNull();
    }
  });
  it('say "settings changed" without carrying the settings (the page reads them through the contract)', () => {
    expect(checkEventPayload('settings:changed', { theme: 'dark', evil: true })).toEqual({});
    expect(checkEventPayload('settings:changed', 'x')).toBeNull();
  });
  it('travel on their own channels, apart from the request channels', () => {
    expect(APP_EVENTS.every(isAppEventName)).toBe(true);
    expect(isAppEventName('patient:create')).toBe(false);
    expect(eventChannel('menu:command')).toBe('app-event:menu:command');
  });
});
