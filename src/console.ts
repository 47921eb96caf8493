/** Console messages, each prefixed so a council can find them, and some said once per page. */
const PREFIX = 'council-cookie-consent:';
const said = new Set<string>();

export const warn = (message: string) => console.warn(PREFIX, message);
export const reportError = (message: string) => console.error(PREFIX, message);

export function warnOnce(message: string): void {
  if (said.has(message)) return;
  said.add(message);
  warn(message);
}
