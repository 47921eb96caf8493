/** Whether an element is drawn: not `display: none`, `visibility: hidden` or transparent, itself or through an ancestor. */
export const isShown = (element: Element): boolean =>
  element.checkVisibility?.({ opacityProperty: true, visibilityProperty: true }) ?? element.getClientRects().length > 0;
