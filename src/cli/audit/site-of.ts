import { withoutDot } from '../../catalog/cookie-domain.js';

/**
 * Registrable domains, near enough for first- or third-party: the last two labels, or
 * three under the UK's (and a few other) second-level suffixes, so each council on gov.uk
 * is its own site. Without the full public suffix list, rarer suffixes may be misjudged.
 */
const SECOND_LEVEL_SUFFIXES = new Set([
  'gov.uk',
  'co.uk',
  'org.uk',
  'ac.uk',
  'nhs.uk',
  'police.uk',
  'sch.uk',
  'ltd.uk',
  'plc.uk',
  'me.uk',
  'net.uk',
  'mod.uk',
  'parliament.uk',
  'llyw.cymru',
  'gov.scot',
  'gov.wales',
  'com.au',
  'gov.au',
  'co.nz',
  'govt.nz',
  'co.jp',
  'com.br',
]);

const isIpAddress = (host: string) => /^[\d.]+$/.test(host) || host.includes(':');

export function siteOf(domain: string): string {
  const host = withoutDot(domain);
  const labels = host.split('.');
  if (labels.length < 2 || isIpAddress(host)) return host;
  const keep = SECOND_LEVEL_SUFFIXES.has(labels.slice(-2).join('.')) ? 3 : 2;
  return labels.slice(-keep).join('.');
}

/** Whether a cookie's domain belongs to the same site as the page. */
export const isFirstParty = (cookieDomain: string, pageHost: string) => siteOf(cookieDomain) === siteOf(pageHost);
