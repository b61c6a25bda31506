/**
 * Whether a URL is the app's own page. Judged with new URL(), never by substring, so
 * "file:///evil/dist/index.html?x=file:///app/dist/index.html" or "http://127.0.0.1:5173.evil.com" do not pass.
 */
export function isAppUrl(raw: string, appEntry: URL): boolean {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return false;
  }
  if (appEntry.protocol === 'file:') return url.protocol === 'file:' && url.pathname === appEntry.pathname;
  return url.protocol === appEntry.protocol && url.host === appEntry.host;
}

/** Only https links may leave the app, and only to the system browser. */
export function isExternalLinkAllowed(raw: string): boolean {
  try {
    return new URL(raw).protocol === 'https:';
  } catch {
    return false;
  }
}
