import { useState } from 'react';
import { resolveTheme, THEMES, type ThemeSetting } from '../../../shared/domain/settings.ts';
import { useSettings } from '../settings-context.tsx';
import { useAction } from '../session/useAsync.ts';
import { systemAppearance } from '../theme.tsx';

const LABELS: Record<ThemeSetting, { label: string; hint: string }> = {
  system: { label: 'Follow the system', hint: 'Light or dark as the computer is set, high contrast when it asks for more contrast.' },
  light: { label: 'Light', hint: 'Dark text on a light ground.' },
  dark: { label: 'Dark', hint: 'Light text on a dark ground, for a dimmed procedure room.' },
  'high-contrast': { label: 'High contrast', hint: 'White on black, yellow actions, every edge drawn.' },
};

const RESOLVED_LABEL = { light: 'light', dark: 'dark', 'high-contrast': 'high contrast' } as const;

/** Theme: applied at once when chosen (and from the View menu), saved with the other settings. */
export function AppearanceCard() {
  const { settings, save } = useSettings();
  const { error, run } = useAction();
  // Shown chosen at once, before the save answers; the saved value takes over again once it has.
  const [pending, setPending] = useState<ThemeSetting | null>(null);
  const current = pending ?? settings?.theme ?? 'system';
  const system = resolveTheme('system', systemAppearance());

  return (
    <fieldset className="card settings-card" aria-label="Appearance" data-testid="appearance">
      <legend className="card-legend">Appearance</legend>
      <div className="theme-choices" role="radiogroup" aria-label="Theme">
        {THEMES.map((theme) => (
          <label key={theme} className={`theme-choice${current === theme ? ' chosen' : ''}`}>
            <input
              type="radio"
              name="theme"
              value={theme}
              checked={current === theme}
              disabled={settings === null}
              onChange={() => {
                setPending(theme);
                void run(() => save({ theme })).finally(() => setPending(null));
              }}
              data-testid={`theme-${theme}`}
            />
            <span className="theme-choice-text">
              <strong>{LABELS[theme].label}</strong>
              <span className="muted small-inline">
                {LABELS[theme].hint}
                {theme === 'system' ? ` Now: ${RESOLVED_LABEL[system]}.` : ''}
              </span>
            </span>
          </label>
        ))}
      </div>
      {error && <p className="form-error" role="alert">{error}</p>}
    </fieldset>
  );
}
