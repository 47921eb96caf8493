import { PAGE_CONSENT } from '../consent/page-consent-key.js';

/** The parts of a `context-request` event (the open context protocol) a provider reads. */
interface ContextRequest extends Event {
  context?: unknown;
  callback?: (value: unknown, unsubscribe?: () => void) => void;
}

/**
 * Answers the elements' requests for the page's consent (the open context protocol), without
 * Lit, so the core that is always loaded stays small. Requests made before the consent is ready
 * (the catalogue is still loading) are answered once it is; elements that asked before the
 * provider existed hear of it through the protocol's `context-provider` event. Returns the
 * function that sets it.
 */
export function providePageConsent(root: Node = document): (consent: unknown) => void {
  let value: unknown;
  const waiting: NonNullable<ContextRequest['callback']>[] = [];
  root.addEventListener('context-request', (event: ContextRequest) => {
    if (event.context !== PAGE_CONSENT || !event.callback) return;
    event.stopPropagation();
    if (value) event.callback(value);
    else waiting.push(event.callback);
  });
  // Elements connected before this provider existed ask again when they hear of it.
  root.dispatchEvent(Object.assign(new Event('context-provider'), { context: PAGE_CONSENT }));
  return (consent) => {
    value = consent;
    for (const answer of waiting.splice(0)) answer(value);
  };
}
