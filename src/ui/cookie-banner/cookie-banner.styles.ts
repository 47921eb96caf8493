import { css } from 'lit';

export const bannerStyles = css`
  :host {
    display: block;
  }
  .banner {
    /* Fixed, so appearing never moves the page (no layout shift); scroll padding keeps focus clear of it. */
    position: fixed;
    inset: auto 0 0 0;
    z-index: var(--cookie-banner-z-index, 2147483000);
    max-height: var(--cookie-banner-max-height, 60vh);
    overflow-y: auto;
    box-sizing: border-box;
    padding: 1.25em 1em 1.5em;
    background: var(--cookie-banner-background, #f3f2f1);
    border-top: 5px solid var(--cookie-banner-border-color, #1d70b8);
    box-shadow: 0 -2px 8px var(--cookie-banner-shadow-color, rgb(0 0 0 / 0.15));
    /* The resident's size: see page-font-size.ts. */
    font-size: medium;
  }
  .inner {
    max-width: var(--cookie-banner-max-width, 960px);
    margin: 0 auto;
    font-size: var(--cookie-banner-font-size, max(1em, var(--_page-font-size)));
  }
  h2 {
    font-size: 1.5em;
    line-height: 1.25;
    margin: 0 0 0.5em;
  }
  p {
    margin: 0 0 1em;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 1em 1.25em;
  }
  .confirmation {
    outline: none;
  }
  @media (max-width: 40em) {
    .actions {
      flex-direction: column;
      align-items: stretch;
    }
    .actions a {
      align-self: flex-start;
    }
  }
  @media (forced-colors: active) {
    .banner {
      border-top-color: CanvasText;
      outline: 1px solid CanvasText;
    }
  }
`;
