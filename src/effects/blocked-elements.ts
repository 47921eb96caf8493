import { reportError, warn } from '../console.js';
import { safeUrl } from '../safe-url.js';

const BLOCKED_SCRIPT = 'script[type="text/plain"][data-cookie-category]';
const BLOCKED_IFRAME = 'iframe[data-cookie-category][data-src]';
const BLOCKED = `${BLOCKED_SCRIPT},${BLOCKED_IFRAME}`;

/**
 * The nonce of the script that is running the library's code now: the script tag, or a site's
 * classic bundle. Only a script the page's policy let run can be current, so a nonce found here
 * is the page's own (one in the markup may be an attacker's).
 */
const runningScriptNonce = typeof document === 'undefined' ? undefined : (document.currentScript as HTMLScriptElement | null)?.nonce;

/** The categories an element waits for: `data-cookie-category="analytics"` (several, space-separated, all needed). */
const categoriesOf = (element: Element) => (element.getAttribute('data-cookie-category') ?? '').split(/\s+/).filter(Boolean);

export interface IframeHooks {
  /** Shows something in place of an iframe while its category is refused. */
  block(iframe: HTMLIFrameElement): void;
  /** Removes what block() showed. */
  unblock(iframe: HTMLIFrameElement): void;
}

/**
 * A runnable copy of a blocked script, with every attribute kept but the blocking `type` and
 * the `on…` event handlers: markup that was inert must not gain a handler that runs.
 */
function runnableCopy(original: HTMLScriptElement): HTMLScriptElement {
  const script = document.createElement('script');
  for (const { name, value } of Array.from(original.attributes))
    if (!/^(type|data-type|nonce|on.*)$/.test(name)) script.setAttribute(name, value);
  // Browsers hide the nonce attribute once the element is in the page: only the property still holds it.
  if (original.nonce) script.nonce = original.nonce;
  if (original.getAttribute('data-type') === 'module') script.type = 'module';
  // Dynamically inserted scripts are async unless told otherwise; keep document order.
  script.async = original.hasAttribute('async');
  if (!original.src) script.text = original.text;
  return script;
}

/**
 * Holds scripts and iframes marked with `data-cookie-category` until their categories are
 * granted, then releases each exactly once, in document order — including those added to
 * the page later. Blocked markup that names no category a resident can grant, or (when the
 * library's own script carries a nonce) a script without that nonce, is never released.
 */
export class BlockedElements {
  /** Released scripts, and refused elements (each reported once). */
  #released = new WeakSet<Element>();
  #placeheld = new WeakSet<HTMLIFrameElement>();
  /** Released external and module scripts that have not run yet, with the blocked original of each. */
  #pending = new Map<HTMLScriptElement, HTMLScriptElement>();
  #queue: Promise<void> = Promise.resolve();
  #observer?: MutationObserver;

  readonly #isGranted: (categoryId: string) => boolean;
  readonly #optionalIds: readonly string[];
  readonly #iframes?: IframeHooks;
  readonly #nonce?: string;

  constructor(
    isGranted: (categoryId: string) => boolean,
    /** The categories the catalogue lets a resident grant: an element naming any other (`essential` too) is never released. */
    optionalIds: readonly string[],
    iframes?: IframeHooks,
    /** Release only scripts carrying this nonce (by default the library's own script's, if it has one). */
    nonce = runningScriptNonce,
  ) {
    this.#isGranted = isGranted;
    this.#optionalIds = optionalIds;
    this.#iframes = iframes;
    this.#nonce = nonce;
  }

  #allowed(element: Element) {
    const ids = categoriesOf(element);
    return ids.length > 0 && ids.every(this.#isGranted);
  }

  /** Whether an element must never be released; the first time, says why in the console. */
  #refused(element: Element): boolean {
    const ids = categoriesOf(element);
    const problem =
      ids.length && ids.every((id) => this.#optionalIds.includes(id))
        ? element instanceof HTMLScriptElement
          ? this.#nonce && element.nonce !== this.#nonce && 'it lacks the nonce of the library’s script'
          : !safeUrl(element.getAttribute('data-src')) && 'its data-src is not http(s) or relative'
        : 'no optional category has that name';
    if (problem && !this.#released.has(element)) {
      this.#released.add(element);
      reportError(
        `<${element.localName} data-cookie-category="${element.getAttribute('data-cookie-category')}"> stays blocked: ${problem}`,
      );
    }
    return !!problem;
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
    // Refused while a released script still downloads: stop it now, not after the queue. A
    // script moved into another document before it runs never runs (the HTML standard's
    // "execute the script element"; Chromium, Firefox and WebKit keep to it). Its blocked
    // original goes back, to run if consent is given again.
    for (const [script, original] of this.#pending)
      if (!this.#allowed(original)) {
        this.#released.delete(original);
        script.replaceWith(original);
        new Document().adoptNode(script);
        // No longer pending, and the scripts queued behind it stop waiting.
        script.dispatchEvent(new Event('load'));
      }
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
      if (this.#released.has(original) || !original.isConnected || this.#refused(original) || !this.#allowed(original)) continue;
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
      if (script.src || script.type === 'module') {
        this.#pending.set(script, original);
        const ran = new Promise<void>((resolve) =>
          ['load', 'error'].map((type) =>
            script.addEventListener(type, () => {
              // Firefox also fires error at a script stopped by a refusal, which is no longer pending.
              if (type === 'error' && this.#pending.has(script))
                warn(`the blocked script ${script.src} failed to load; the ones after it still run`);
              this.#pending.delete(script);
              resolve();
            }),
          ),
        );
        if (script.src && !script.async) pending.push(ran);
      }
      original.replaceWith(script);
    }
    await Promise.all(pending);
  }

  #updateIframe(iframe: HTMLIFrameElement): void {
    const source = iframe.getAttribute('data-src')!;
    const src = iframe.getAttribute('src');
    // Its own srcdoc or src would show it without consent (srcdoc even after: it wins over src).
    iframe.removeAttribute('srcdoc');
    if (!this.#refused(iframe) && this.#allowed(iframe)) {
      if (src !== source) iframe.src = source;
      if (this.#placeheld.delete(iframe)) this.#iframes?.unblock(iframe);
    } else {
      if (src && src !== 'about:blank') iframe.src = 'about:blank';
      if (!this.#placeheld.has(iframe)) {
        this.#placeheld.add(iframe);
        this.#iframes?.block(iframe);
      }
    }
  }
}
