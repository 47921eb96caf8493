import { primaryLanguage } from '../catalog/local-text.js';
import type { BannerPart } from '../ui/banner-part.js';
import type { DetailsPart } from '../ui/details-part.js';
import type { InterfaceParts, LoadInterface } from './interface-parts.js';

/** Where the parts of the script-tag build put what they export (see rollup.config.ts). */
export const PARTS_GLOBAL = '__councilCookieConsent';
type PartsWindow = Window & { [PARTS_GLOBAL]?: { banner?: { bannerPart: BannerPart }; details?: { detailsPart: DetailsPart } } };

/**
 * The interface for the script tag: each part is a file beside the core's own, fetched with a
 * `<script>` that carries the core's nonce, and its Subresource Integrity hash (from the build)
 * whenever the core's own tag has one; `async = false` runs the parts in the order asked for.
 * The banner's part comes first: the others build on it.
 */
export function scriptTagInterface(core: HTMLScriptElement | null, hashes: Record<string, string>): LoadInterface {
  const fetched = new Map<string, Promise<void>>();
  const preloaded = new Set<string>();
  // council-cookie-consent.iife.js → council-cookie-consent.banner.js, in the same folder (a CDN's, or the council's).
  const partUrl = (part: string) =>
    new URL(
      `${(core?.src ?? '').replace(/^.*\//, '').replace(/(\.iife)?\.js(\?.*)?$/, '') || 'council-cookie-consent'}.${part}.js`,
      core?.src || location.href,
    ).href;
  /** Asks for a part with the core's nonce, integrity hash and CORS mode, so a preload and its script match. */
  const request = (element: HTMLScriptElement | HTMLLinkElement, part: string) => {
    if (core?.nonce) element.nonce = core.nonce;
    if (core?.integrity) element.integrity = hashes[part];
    if (core?.crossOrigin !== null && core?.crossOrigin !== undefined) element.crossOrigin = core.crossOrigin;
    document.head.append(element);
  };
  const fetchPart = (part: string) => {
    let done = fetched.get(part);
    if (!done) {
      const script = document.createElement('script');
      script.src = partUrl(part);
      script.async = false;
      fetched.set(
        part,
        (done = new Promise((resolve, reject) => {
          script.onload = () => resolve();
          script.onerror = () => reject(new Error(`${script.src} did not load: missing, blocked, or not matching its integrity hash`));
        })),
      );
      request(script, part);
    }
    return done;
  };
  /** Downloads a part beside the banner's without running it. */
  const preload = (part: string) => {
    if (fetched.has(part) || preloaded.has(part)) return;
    preloaded.add(part);
    const link = document.createElement('link');
    link.rel = 'preload';
    link.as = 'script';
    link.href = partUrl(part);
    request(link, part);
  };
  return async (need, lang) => {
    const after = need === 'details' ? ['details'] : [];
    if (primaryLanguage(lang) === 'cy') after.push('cy');
    // The other parts take Lit and the wording from the banner's part as they run: one that ran
    // without it would throw. So they download beside it (preloaded), but their scripts are
    // added only once the banner's has run, and never when it was refused (missing, blocked, or
    // not matching its hash).
    after.forEach(preload);
    await fetchPart('banner');
    await Promise.all(after.map(fetchPart));
    const loaded = (window as PartsWindow)[PARTS_GLOBAL];
    const interfaceParts: InterfaceParts = { banner: loaded!.banner!.bannerPart, details: loaded?.details?.detailsPart };
    interfaceParts.banner.define();
    interfaceParts.details?.define();
    return interfaceParts;
  };
}
