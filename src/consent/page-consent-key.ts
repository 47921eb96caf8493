/**
 * The key under which a page's running consent is offered to its elements, by the open
 * context protocol (the `context-request` event of the Web Components Community Group, which
 * `@lit/context` implements). A plain string, so a copy built into another bundle, or any
 * other library, can ask for it or provide it.
 */
export const PAGE_CONSENT = 'council-cookie-consent/page-consent';
