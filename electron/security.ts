import { app, session, shell, type WebContents } from 'electron';
import { isAppUrl, isExternalLinkAllowed } from './url-policy.ts';

export { isAppUrl };

/**
 * Content Security Policy for every page we load: our own bundled scripts and styles only,
 * images from data: URLs (canvas exports), no network at all.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  // The session summary's constant stylesheet, for its preview in a sandboxed frame (tests/unit/export/summary-csp.test.ts).
  "style-src 'self' 'sha256-CN3LFmf/OSRtdgOaD5mE8Ca4uTMTKlZJK6JC0VmnNcU='",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "object-src 'none'",
].join('; ');

/** With the dev server (TOXINMAP_DEV_SERVER_URL) only: its React refresh script is inline and HMR uses a WebSocket. */
const DEV_CONTENT_SECURITY_POLICY = CONTENT_SECURITY_POLICY.replace("script-src 'self'", "script-src 'self' 'unsafe-inline'").replace(
  "connect-src 'self'",
  "connect-src 'self' ws:",
);

/** Refuses navigation, new windows, webviews and every permission request, for every web contents. */
export function installSecurity(appEntry: URL): void {
  session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  session.defaultSession.setPermissionCheckHandler(() => false);
  session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
    callback({
      responseHeaders: {
        ...details.responseHeaders,
        // The relaxed policy only for the development server (itself only honoured unpackaged).
        'Content-Security-Policy': [appEntry.protocol === 'http:' ? DEV_CONTENT_SECURITY_POLICY : CONTENT_SECURITY_POLICY],
      },
    });
  });

  app.on('web-contents-created', (_event, contents: WebContents) => {
    contents.on('will-navigate', (event, url) => {
      if (!isAppUrl(url, appEntry)) event.preventDefault();
    });
    contents.on('will-redirect', (event, url) => {
      if (!isAppUrl(url, appEntry)) event.preventDefault();
    });
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(({ url }) => {
      // Only the documentation the clinical reference cites, exactly as listed (no query that could carry
      // an MRN), opens, and only in the system browser.
      if (isExternalLinkAllowed(url)) void shell.openExternal(url);
      return { action: 'deny' };
    });
  });
}
