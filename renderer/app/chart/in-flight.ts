import { useCallback, useState } from 'react';

export interface InFlightGuard {
  readonly busy: boolean;
  /** Starts the task unless one is running. Resolves true when it ran, false when the call was dropped. */
  run: (task: () => Promise<unknown>) => Promise<boolean>;
}

/**
 * One task at a time; a call made while one is running is dropped, not queued. Two clicks or two
 * Enter presses can both arrive before React re-renders, so a state flag cannot stop the second:
 * this check and set happen in the same synchronous step as the event.
 */
export function createInFlightGuard(): InFlightGuard {
  let running = false;
  return {
    get busy() {
      return running;
    },
    async run(task) {
      if (running) return false;
      running = true;
      try {
        await task();
        return true;
      } finally {
        running = false;
      }
    },
  };
}

/** The guard for one control, and `busy` as state, so the control can show that it is saving. */
export function useInFlight(): { busy: boolean; run: (task: () => Promise<unknown>) => Promise<boolean> } {
  const [guard] = useState(createInFlightGuard);
  const [busy, setBusy] = useState(false);
  const run = useCallback(
    (task: () => Promise<unknown>) =>
      guard.run(async () => {
        setBusy(true);
        try {
          await task();
        } finally {
          setBusy(false);
        }
      }),
    [guard],
  );
  return { busy, run };
}
