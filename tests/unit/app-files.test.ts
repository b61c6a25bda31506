import fs from 'node:fs';
import path from 'node:path';
import { serveAppFile } from '../../electron/shell/app-files.ts';
import { removeDir, tempDir } from '../helpers/temp.ts';

// A small stand-in for dist/: the same layout the renderer build writes (index.html, assets/, icon).
let dist: string;
let outside: string;
const errors: unknown[] = [];
const options = { csp: "default-src 'none'", logError: (_w: string, e: unknown) => errors.push(e) };
const get = (url: string, method = 'GET') => serveAppFile(dist, new Request(url, { method }), options);

beforeAll(() => {
  const root = tempDir('toxinmap-app-files-');
  dist = path.join(root, 'dist');
  outside = path.join(root, 'secret.txt');
  fs.mkdirSync(path.join(dist, 'assets'), { recursive: true });
  fs.writeFileSync(path.join(dist, 'index.html'), '<!doctype html><script type="module" src="./assets/index-1.js"></script>');
  fs.writeFileSync(path.join(dist, 'assets', 'index-1.js'), 'console.log(1)');
  fs.writeFileSync(path.join(dist, 'assets', 'index-1.css'), 'body{}');
  fs.writeFileSync(outside, 'main-process secret');
});
afterAll(() => removeDir(path.dirname(dist)));

describe('app://toxinmap/ serves the built renderer', () => {
  it('index.html at the root, scripts and styles with their types, each with the CSP and nosniff', async () => {
    const index = await get('app://toxinmap/');
    expect(index.status).toBe(200);
    expect(index.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(index.headers.get('content-security-policy')).toBe("default-src 'none'");
    expect(index.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await index.text()).toContain('./assets/index-1.js');
    const script = await get('app://toxinmap/assets/index-1.js');
    expect([script.status, script.headers.get('content-type')]).toEqual([200, 'text/javascript; charset=utf-8']);
    expect((await get('app://toxinmap/assets/index-1.css')).headers.get('content-type')).toBe('text/css; charset=utf-8');
    const head = await get('app://toxinmap/index.html', 'HEAD');
    expect([head.status, await head.text()]).toEqual([200, '']);
  });

  it('answers 404 for anything else: missing files, folders, other hosts, encoded climbs out of dist', async () => {
    for (const url of [
      'app://toxinmap/missing.js',
      'app://toxinmap/assets',
      'app://other/index.html',
      'app://toxinmap/..%2fsecret.txt',
      'app://toxinmap/%2e%2e/secret.txt',
      'app://toxinmap/assets/..%2f..%2fsecret.txt',
    ]) {
      const r = await get(url);
      expect(r.status, url).toBe(404);
      expect(await r.text(), url).not.toContain('secret');
    }
    expect(errors).toEqual([]);
  });

  it('refuses anything but reading', async () => {
    for (const method of ['POST', 'PUT', 'DELETE']) expect((await get('app://toxinmap/index.html', method)).status).toBe(405);
  });
});
