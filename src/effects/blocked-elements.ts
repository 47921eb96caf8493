import { warn } from '../console.js';

const BLOCKED_SCRIPT = 'script[type="text/plain"][data-cookie-category]';
const BLOCKED_IFRAME = 'iframe[data-cookie-category][data-src]';
const BLOCKED = `${BLOCKED_SCRIPT},${BLOCKED_IFRAME}`;

/** The categories an element waits for: `data-cookie-category="analytics"` (several, space-separated, all needed). */
const categoriesOf = (element: Element) => (element.getAttribute('data-cookie-category') ?? '').split(/\s+/).filter(Boolean);

export interface IframeHooks {
  /** Shows something in place of an iframe while its category is refused. */
  block(iframe: HTMLIFrameElement): void;
  /** Removes what block() showed. */
  unblock(iframe: HTMLIFrameElement): void;
}

/** A runnable copy of a blocked script, with every attribute but the blocking `type` kept. */
function runnableCopy(original: HTMLScriptElement): HTMLScriptElement {
  const script = document.createElement('script');
  for (const { name, value } of Array.from(original.attributes))
    if (name !== 'type' && name !== 'data-type' && name !== 'nonce') script.setAttribute(name, value);
  // Browsers hide the nonce attribute once the element is in the page: only the property still holds it.
  if (original.nonce) script.nonce = original.nonce;
  if (original.getAttribute('data-type') === 'module') script.type = 'module';
  // Dynamically inserted scripts are async unless told otherwise; keep document order.
  script.async = original.hasAttribute('async');
  if (!original.src) script.text = original.text;
  return script;
}

const settled = (script: HTMLScriptElement) =>
  new Promise<void>((resolve) => {
    script.addEventListener('load', () => resolve(), { once: true });
    script.addEventListener(
      'error',
      () => {
        warn(`the blocked script ${script.src} failed to load; the ones after it still run`);
        resolve();
      },
      { once: true },
    );
  });

/**
 * Holds scripts and iframes marked with `data-cookie-category` until their categories are
 * granted, then releases each exactly once, in document order — including those added to
 * the page later.
 */
export class BlockedElements {
  #released = new WeakSet<Element>();
  #placeheld = new WeakSet<HTMLIFrameElement>();
  #queue: Promise<void> = Promise.resolve();
  #observer?: MutationObserver;

  readonly #isGranted: (categoryId: string) => boolean;
  readonly #iframes?: IframeHooks;

  constructor(isGranted: (categoryId: string) => boolean, iframes?: IframeHooks) {
    this.#isGranted = isGranted;
    this.#iframes = iframes;
  }

  #allowed(element: Element) {
    const ids = categoriesOf(element);
    return ids.length > 0 && ids.every(this.#isGranted);
  }

  /** Releases what is granted now and watches for elements added later. */
  start(root: ParentNode = document): Promise<void> {
    this.#observer ??= new MutationObserver((mutations) => {
      if (
        mutations.some((m) =>
          Array.from(m.addedNodes).some((n) => n instanceof Element && (n.matches(BLOCKED) || n.querySelector(BLOCKED))),
        )
      )
        void this.update(root);
    });
    this.#observer.observe(document.documentElement, { childList: true, subtree: true });
    return this.update(root);
  }

  stop(): void {
    this.#observer?.disconnect();
  }

  /** Brings the page in line with the current answers; resolves when released scripts have run. */
  update(root: ParentNode = document): Promise<void> {
    this.#queue = this.#queue.catch(() => undefined).then(() => this.#release(root));
    return this.#queue;
  }

  async #release(root: ParentNode): Promise<void> {
    let pending: Promise<void>[] = [];
    for (const element of Array.from(root.querySelectorAll(BLOCKED))) {
      if (element instanceof HTMLIFrameElement) {
        this.#updateIframe(element);
        continue;
      }
      const original = element as HTMLScriptElement;
      if (this.#released.has(original) || !original.isConnected || !this.#allowed(original)) continue;
      this.#released.add(original);
      const script = runnableCopy(original);
      // An inline script may use what the external scripts before it define.
      if (!script.src && pending.length) {
        await Promise.all(pending);
        pending = [];
        // Consent may have been withdrawn while we waited.
        if (!original.isConnected || !this.#allowed(original)) {
          this.#released.delete(original);
          continue;
        }
      }
      if (script.src && !script.async) pending.push(settled(script));
      original.replaceWith(script);
    }
    await Promise.all(pending);
  }

  #updateIframe(iframe: HTMLIFrameElement): void {
    const source = iframe.getAttribute('data-src')!;
    if (this.#allowed(iframe)) {
      if (iframe.getAttribute('src') !== source) iframe.src = source;
      if (this.#placeheld.delete(iframe)) this.#iframes?.unblock(iframe);
    } else {
      // Withdrawn after it was shown: stop the embedded page, show the placeholder again.
      if (iframe.getAttribute('src') === source) iframe.src = 'about:blank';
      if (!this.#placeheld.has(iframe)) {
        this.#placeheld.add(iframe);
        this.#iframes?.block(iframe);
      }
    }
  }
}
