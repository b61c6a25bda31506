import { isAppUrl, isExternalLinkAllowed } from '../../electron/url-policy.ts';

describe('which pages count as the app', () => {
  const packaged = new URL('file:///opt/ToxinMap/resources/app.asar/dist/index.html');
  const dev = new URL('http://127.0.0.1:5173/');

  it('accepts the app entry itself, with a hash or query', () => {
    expect(isAppUrl('file:///opt/ToxinMap/resources/app.asar/dist/index.html', packaged)).toBe(true);
    expect(isAppUrl('file:///opt/ToxinMap/resources/app.asar/dist/index.html#/patients', packaged)).toBe(true);
    expect(isAppUrl('http://127.0.0.1:5173/patients?x=1', dev)).toBe(true);
  });

  it('refuses other files, other origins and look-alikes', () => {
    expect(isAppUrl('file:///tmp/evil.html', packaged)).toBe(false);
    expect(isAppUrl('file:///tmp/evil.html?file:///opt/ToxinMap/resources/app.asar/dist/index.html', packaged)).toBe(false);
    expect(isAppUrl('https://example.com/opt/ToxinMap/resources/app.asar/dist/index.html', packaged)).toBe(false);
    expect(isAppUrl('http://127.0.0.1:5173.evil.com/', dev)).toBe(false);
    expect(isAppUrl('http://127.0.0.1:5174/', dev)).toBe(false);
    expect(isAppUrl('https://127.0.0.1:5173/', dev)).toBe(false);
    expect(isAppUrl('not a url', dev)).toBe(false);
    expect(isAppUrl('javascript:alert(1)', dev)).toBe(false);
  });

  it('lets only https links open outside, in the system browser', () => {
    expect(isExternalLinkAllowed('https://www.accessdata.fda.gov/label.pdf')).toBe(true);
    expect(isExternalLinkAllowed('http://example.com')).toBe(false);
    expect(isExternalLinkAllowed('file:///etc/passwd')).toBe(false);
    expect(isExternalLinkAllowed('javascript:alert(1)')).toBe(false);
    expect(isExternalLinkAllowed('smb://server/share')).toBe(false);
  });
});
