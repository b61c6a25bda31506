import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createClient } from './api.ts';
import { App } from './app/App.tsx';
import { ClientProvider } from './app/client-context.tsx';
import { NoBridge } from './app/NoBridge.tsx';
import './app/styles.css';

const root = createRoot(document.getElementById('root') as HTMLElement);
root.render(
  <StrictMode>
    {window.api ? (
      <ClientProvider client={createClient(window.api)}>
        <App />
      </ClientProvider>
    ) : (
      <NoBridge />
    )}
  </StrictMode>,
);
