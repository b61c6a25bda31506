// Which URLs the app loads, navigates to, serves and opens outside. Pure functions, judged with
// new URL(), never by substring; every rule is unit-tested (tests/unit/url-policy.test.ts).
import path from 'node:path';
import { reference } from '../shared/clinical/reference.ts';

/** The built renderer is served from app://toxinmap/ (electron/shell/protocol.ts), not from file://. */
export const APP_SCHEME = 'app';
export const APP_HOST = 'toxinmap';
export const APP_ENTRY = new URL(`${APP_SCHEME}://${APP_HOST}/index.html`);

/**
 * Whether a URL is the app's own page. "file:///evil/dist/index.html?x=file:///app/dist/index.html",
 * "file://attacker-host/share/dist/index.html" (a UNC path on Windows) or "http://127.0.0.1:5173.evil.com"
 * do not pass.
 */
export function isAppUrl(raw: string, appEntry: URL): boolean {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return false;
  }
  if (url.username !== '' || url.password !== '') return false;
  if (appEntry.protocol === 'file:') {
    return url.protocol === 'file:' && url.host === appEntry.host && url.pathname === appEntry.pathname;
  }
  return url.protocol === appEntry.protocol && url.host === appEntry.host;
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

/**
 * The development server the shell may load instead of the built renderer: only in an unpackaged run
 * (`npm run dev`), and only plain http on this computer. An installed app ignores the variable, so
 * setting it cannot hand the full API to another origin.
 */
export function devServerUrl(raw: string | undefined, isPackaged: boolean): URL | null {
  if (isPackaged || raw === undefined || raw.trim() === '') return null;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' || !LOOPBACK.has(url.hostname) || url.username !== '' || url.password !== '') return null;
  return new URL(`${url.protocol}//${url.host}/`);
}

/**
 * The only pages the app opens in the system browser: the documentation the clinical reference cites
 * (its sources' https URLs), exactly as listed. A link with anything added (a query, a fragment, a path
 * below) does not match, so no link built in the page can carry an MRN or a name out.
 */
export const DOCUMENTATION_LINKS: ReadonlySet<string> = new Set(
  (reference.sources as ReadonlyArray<{ url?: unknown }>)
    .map((s) => (typeof s.url === 'string' ? normalise(s.url) : null))
    .filter((u): u is string => u !== null && u.startsWith('https://')),
);

function normalise(raw: string): string | null {
  try {
    const url = new URL(raw);
    return url.username === '' && url.password === '' ? url.href : null;
  } catch {
    return null;
  }
}

export function isExternalLinkAllowed(raw: string, allowed: ReadonlySet<string> = DOCUMENTATION_LINKS): boolean {
  const url = normalise(raw);
  return url !== null && url.startsWith('https://') && allowed.has(url);
}

/**
 * The file under distDir that an app:// request asks for, or null: another host, a path that climbs
 * out of distDir (also when percent-encoded), a NUL byte. "/" is index.html.
 */
export function appAssetPath(distDir: string, raw: string): string | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return null;
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return null;
  let pathname: string;
  try {
    pathname = decodeURIComponent(url.pathname);
  } catch {
    return null;
  }
  // A dot segment still present after the URL parser ran was percent-encoded on purpose: refused.
  if (pathname.includes('\0') || pathname.includes('\\') || pathname.split('/').includes('..')) return null;
  const relative = path.posix.normalize(pathname === '/' ? '/index.html' : pathname).replace(/^\/+/, '');
  if (relative === '' || relative.startsWith('..') || path.posix.isAbsolute(relative)) return null;
  const root = path.resolve(distDir);
  const file = path.resolve(root, ...relative.split('/'));
  return file.startsWith(root + path.sep) ? file : null;
}

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.map': 'application/json',
};

export function contentTypeOf(file: string): string {
  return CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}
