import { CookieEmbedPlaceholder } from './cookie-embed-placeholder/cookie-embed-placeholder.js';
import { CookiePreferences } from './cookie-preferences/cookie-preferences.js';
import { CookieTable } from './cookie-table/cookie-table.js';
import { defineElement } from './define-element.js';

/** The dialog this library made: never one already in the page, which could be hidden there. */
let dialog: CookiePreferences | undefined;

/** The interface for what a resident opens or a page embeds: the preferences, the tables, the placeholders. */
export const detailsPart = {
  define(): void {
    defineElement('cookie-preferences', CookiePreferences);
    defineElement('cookie-table', CookieTable);
    defineElement('cookie-embed-placeholder', CookieEmbedPlaceholder);
  },

  /** Opens the preferences dialog, creating it at the end of `<body>` the first time. */
  openPreferences(opener?: Element | null): void {
    if (!dialog?.isConnected) document.body.append((dialog = document.createElement('cookie-preferences')));
    void dialog.show(opener ?? undefined);
  },
};

export type DetailsPart = typeof detailsPart;
