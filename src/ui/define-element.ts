import { registerPageFontSize } from './page-font-size.js';

/**
 * Registers an element in a browser, leaving a tag already defined (by a second copy of the
 * library) alone. On a server nothing is registered: Lit's Node build puts a stand-in
 * `customElements` on the global object, but the elements only make sense in a page.
 */
export function defineElement(tag: string, element: CustomElementConstructor): void {
  if (typeof window !== 'undefined' && !customElements.get(tag)) {
    registerPageFontSize();
    customElements.define(tag, element);
  }
}
