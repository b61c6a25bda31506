// Failed passphrase attempts at the vault (unlock, passphrase change, key change): each answer after a
// failure waits longer (doubling up to 8 s), and each failure is logged without what was typed.

export interface PassphraseAttempts {
  /** Waits before checking when earlier attempts failed. */
  wait(): Promise<void>;
  /** One more failure, logged under `where`. */
  failed(where: string, what: string): void;
  succeeded(): void;
}

export const defaultDelay = (failures: number) => Math.min(250 * 2 ** Math.max(0, failures - 1), 8000);

export function passphraseAttempts(delay: (failures: number) => number = defaultDelay, logError?: (where: string, err: unknown) => void): PassphraseAttempts {
  let failures = 0;
  return {
    wait: () => (failures > 0 ? new Promise<void>((resolve) => setTimeout(resolve, delay(failures))) : Promise.resolve()),
    failed(where, what) {
      failures++;
      logError?.(where, new Error(`${what} (attempt ${failures})`));
    },
    succeeded() {
      failures = 0;
    },
  };
}
