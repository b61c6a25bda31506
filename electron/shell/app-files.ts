// What app://toxinmap/ answers: the files of the built renderer (dist/) and nothing else. Plain Node (the
// Fetch API's Request and Response), so tests/unit/app-files.test.ts runs it on the real build.
import fs from 'node:fs/promises';
import { appAssetPath, contentTypeOf } from '../url-policy.ts';

const notFound = () => new Response('Not found', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });

export interface AppFileOptions {
  /** The Content-Security-Policy header of every file (security.ts CONTENT_SECURITY_POLICY). */
  csp: string;
  logError: (where: string, err: unknown) => void;
}

export async function serveAppFile(distDir: string, request: Request, options: AppFileOptions): Promise<Response> {
  if (request.method !== 'GET' && request.method !== 'HEAD') return new Response('Method not allowed', { status: 405, headers: { Allow: 'GET, HEAD' } });
  const file = appAssetPath(distDir, request.url);
  if (file === null) return notFound();
  try {
    const body = await fs.readFile(file);
    return new Response(request.method === 'HEAD' ? null : body, {
      status: 200,
      headers: {
        'Content-Type': contentTypeOf(file),
        'Content-Security-Policy': options.csp,
        'X-Content-Type-Options': 'nosniff',
        'Cache-Control': 'no-store',
      },
    });
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code !== 'ENOENT' && code !== 'EISDIR') options.logError('app protocol', err);
    return notFound();
  }
}
