import { defineConfig, type Plugin } from 'vite';

/**
 * The dev server injects an inline module script (React refresh) and talks to the page over a
 * WebSocket; the shipped CSP forbids both, so only `vite` (serve) relaxes it. Builds keep it strict.
 */
function devContentSecurityPolicy(): Plugin {
  return {
    name: 'dev-content-security-policy',
    apply: 'serve',
    transformIndexHtml: (html) =>
      html.replace("script-src 'self'", "script-src 'self' 'unsafe-inline'").replace("connect-src 'self'", "connect-src 'self' ws:"),
  };
}
import react from '@vitejs/plugin-react';

export default defineConfig({
  root: 'renderer',
  // './' so the built index.html loads its assets over file:// inside Electron.
  base: './',
  plugins: [react(), devContentSecurityPolicy()],
  build: { outDir: '../dist', emptyOutDir: true, chunkSizeWarningLimit: 2000 },
  server: { port: 5173, strictPort: true },
});
