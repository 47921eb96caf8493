// The Chromium the benchmarks drive: CHROMIUM_PATH if set, else the system's /usr/bin/chromium,
// else undefined (Playwright's own download). Kept in step with src/cli/chromium.ts.
import { existsSync } from 'node:fs';

export const chromiumExecutable = () =>
  process.env.CHROMIUM_PATH || (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);

/** Quiet, self-contained headless flags (no background calls home). */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];
