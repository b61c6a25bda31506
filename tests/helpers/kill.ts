// The kill tests' child process: a fixture run with tsx, killed with SIGKILL a set time after it prints its
// trigger line. Lines printed after the kill was decided are not counted (they may not have been acted on).
import { spawn } from 'node:child_process';
import path from 'node:path';
import { createInterface } from 'node:readline';

export const ROOT = path.resolve(import.meta.dirname, '../..');

export interface KilledRun {
  lines: string[];
  signal: NodeJS.Signals | null;
  stderr: string;
}

export function runAndKill(fixture: string, args: readonly string[], trigger: string, killAfterMs: number): Promise<KilledRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, fixture), ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    const lines: string[] = [];
    let stderr = '';
    let killed = false;
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    createInterface({ input: child.stdout }).on('line', (line) => {
      if (killed) return;
      lines.push(line);
      if (line === trigger) {
        setTimeout(() => {
          killed = true;
          child.kill('SIGKILL');
        }, killAfterMs);
      }
    });
    child.on('error', reject);
    child.on('close', (_code, signal) => resolve({ lines, signal, stderr }));
  });
}
