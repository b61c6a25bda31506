// The built renderer is served from app://toxinmap/ instead of file://: a real origin (so the page's
// storage and CSP are its own, and file:// needs no extra privileges), answering only with the files
// of dist/ (app-files.ts) and 404 otherwise.
import { protocol } from 'electron';
import { CONTENT_SECURITY_POLICY } from '../security.ts';
import { APP_SCHEME } from '../url-policy.ts';
import { serveAppFile } from './app-files.ts';

/** Must run before the app is ready: a standard, secure scheme (relative URLs, storage, module scripts). */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true } },
  ]);
}

export function serveAppProtocol(distDir: string, logError: (where: string, err: unknown) => void): void {
  protocol.handle(APP_SCHEME, (request) => serveAppFile(distDir, request, { csp: CONTENT_SECURITY_POLICY, logError }));
}
