import { css } from 'lit';

export const tableStyles = css`
  table {
    width: 100%;
    border-collapse: collapse;
    margin: 0 0 1.5em;
    font: inherit;
    color: inherit;
  }
  caption {
    text-align: start;
    font-weight: 700;
    font-size: 1.125em;
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
