/**
 * Ends the current task and carries on in a new one, ahead of other queued work where the
 * browser offers `scheduler.yield()`. Splitting start-up this way keeps each main-thread task
 * short on slow phones, so a resident's tap or scroll is never held up behind the banner.
 */
export const yieldToBrowser = (): Promise<void> =>
  (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler?.yield?.() ?? new Promise((resolve) => setTimeout(resolve));
