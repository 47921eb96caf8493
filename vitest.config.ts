import { playwright } from '@vitest/browser-playwright';
import { defineConfig } from 'vitest/config';
import { CHROMIUM_ARGS, chromiumExecutable } from './src/cli/chromium.js';

const executablePath = chromiumExecutable();

export default defineConfig({
  test: {
    reporters: ['default', './tests/support/summary-reporter.ts'],
    projects: [
      {
        // Unit tests of browser code, beside what they test, run in a real Chromium.
        test: {
          name: 'browser',
          include: ['src/**/*.test.ts'],
          exclude: ['src/cli/**'],
          testTimeout: 20000,
          browser: {
            enabled: true,
            headless: true,
            screenshotFailures: false,
            provider: playwright({ launchOptions: { ...(executablePath ? { executablePath } : {}), args: CHROMIUM_ARGS } }),
            instances: [{ browser: 'chromium' }],
          },
        },
      },
      {
        // End-to-end tests (Playwright driving Chromium against the demo) and command-line tests, in Node.
        test: {
          name: 'node',
          include: ['tests/**/*.test.ts', 'src/cli/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60000,
          hookTimeout: 60000,
          fileParallelism: false,
          // Concurrent audits each start Chromium three times; on two cores, three at once is plenty.
          maxConcurrency: 3,
        },
      },
    ],
  },
});
