import type { IframeHooks } from '../../effects/blocked-elements.js';

/**
 * What stands in for a blocked iframe: a `<cookie-embed-placeholder>` inserted before it, about
 * its size so nothing moves when it is shown, told what to say through attributes — so it can
 * be made before its element is defined (the interface arrives later). `onBlock` is told when
 * a placeholder is needed. This part needs no Lit: the always-loaded core uses it.
 */
export function iframePlaceholders(onBlock: () => void): IframeHooks {
  const placeholders = new WeakMap<HTMLIFrameElement, HTMLElement>();
  return {
    block(iframe) {
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
      onBlock();
    },
    unblock(iframe) {
      const placeholder = placeholders.get(iframe);
      const hadFocus = placeholder?.matches(':focus-within');
      placeholder?.remove();
      iframe.hidden = false;
      // The placeholder's button was just pressed: keep the keyboard where the content now is.
      if (hadFocus) iframe.focus();
    },
  };
}
