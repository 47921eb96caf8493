import { existsSync } from 'node:fs';

/**
 * Flags for a quiet, self-contained headless Chromium (no background calls home). The sandbox
 * stays on — audits load live pages with third-party scripts — except as root, where Chromium
 * cannot start with it (CI containers).
 */
export const CHROMIUM_ARGS = [
  ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

const SYSTEM_CHROMIUMS = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable'];

/**
 * The Chromium to drive: an explicit path from CHROMIUM_PATH (or Playwright's
 * PLAYWRIGHT_CHROMIUM_EXECUTABLE_PATH), else the system's, else undefined for Playwright's own.
 */
export function chromiumExecutable(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const explicit = env.CHROMIUM_PATH || env.PLAYWRIGHT_CHROMIUM_EXECUTABLE_PATH;
  if (explicit) return explicit;
  return SYSTEM_CHROMIUMS.find((path) => existsSync(path));
}
