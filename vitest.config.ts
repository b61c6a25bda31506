import os from 'node:os';
import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';
import { playwright } from '@vitest/browser-playwright';

// Debian's Chromium; never `npx playwright install`. The flags keep it off this machine's closed network.
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export default defineConfig({
  test: {
    // Vitest's default leaves a core idle (one worker on a 2-core machine); the database tests wait on fsync
    // as much as they compute, so every core gets a worker (measured here: unit 316 s with 1, 160 s with 2).
    maxWorkers: Math.max(2, os.availableParallelism()),
    projects: [
      {
        test: {
          name: 'unit',
          environment: 'node',
          include: ['tests/unit/**/*.test.ts', 'tests/db/**/*.test.ts'],
          globals: true,
          testTimeout: 60_000,
        },
      },
      {
        // The database tests again, on encrypted files (tests/helpers/test-key.ts): the app always encrypts.
        test: {
          name: 'db-encrypted',
          environment: 'node',
          include: ['tests/db/**/*.test.ts'],
          // These set their own keys, in both modes at once.
          exclude: ['tests/db/encryption*.test.ts'],
          globals: true,
          testTimeout: 60_000,
          env: { TOXINMAP_TEST_ENCRYPTED: '1' },
          setupFiles: ['tests/helpers/encrypted-setup.ts'],
        },
      },
      {
        plugins: [react()],
        test: {
          name: 'browser',
          include: ['tests/browser/**/*.test.tsx'],
          globals: true,
          testTimeout: 30_000,
          browser: {
            enabled: true,
            headless: true,
            screenshotFailures: false,
            provider: playwright({ launchOptions: { executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS } }),
            instances: [{ browser: 'chromium' }],
          },
        },
      },
    ],
  },
});
