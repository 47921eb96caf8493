import type { BrowserContext } from 'playwright-core';

/** A cookie a page script stored with `document.cookie`, as the script wrote it. */
export interface CookieWrite {
  name: string;
  /** The cookie's domain as the browser lists it: ".example.gov.uk" for a domain cookie, else the host. */
  domain: string;
  path: string;
  /** Seconds it was given to live, or null for a session cookie. */
  lifetimeSeconds: number | null;
}

const BINDING = '__councilCookieAuditWrite';

/**
 * Runs in every frame before the page's own scripts: wraps the `document.cookie` setter
 * so each cookie a script stores is reported, even one deleted again before the phase
 * ends. The library deletes optional cookies when it loads, so a tag that set one too
 * early would otherwise leave no trace, though it has already run with it.
 */
function hookDocumentCookie(binding: string): void {
  const descriptor = Object.getOwnPropertyDescriptor(Document.prototype, 'cookie');
  if (!descriptor?.get || !descriptor.set) return;
  const { get, set } = descriptor;
  Object.defineProperty(Document.prototype, 'cookie', {
    configurable: true,
    enumerable: descriptor.enumerable,
    get() {
      return get.call(this);
    },
    set(value: unknown) {
      set.call(this, value);
      try {
        const [pair, ...attributes] = String(value).split(';');
        const name = pair.split('=')[0].trim();
        const attribute = (key: string) =>
          attributes
            .map((a) => a.trim())
            .find((a) => a.toLowerCase().startsWith(`${key}=`))
            ?.slice(key.length + 1)
            .trim();
        const maxAge = attribute('max-age');
        const expires = attribute('expires');
        const lifetime = maxAge !== undefined ? Number(maxAge) : expires !== undefined ? (Date.parse(expires) - Date.now()) / 1000 : null;
        if (!name || (lifetime !== null && !(lifetime > 0))) return; // A deletion, not a cookie set.
        // Only a cookie the browser really kept counts (it may refuse one, e.g. for a foreign domain).
        const kept = String(get.call(this))
          .split(';')
          .some((p) => p.trim().split('=')[0] === name);
        if (!kept) return;
        const domain = attribute('domain');
        const path = attribute('path') ?? (location.pathname.replace(/\/[^/]*$/, '') || '/');
        (window as unknown as Record<string, (write: unknown) => void>)[binding]({
          name,
          domain: domain ? `.${domain.replace(/^\./, '').toLowerCase()}` : location.hostname,
          path,
          lifetimeSeconds: lifetime,
        });
      } catch {
        // Reporting must never break the page.
      }
    },
  });
}

/** Starts collecting cookie writes in a fresh context; returns the list that fills as pages write. */
export async function watchCookieWrites(context: BrowserContext): Promise<CookieWrite[]> {
  const writes: CookieWrite[] = [];
  await context.exposeBinding(BINDING, (_source, write: CookieWrite) => {
    writes.push({ ...write, lifetimeSeconds: write.lifetimeSeconds === null ? null : Math.round(write.lifetimeSeconds) });
  });
  await context.addInitScript(hookDocumentCookie, BINDING);
  return writes;
}
