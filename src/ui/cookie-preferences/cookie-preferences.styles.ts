import { css } from 'lit';

export const preferencesStyles = css`
  dialog {
    box-sizing: border-box;
    /* In em of the resident's size, not rem, which a theme may have made 10 px. */
    width: min(44em, calc(100vw - 1em));
    max-height: calc(100dvh - 1em);
    padding: 0;
    border: 0;
    outline: 3px solid transparent;
    background: var(--cookie-dialog-background, #fff);
    color: inherit;
    box-shadow: 0 4px 24px var(--cookie-dialog-shadow-color, rgb(0 0 0 / 0.3));
    /* The resident's size: see page-font-size.ts. */
    font-size: medium;
  }
  .header,
  .body {
    font-size: var(--cookie-dialog-font-size, max(1em, var(--_page-font-size)));
  }
  /* The tables take the dialog's size, not their own (cookie-table.styles.ts). */
  .body table,
  .body thead,
  .body tbody {
    font-size: inherit;
  }
  dialog::backdrop {
    background: var(--cookie-dialog-backdrop, rgb(11 12 12 / 0.6));
  }
  .header {
    position: sticky;
    top: 0;
    display: flex;
    align-items: flex-start;
    justify-content: space-between;
    gap: 1em;
    padding: 1em 1.25em 0.5em;
    background: inherit;
    border-bottom: 1px solid var(--cookie-table-border-color, #b1b4b6);
  }
  .body {
    padding: 1em 1.25em 1.5em;
  }
  h2 {
    font-size: 1.5em;
    margin: 0;
  }
  h3 {
    font-size: 1.2em;
    margin: 0 0 0.5em;
  }
  fieldset,
  section {
    border: 0;
    padding: 0;
    margin: 0 0 1.5em;
    min-width: 0;
  }
  legend {
    padding: 0;
  }
  .choices {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em 1.5em;
  }
  label {
    display: inline-flex;
    align-items: center;
    gap: 0.5em;
    min-height: 2.75em;
    cursor: pointer;
  }
  input[type='radio'] {
    width: 1.5em;
    height: 1.5em;
    margin: 0;
    accent-color: var(--cookie-button-background, #00703c);
  }
  input[type='radio']:focus-visible {
    outline: 3px solid var(--cookie-focus-text-color, #0b0c0c);
    outline-offset: 2px;
    box-shadow: 0 0 0 7px var(--cookie-focus-color, #ffdd00);
  }
  /* The category heading just above says what the caption says; screen readers still get the caption. */
  .body caption {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
  .always-on {
    font-weight: 700;
  }
  @media (forced-colors: active) {
    dialog {
      outline: 2px solid CanvasText;
    }
  }
`;
