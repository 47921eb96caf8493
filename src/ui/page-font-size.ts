/**
 * The elements' text is never smaller than the page's text where they stand, nor than the
 * resident's own default size. A theme's `html { font-size: 62.5% }` makes `rem` 10 px, so
 * neither `rem` nor the page's size alone will do, and `max(1rem, …)` is 10 px there too. The
 * one length that always follows the resident's setting is `medium`, which no page style
 * changes; but `medium` is a keyword, not a length a `max()` can take. So each panel is set to
 * `medium` and its content to `max(1em, var(--_page-font-size))`: 1em of the panel is the
 * resident's size; `--_page-font-size` is `1em` set on the host, where the font size is still
 * the page's. Registered as a `<length>`, it is computed there, to px, and inherited as px.
 * Where it cannot be registered (Firefox before 128) it stays the text `1em`, which inside the
 * panel is the resident's size again: the text is then never smaller than that.
 * dist/cookie-table.css registers it too (`@property`), so pasted tables, sized by it before
 * the script runs, do not grow when it does.
 */
export function registerPageFontSize(): void {
  try {
    CSS.registerProperty({ name: '--_page-font-size', syntax: '<length>', inherits: true, initialValue: '0px' });
  } catch {
    // Registered already (by a second copy of the library), or a browser without the API.
  }
}
