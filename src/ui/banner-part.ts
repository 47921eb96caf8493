import type { ConsentState } from '../consent/consent-state.js';
import { reportError, warn } from '../console.js';
import { CookieBanner } from './cookie-banner/cookie-banner.js';
import { defineElement } from './define-element.js';
import { isShown } from './is-shown.js';

/** The interface a first visit needs: the banner. */
export const bannerPart = {
  define: () => defineElement('cookie-banner', CookieBanner),

  /**
   * Asks with the banner: one the council placed in its template, if it is shown, else one
   * added as the first element of `<body>`. A placed banner the page hides (a theme's
   * `display: none`, or markup injected to hide it) must not stand in for the question.
   */
  async ask(state: ConsentState): Promise<void> {
    const placed = [...document.querySelectorAll('cookie-banner')];
    if (!state.needsAnswer || placed.some(isShown)) return;
    for (const hidden of placed) {
      warn('a <cookie-banner> in this page is hidden, so the library shows its own in its place');
      hidden.remove();
    }
    const banner = document.createElement('cookie-banner');
    document.body.prepend(banner);
    await banner.updateComplete;
    if (!isShown(banner)) reportError("the page's CSS hides <cookie-banner>: residents cannot answer, so nothing optional will run");
  },
};

export type BannerPart = typeof bannerPart;
