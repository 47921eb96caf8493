import { registerPageFontSize } from './page-font-size.js';

/** Registers an element, leaving a tag already defined (by a second copy of the library) alone. */
export function defineElement(tag: string, element: CustomElementConstructor): void {
  if (typeof customElements !== 'undefined' && !customElements.get(tag)) {
    registerPageFontSize();
    customElements.define(tag, element);
  }
}
