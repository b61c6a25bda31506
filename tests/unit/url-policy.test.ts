import path from 'node:path';
import {
  APP_ENTRY, appAssetPath, contentTypeOf, devServerUrl, DOCUMENTATION_LINKS, isAppUrl, isExternalLinkAllowed,
} from '../../electron/url-policy.ts';

describe('which pages count as the app', () => {
  const packaged = new URL('file:///opt/ToxinMap/resources/app.asar/dist/index.html');
  const dev = new URL('http://127.0.0.1:5173/');

  it('accepts the app entry itself, with a hash or query', () => {
    expect(isAppUrl('app://toxinmap/index.html', APP_ENTRY)).toBe(true);
    expect(isAppUrl('app://toxinmap/index.html#/patients', APP_ENTRY)).toBe(true);
    expect(isAppUrl('app://toxinmap/assets/index-abc.js', APP_ENTRY)).toBe(true);
    expect(isAppUrl('file:///opt/ToxinMap/resources/app.asar/dist/index.html', packaged)).toBe(true);
    expect(isAppUrl('file:///opt/ToxinMap/resources/app.asar/dist/index.html#/patients', packaged)).toBe(true);
    expect(isAppUrl('http://127.0.0.1:5173/patients?x=1', dev)).toBe(true);
  });

  it('refuses other files, other origins and look-alikes', () => {
    expect(isAppUrl('app://evil/index.html', APP_ENTRY)).toBe(false);
    expect(isAppUrl('app://toxinmap.evil/index.html', APP_ENTRY)).toBe(false);
    expect(isAppUrl('app://user:pw@toxinmap/index.html', APP_ENTRY)).toBe(false);
    expect(isAppUrl('file:///toxinmap/index.html', APP_ENTRY)).toBe(false);
    expect(isAppUrl('https://toxinmap/index.html', APP_ENTRY)).toBe(false);
    expect(isAppUrl('file:///tmp/evil.html', packaged)).toBe(false);
    expect(isAppUrl('file:///tmp/evil.html?file:///opt/ToxinMap/resources/app.asar/dist/index.html', packaged)).toBe(false);
    expect(isAppUrl('https://example.com/opt/ToxinMap/resources/app.asar/dist/index.html', packaged)).toBe(false);
    expect(isAppUrl('http://127.0.0.1:5173.evil.com/', dev)).toBe(false);
    expect(isAppUrl('http://127.0.0.1:5174/', dev)).toBe(false);
    expect(isAppUrl('https://127.0.0.1:5173/', dev)).toBe(false);
    expect(isAppUrl('not a url', dev)).toBe(false);
    expect(isAppUrl('javascript:alert(1)', dev)).toBe(false);
  });

  it('refuses the same path on another host of file:// (a share reached by UNC path)', () => {
    expect(isAppUrl('file://attacker-host/opt/ToxinMap/resources/app.asar/dist/index.html', packaged)).toBe(false);
    expect(isAppUrl('file://localhost.evil/opt/ToxinMap/resources/app.asar/dist/index.html', packaged)).toBe(false);
  });
});

describe('the development server', () => {
  it('is honoured only in an unpackaged run, on this computer, over plain http', () => {
    expect(devServerUrl('http://127.0.0.1:5173', false)?.href).toBe('http://127.0.0.1:5173/');
    expect(devServerUrl('http://localhost:5173/some/page', false)?.href).toBe('http://localhost:5173/');
    expect(devServerUrl('http://127.0.0.1:5173', true)).toBeNull();
    expect(devServerUrl('https://example.com', false)).toBeNull();
    expect(devServerUrl('http://192.168.1.20:5173', false)).toBeNull();
    expect(devServerUrl('http://127.0.0.1.evil.com:5173', false)).toBeNull();
    expect(devServerUrl('http://user:pw@127.0.0.1:5173', false)).toBeNull();
    expect(devServerUrl('file:///tmp/index.html', false)).toBeNull();
    expect(devServerUrl('', false)).toBeNull();
    expect(devServerUrl(undefined, false)).toBeNull();
    expect(devServerUrl('::not a url::', false)).toBeNull();
  });
});

