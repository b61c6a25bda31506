// The built renderer is served from app://toxinmap/ instead of file://: a real origin (so the page's
// storage and CSP are its own, and file:// needs no extra privileges), a handler that serves only the
// files of dist/ and answers everything else with 404.
import fs from 'node:fs/promises';
import { protocol } from 'electron';
import { CONTENT_SECURITY_POLICY } from '../security.ts';
import { APP_SCHEME, appAssetPath, contentTypeOf } from '../url-policy.ts';

/** Must run before the app is ready: a standard, secure scheme (relative URLs, storage, module scripts). */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true } },
  ]);
}

const notFound = () => new Response('Not found', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });

export function serveAppProtocol(distDir: string, logError: (where: string, err: unknown) => void): void {
  protocol.handle(APP_SCHEME, async function serveAppFile(request): Promise<Response> {
    if (request.method !== 'GET' && request.method !== 'HEAD') return new Response('Method not allowed', { status: 405 });
    const file = appAssetPath(distDir, request.url);
    if (file === null) return notFound();
    try {
      const body = await fs.readFile(file);
      return new Response(request.method === 'HEAD' ? null : body, {
        status: 200,
        headers: {
          'Content-Type': contentTypeOf(file),
          'Content-Security-Policy': CONTENT_SECURITY_POLICY,
          'X-Content-Type-Options': 'nosniff',
          'Cache-Control': 'no-store',
        },
      });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') logError('app protocol', err);
      return notFound();
    }
  });
}
