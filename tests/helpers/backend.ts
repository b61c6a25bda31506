import { startBackend, type Backend } from '../../electron/backend.ts';
import type { Envelope } from '../../shared/ipc/result.ts';
import { MIGRATIONS_DIR, removeDir, tempDir } from './temp.ts';

export interface TestBackend extends Backend {
  dir: string;
  call: <T = unknown>(channel: string, input: unknown) => Promise<T>;
  dispose: () => void;
}

/** The real backend (database, services, dispatcher) on a fresh temp folder; `now` fixes its clock. */
export async function testBackend(dir = tempDir(), options: { now?: () => Date } = {}): Promise<TestBackend> {
  const backend = await startBackend({ dataDirectory: dir, migrationsDir: MIGRATIONS_DIR, appVersion: '0.0.0-test', ...options });
  return {
    ...backend,
    dir,
    /** Dispatches and unwraps, throwing the error envelope's message. */
    async call<T>(channel: string, input: unknown): Promise<T> {
      const result: Envelope<unknown> = await backend.dispatch(channel, input);
      if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
      return result.value as T;
    },
    dispose() {
      backend.close();
      removeDir(dir);
    },
  };
}
