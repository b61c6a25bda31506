import { nativeTheme } from 'electron';
import { resolveTheme, type ResolvedTheme, type ThemeSetting } from '../../shared/domain/settings.ts';

/** The window's ground before the page paints, per theme (the --bg of renderer/app/styles.css). */
export const WINDOW_BACKGROUND: Readonly<Record<ResolvedTheme, string>> = {
  light: '#f4f6f8',
  dark: '#0f141a',
  'high-contrast': '#000000',
};

/**
 * Native parts (menus, dialogs, scroll bars, the page's prefers-color-scheme) follow the chosen theme;
 * 'system' leaves them to the operating system. Answers the palette the page will draw.
 */
export function applyNativeTheme(setting: ThemeSetting): ResolvedTheme {
  nativeTheme.themeSource = setting === 'system' ? 'system' : setting === 'light' ? 'light' : 'dark';
  return resolveTheme(setting, { dark: nativeTheme.shouldUseDarkColors, moreContrast: nativeTheme.shouldUseHighContrastColors });
}
