// The summary preview is a sandboxed frame whose document inherits the app's content security policy:
// its one stylesheet is admitted by hash. A change to the stylesheet must change the hash in both places.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { SUMMARY_CSS } from '../../../electron/export/summary/styles.ts';

const expected = `'sha256-${crypto.createHash('sha256').update(SUMMARY_CSS, 'utf8').digest('base64')}'`;

function styleSrc(policy: string): string[] {
  const directive = policy.split(';').map((d) => d.trim()).find((d) => d.startsWith('style-src '));
  return directive ? directive.split(/\s+/).slice(1) : [];
}

describe('the summary stylesheet is admitted by its hash, and nothing else inline is', () => {
  it('in the policy main sends with every page', () => {
    // Read as text: electron/security.ts imports electron, which only loads inside the app.
    const source = fs.readFileSync(path.resolve(import.meta.dirname, '../../../electron/security.ts'), 'utf8');
    const line = /^\s*"(style-src [^"]+)",$/m.exec(source)?.[1] ?? '';
    expect(styleSrc(line), `put ${expected} in electron/security.ts`).toEqual(["'self'", expected]);
  });

  it('in the policy of the renderer page itself', () => {
    const html = fs.readFileSync(path.resolve(import.meta.dirname, '../../../renderer/index.html'), 'utf8');
    const policy = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1] ?? '';
    expect(styleSrc(policy), `put ${expected} in renderer/index.html`).toEqual(["'self'", expected]);
  });
});
