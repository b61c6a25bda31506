import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const MIGRATIONS_DIR = path.resolve(import.meta.dirname, '../../electron/db/migrations');

export function tempDir(prefix = 'toxinmap-test-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

export function removeDir(dir: string): void {
  fs.rmSync(dir, { recursive: true, force: true });
}
