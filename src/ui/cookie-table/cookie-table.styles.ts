import { css } from 'lit';

/**
 * The tables' look, in the element's shadow root (and the dialog's) and, as
 * dist/cookie-table.css written from this one literal by build/table-stylesheet.ts, on the
 * tables pasted inside the element from the `tables` command, so both look the same. No `${…}`
 * here: the stylesheet is its text.
 *
 * Text is the page's size, and never below the resident's default (page-font-size.ts): the
 * table is `medium`, its caption and rows the larger of that and the page's size.
 */
export const tableStyles = css`
  :host {
    --_page-font-size: 1em;
  }
  table {
    width: 100%;
    border-collapse: collapse;
    margin: 0 0 1.5em;
    font: inherit;
    font-size: medium;
    color: inherit;
  }
  thead,
  tbody {
    font-size: max(1em, var(--_page-font-size));
  }
  caption {
    text-align: start;
    font-weight: 700;
    font-size: calc(1.125 * max(1em, var(--_page-font-size)));
    padding-bottom: 0.5em;
  }
  th,
  td {
    text-align: start;
    vertical-align: top;
    padding: 0.6em 1.2em 0.6em 0;
    border-bottom: 1px solid var(--cookie-table-border-color, #b1b4b6);
    overflow-wrap: break-word;
  }
  thead th {
    font-weight: 700;
  }
  tbody th {
    font-weight: 400;
    white-space: nowrap;
  }
  @media (max-width: 30em) {
    tbody th {
      white-space: normal;
      overflow-wrap: anywhere;
    }
    th,
    td {
      padding-right: 0.6em;
    }
  }
`;
