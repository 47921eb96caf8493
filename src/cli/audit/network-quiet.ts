import type { Page } from 'playwright-core';

/** How long the network must stay idle before the page counts as settled. */
const QUIET_MS = 300;
/** Pages that never go quiet (polling, streaming) are recorded after this long anyway. */
const LONGEST_WAIT_MS = 8000;

/**
 * Waits until the page has had no request in flight for a moment: scripts released by a
 * choice load and set their cookies after the click, with no navigation to wait for.
 */
export function watchNetwork(page: Page): { settled: () => Promise<void> } {
  let inFlight = 0;
  let lastActivity = Date.now();
  const begin = () => {
    inFlight++;
    lastActivity = Date.now();
  };
  const end = () => {
    inFlight = Math.max(0, inFlight - 1);
    lastActivity = Date.now();
  };
  page.on('request', begin);
  page.on('requestfinished', end);
  page.on('requestfailed', end);
  return {
    settled: async () => {
      const started = Date.now();
      // Give timers set by the page (a tag's first hit) a turn before measuring quiet.
      lastActivity = Math.max(lastActivity, started);
      while (Date.now() - started < LONGEST_WAIT_MS) {
        if (inFlight === 0 && Date.now() - lastActivity >= QUIET_MS) return;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    },
  };
}
