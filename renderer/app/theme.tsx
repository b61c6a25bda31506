import { useEffect, useLayoutEffect, useState, type ReactNode } from 'react';
import { isThemeSetting, resolveTheme, type ResolvedTheme, type SystemAppearance, type ThemeSetting } from '../../shared/domain/settings.ts';
import { CANVAS_PALETTES, CanvasPaletteContext } from '../canvas/palette.ts';
import { useSettings } from './settings-context.tsx';

const DARK = '(prefers-color-scheme: dark)';
const MORE_CONTRAST = '(prefers-contrast: more)';
// The last theme chosen, kept in the page's own storage so the first frame after a start is already in
// that theme (the settings arrive a moment later). Not patient data.
const CACHE_KEY = 'toxinmap.theme';

export function systemAppearance(): SystemAppearance {
  const matches = (q: string) => typeof window.matchMedia === 'function' && window.matchMedia(q).matches;
  return { dark: matches(DARK), moreContrast: matches(MORE_CONTRAST) };
}

export function cachedThemeSetting(): ThemeSetting {
  try {
    const value = window.localStorage.getItem(CACHE_KEY);
    return isThemeSetting(value) ? value : 'system';
  } catch {
    return 'system';
  }
}

function cacheThemeSetting(setting: ThemeSetting): void {
  try {
    window.localStorage.setItem(CACHE_KEY, setting);
  } catch {
    // Storage refused (private mode, quota): the theme still applies, the next start may flash once.
  }
}

/** Draws the document in a palette: <html data-theme="…">, which styles.css keys every colour on. */
export function applyTheme(theme: ResolvedTheme): void {
  document.documentElement.dataset.theme = theme;
}

/** Follows the operating system's colour-scheme and contrast preferences as they change. */
function useSystemAppearance(): SystemAppearance {
  const [appearance, setAppearance] = useState(systemAppearance);
  useEffect(() => {
    if (typeof window.matchMedia !== 'function') return undefined;
    const queries = [window.matchMedia(DARK), window.matchMedia(MORE_CONTRAST)];
    const update = () => setAppearance(systemAppearance());
    for (const q of queries) q.addEventListener('change', update);
    return () => {
      for (const q of queries) q.removeEventListener('change', update);
    };
  }, []);
  return appearance;
}

/** Applies Settings.theme (or, before the settings arrive, the last one used) and gives the canvas its palette. */
export function ThemeRoot({ children }: { children: ReactNode }) {
  const { settings } = useSettings();
  const system = useSystemAppearance();
  const setting = settings?.theme ?? cachedThemeSetting();
  const resolved = resolveTheme(setting, system);
  useLayoutEffect(() => {
    applyTheme(resolved);
  }, [resolved]);
  useEffect(() => {
    if (settings) cacheThemeSetting(settings.theme);
  }, [settings]);
  return <CanvasPaletteContext.Provider value={CANVAS_PALETTES[resolved]}>{children}</CanvasPaletteContext.Provider>;
}
