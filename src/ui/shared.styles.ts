import { css } from 'lit';

/**
 * Buttons, links and focus shared by the elements: GOV.UK-like by default, themable by custom
 * properties (every colour is one, read where it is used, so it can be set on `:root` or on
 * the element; dark mode is a set of them, src/ui/dark-mode.css). A page's own text styles do
 * not reach in: the host resets what a theme's `body` passes down (letter spacing,
 * capitals…), and its size is the page's (page-font-size.ts). `--_…` names are the library's
 * own, not an API.
 */
export const sharedStyles = css`
  :host {
    --_page-font-size: 1em;
    font-family: var(--cookie-font-family, inherit);
    color: var(--cookie-text-color, #0b0c0c);
    line-height: 1.4;
    font-weight: 400;
    letter-spacing: normal;
    word-spacing: normal;
    text-transform: none;
    text-align: start;
  }
  .button {
    font: inherit;
    font-size: 1em;
    line-height: 1.2;
    min-height: 2.75em;
    padding: 0.5em 0.9em;
    margin: 0;
    border: 2px solid transparent;
    border-radius: var(--cookie-button-radius, 0);
    background: var(--cookie-button-background, #00703c);
    color: var(--cookie-button-color, #fff);
    box-shadow: 0 2px 0 var(--cookie-button-shadow-color, #002d18);
    cursor: pointer;
    text-align: center;
  }
  .button:hover {
    background: var(--cookie-button-hover-background, #005a30);
  }
  .button.secondary {
    background: var(--cookie-secondary-button-background, #f3f2f1);
    color: var(--cookie-secondary-button-color, #0b0c0c);
    box-shadow: 0 2px 0 var(--cookie-secondary-button-shadow-color, #929191);
  }
  .button.secondary:hover {
    background: var(--cookie-secondary-button-hover-background, #dbdad9);
  }
  a,
  .link {
    font: inherit;
    color: var(--cookie-link-color, #1d70b8);
    text-decoration: underline;
    text-underline-offset: 0.15em;
    background: none;
    border: 0;
    padding: 0;
    cursor: pointer;
  }
  :focus-visible {
    outline: 3px solid transparent;
    color: var(--cookie-focus-text-color, #0b0c0c);
    background-color: var(--cookie-focus-color, #fd0);
    box-shadow: 0 -2px var(--cookie-focus-color, #fd0), 0 4px var(--cookie-focus-text-color, #0b0c0c);
    text-decoration: none;
  }
  /* After .button.secondary, as specific: a focused button of either kind is yellow. */
  .button:focus-visible {
    color: var(--cookie-focus-text-color, #0b0c0c);
    background: var(--cookie-focus-color, #fd0);
    box-shadow: 0 2px 0 var(--cookie-focus-text-color, #0b0c0c);
  }
  @media (forced-colors: active) {
    .button {
      border-color: ButtonText;
    }
    :focus-visible {
      outline: 3px solid Highlight;
      outline-offset: 2px;
    }
  }
`;
