import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createClient } from './api.ts';
import { App } from './app/App.tsx';
import { ClientProvider } from './app/client-context.tsx';
import { NoBridge } from './app/NoBridge.tsx';
import { SettingsProvider } from './app/settings-context.tsx';
import { VaultBoot } from './app/vault/VaultBoot.tsx';
import { applyTheme, cachedThemeSetting, systemAppearance, ThemeRoot } from './app/theme.tsx';
import { resolveTheme } from '../shared/domain/settings.ts';
import './app/styles.css';

// Before the first frame: the last theme used, so a dark-theme user never sees a light flash at start.
applyTheme(resolveTheme(cachedThemeSetting(), systemAppearance()));

const root = createRoot(document.getElementById('root') as HTMLElement);

function TheApp({ api }: { api: NonNullable<Window['api']> }) {
  return (
    <ClientProvider client={createClient(api)}>
      <SettingsProvider>
        <ThemeRoot>
          <App />
        </ThemeRoot>
      </SettingsProvider>
    </ClientProvider>
  );
}

// The app mounts only once the record is open: before, the vault screen asks for its key (window.vault).
root.render(
  <StrictMode>
    {window.api && window.vault ? (
      <VaultBoot vault={window.vault}>
        <TheApp api={window.api} />
      </VaultBoot>
    ) : (
      <NoBridge />
    )}
  </StrictMode>,
);
