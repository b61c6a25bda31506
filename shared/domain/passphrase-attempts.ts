// How long a clinician account waits after wrong passphrases: the first few are free (a typo, caps lock),
// then each further wrong one doubles the wait, up to five minutes. At about 0.1 s per scrypt check a
// guesser gets a handful of tries an hour after the first ten; a clinician who mistypes barely notices.

/** Wrong passphrases allowed before any wait. */
export const FREE_ATTEMPTS = 3;
const FIRST_WAIT_S = 5;
const MAX_WAIT_S = 300;

/** Seconds to wait after `failures` consecutive wrong passphrases (0 while they are few). */
export function waitAfterFailures(failures: number): number {
  if (!Number.isFinite(failures) || failures < FREE_ATTEMPTS) return 0;
  return Math.min(MAX_WAIT_S, FIRST_WAIT_S * 2 ** (failures - FREE_ATTEMPTS));
}

/** "40 s", "2 min 40 s": a wait as the clinician reads it. */
export function formatWait(seconds: number): string {
  const s = Math.max(1, Math.ceil(seconds));
  if (s < 60) return `${s} s`;
  const m = Math.floor(s / 60);
  return s % 60 === 0 ? `${m} min` : `${m} min ${s % 60} s`;
}