describe('links opened in the system browser', () => {
  const label = 'https://www.accessdata.fda.gov/drugsatfda_docs/label/botox.pdf';
  const allowed = new Set([label]);

  it('open only documentation on the allow-list, exactly as listed', () => {
    expect(isExternalLinkAllowed(label, allowed)).toBe(true);
    expect(isExternalLinkAllowed(`${label}?mrn=E2E-0042`, allowed)).toBe(false);
    expect(isExternalLinkAllowed(`${label}#Okafor`, allowed)).toBe(false);
    expect(isExternalLinkAllowed('https://www.accessdata.fda.gov/drugsatfda_docs/label/other.pdf', allowed)).toBe(false);
    expect(isExternalLinkAllowed('https://evil.example/botox.pdf', allowed)).toBe(false);
    expect(isExternalLinkAllowed('https://user@www.accessdata.fda.gov/drugsatfda_docs/label/botox.pdf', allowed)).toBe(false);
  });

  it('never open another scheme', () => {
    expect(isExternalLinkAllowed('http://www.accessdata.fda.gov/drugsatfda_docs/label/botox.pdf', allowed)).toBe(false);
    expect(isExternalLinkAllowed('file:///etc/passwd', allowed)).toBe(false);
    expect(isExternalLinkAllowed('javascript:alert(1)', allowed)).toBe(false);
    expect(isExternalLinkAllowed('smb://server/share', allowed)).toBe(false);
  });

  it("by default are the clinical reference's cited sources (https only)", () => {
    expect(DOCUMENTATION_LINKS.size).toBeGreaterThan(10);
    expect([...DOCUMENTATION_LINKS].every((u) => u.startsWith('https://'))).toBe(true);
    expect(isExternalLinkAllowed('https://www.drugs.com/dosage/onabotulinumtoxina.html')).toBe(true);
    expect(isExternalLinkAllowed('https://www.drugs.com/dosage/onabotulinumtoxina.html?patient=1')).toBe(false);
  });
});

describe('files served under app://', () => {
  const dist = path.resolve('/opt/ToxinMap/resources/app.asar/dist');

  it('map to files inside the built renderer, "/" to index.html', () => {
    expect(appAssetPath(dist, 'app://toxinmap/')).toBe(path.join(dist, 'index.html'));
    expect(appAssetPath(dist, 'app://toxinmap/index.html?x=1#y')).toBe(path.join(dist, 'index.html'));
    expect(appAssetPath(dist, 'app://toxinmap/assets/index-abc.js')).toBe(path.join(dist, 'assets', 'index-abc.js'));
    expect(appAssetPath(dist, 'app://toxinmap/assets/a%20b.css')).toBe(path.join(dist, 'assets', 'a b.css'));
    // The URL parser already removes plain dot segments: this one stays inside.
    expect(appAssetPath(dist, 'app://toxinmap/../secret.txt')).toBe(path.join(dist, 'secret.txt'));
  });

  it('never climb out of it, however the path is written', () => {
    // Dot segments the URL parser resolves itself end inside the folder; those it leaves encoded are refused.
    for (const raw of ['app://toxinmap/%2e%2e/%2e%2e/etc/passwd', 'app://toxinmap/a/../../../b.js']) {
      const file = appAssetPath(dist, raw);
      expect(file === null || file.startsWith(dist + path.sep), raw).toBe(true);
    }
    for (const raw of [
      'app://toxinmap/assets/..%2f..%2fmain.cjs',
      'app://toxinmap/..%2F..%2Fmain.cjs',
      'app://toxinmap/..%5c..%5cmain.cjs',
      'app://toxinmap/a%00.js',
      'app://toxinmap/%E0%A4%A',
      'app://other/index.html',
      'file:///etc/passwd',
      'not a url',
    ]) {
      expect(appAssetPath(dist, raw), raw).toBeNull();
    }
  });

  it('with the content type of each kind of file', () => {
    expect(contentTypeOf('index.html')).toMatch(/^text\/html/);
    expect(contentTypeOf('a.JS')).toMatch(/^text\/javascript/);
    expect(contentTypeOf('x.unknown')).toBe('application/octet-stream');
  });
});
