import type { IframeHooks } from '../../effects/blocked-elements.js';

/**
 * What stands in for a blocked iframe: a `<cookie-embed-placeholder>` inserted before it, about
 * its size, told what to say through attributes. It is inserted only once its element is
 * defined (`ready`: the interface's details, fetched as soon as the page shows a blocked
 * iframe), so it takes its final size in its first frame and never moves after; until then the
 * iframe stays as the page drew it, with no address. This part needs no Lit: the always-loaded
 * core uses it.
 */
export function iframePlaceholders(ready: () => Promise<unknown>): IframeHooks {
  const placeholders = new WeakMap<HTMLIFrameElement, HTMLElement>();
  const waiting = new WeakSet<HTMLIFrameElement>();
  const place = (iframe: HTMLIFrameElement) => {
    if (!waiting.delete(iframe)) return;
    const placeholder = document.createElement('cookie-embed-placeholder');
    placeholder.setAttribute('category', iframe.dataset.cookieCategory!);
    if (iframe.dataset.provider) placeholder.setAttribute('provider', iframe.dataset.provider);
    if (iframe.dataset.src) placeholder.setAttribute('src', iframe.dataset.src);
    // The iframe's own size, so nothing moves when it is shown; taller only where its words
    // need more (a 280×60 embed), decided by layout before its first paint, never overlapping.
    const px = (size: string | number) => (/\D/.test(`${size}`) ? `${size}` : `${size}px`);
    placeholder.style.width = px(iframe.getAttribute('width') || iframe.offsetWidth);
    placeholder.style.minHeight = px(iframe.getAttribute('height') || iframe.offsetHeight);
    iframe.hidden = true;
    iframe.before(placeholder);
    placeholders.set(iframe, placeholder);
  };
  return {
    block(iframe) {
      waiting.add(iframe);
      // Without the interface (it failed to load, and the console said so) the iframe stays as it is, without its address.
      ready().then((loaded) => loaded && place(iframe));
    },
    unblock(iframe) {
      waiting.delete(iframe);
      const placeholder = placeholders.get(iframe);
      const hadFocus = placeholder?.matches(':focus-within');
      placeholder?.remove();
      placeholders.delete(iframe);
      iframe.hidden = false;
      // The placeholder's button was just pressed: keep the keyboard where the content now is.
      if (hadFocus) iframe.focus();
    },
  };
}
