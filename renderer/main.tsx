import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createClient } from './api.ts';
import { App } from './app/App.tsx';
import { ClientProvider } from './app/client-context.tsx';
import { NoBridge } from './app/NoBridge.tsx';
import { SettingsProvider } from './app/settings-context.tsx';
import { applyTheme, cachedThemeSetting, systemAppearance, ThemeRoot } from './app/theme.tsx';
import { resolveTheme } from '../shared/domain/settings.ts';
import './app/styles.css';

// Before the first frame: the last theme used, so a dark-theme user never sees a light flash at start.
applyTheme(resolveTheme(cachedThemeSetting(), systemAppearance()));

const root = createRoot(document.getElementById('root') as HTMLElement);
root.render(
  <StrictMode>
    {window.api ? (
      <ClientProvider client={createClient(window.api)}>
        <SettingsProvider>
          <ThemeRoot>
            <App />
          </ThemeRoot>
        </SettingsProvider>
      </ClientProvider>
    ) : (
      <NoBridge />
    )}
  </StrictMode>,
);
