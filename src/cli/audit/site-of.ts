import { getDomain } from 'tldts';
import { withoutDot } from '../../catalog/cookie-domain.js';

/**
 * The site a host or cookie domain belongs to: its registrable domain by the public suffix
 * list (so each council on gov.uk, and each site on github.io, is its own site). A host with
 * none (localhost, an IP address, a bare suffix) is its own site.
 */
export function siteOf(domain: string): string {
  const host = withoutDot(domain);
  return getDomain(host, { allowPrivateDomains: true }) ?? host;
}

/** Whether a cookie's domain belongs to the same site as the page. */
export const isFirstParty = (cookieDomain: string, pageHost: string) => siteOf(cookieDomain) === siteOf(pageHost);
