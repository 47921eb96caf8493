/**
 * Whether an element is drawn: not `display: none` or `visibility: hidden`, itself or through an
 * ancestor. Opacity is not asked: a theme may fade the banner or the dialog in from transparent.
 */
export const isShown = (element: Element): boolean =>
  element.checkVisibility?.({ visibilityProperty: true }) ?? element.getClientRects().length > 0;
