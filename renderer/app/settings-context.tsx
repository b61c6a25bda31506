import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { Settings, SettingsPatch } from '../../shared/domain/settings.ts';
import { errorMessage } from '../api.ts';
import { useAppEvent } from './app-events.ts';
import { useClient } from './client-context.tsx';

export interface SettingsState {
  /** Null until the first answer of settings:get. */
  settings: Settings | null;
  /** Why the settings could not be read (the app then runs on the defaults). */
  error: string | null;
  reload: () => Promise<void>;
  /** Saves the keys given and shares the answer with every screen; throws AppError on refusal. */
  save: (patch: SettingsPatch) => Promise<Settings>;
}

const SettingsContext = createContext<SettingsState | null>(null);

/** Reads the settings once, again when main says they changed (View → Theme), and after every save. */
export function SettingsProvider({ children }: { children: ReactNode }) {
  const client = useClient();
  const [settings, setSettings] = useState<Settings | null>(null);
  const [error, setError] = useState<string | null>(null);

  const reload = useCallback(async () => {
    try {
      setSettings(await client.settings.get({}));
      setError(null);
    } catch (err) {
      setError(errorMessage(err));
    }
  }, [client]);

  const save = useCallback(
    async (patch: SettingsPatch) => {
      const next = await client.settings.save(patch);
      setSettings(next);
      return next;
    },
    [client],
  );

  useEffect(() => {
    let live = true;
    client.settings.get({}).then(
      (s) => live && setSettings(s),
      (err: unknown) => live && setError(errorMessage(err)),
    );
    return () => {
      live = false;
    };
  }, [client]);
  useAppEvent('settings:changed', () => void reload());

  const value = useMemo(() => ({ settings, error, reload, save }), [settings, error, reload, save]);
  return <SettingsContext.Provider value={value}>{children}</SettingsContext.Provider>;
}

/** Without a provider (a component tested on its own) the settings read as not loaded yet. */
const NO_PROVIDER: SettingsState = {
  settings: null,
  error: null,
  reload: () => Promise.resolve(),
  save: () => Promise.reject(new Error('useSettings: no SettingsProvider above this component')),
};

export function useSettings(): SettingsState {
  return useContext(SettingsContext) ?? NO_PROVIDER;
}
