import type { CookiePreferences } from './cookie-preferences/cookie-preferences.js';

/** The dialog this library made: never one already in the page, which could be hidden there. */
let dialog: CookiePreferences | undefined;

/** Opens the preferences dialog, creating it at the end of `<body>` the first time. */
export function openPreferences(opener?: Element | null): void {
  if (!dialog?.isConnected) document.body.append((dialog = document.createElement('cookie-preferences')));
  void dialog.show(opener ?? undefined);
}
