import { css } from 'lit';

export const placeholderStyles = css`
  :host {
    display: grid;
    max-width: 100%;
    min-width: min(100%, 15em);
  }
  .box {
    padding: 1em;
    display: flex;
    flex-direction: column;
    justify-content: center;
    align-items: flex-start;
    gap: 0.75em;
    background: var(--cookie-placeholder-background, #f3f2f1);
    border: 1px solid var(--cookie-table-border-color, #b1b4b6);
    overflow-wrap: anywhere;
    /* The resident's size: see page-font-size.ts. */
    font-size: medium;
  }
  .box > * {
    font-size: max(1em, var(--_page-font-size));
  }
  p {
    margin: 0;
  }
`;
