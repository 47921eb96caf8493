/** The audit could not be carried out (no browser, page unreachable, bad catalogue): exit 2 with this one line. */
export class CannotRun extends Error {}

/** Playwright's errors run to many lines (call logs, hints); the first says what happened. */
export function firstLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return (message.split('\n').find((line) => line.trim()) ?? 'unknown error')
    .replace(/^\w+\.\w+: /, '') // "page.goto: net::ERR_…" → "net::ERR_…"
    .trim();
}
