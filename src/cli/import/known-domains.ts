import { isWithin, withoutDot } from '../../catalog/cookie-domain.js';
import type { CategoryId } from './categories.js';

/** A service known by the domain its cookies are set on. */
export interface KnownDomain {
  domain: string;
  category: Exclude<CategoryId, 'review' | 'essential'>;
  provider: string;
}

export const KNOWN_DOMAINS: KnownDomain[] = [
  { domain: 'siteimprove.com', category: 'analytics', provider: 'Siteimprove' },
  { domain: 'siteimproveanalytics.io', category: 'analytics', provider: 'Siteimprove' },
  { domain: 'google-analytics.com', category: 'analytics', provider: 'Google Analytics' },
  { domain: 'google.com', category: 'analytics', provider: 'Google Analytics' },
  { domain: 'clarity.ms', category: 'analytics', provider: 'Microsoft Clarity' },
  { domain: 'hotjar.com', category: 'analytics', provider: 'Hotjar' },
  { domain: 'youtube.com', category: 'video', provider: 'YouTube' },
  { domain: 'youtube-nocookie.com', category: 'video', provider: 'YouTube' },
  { domain: 'vimeo.com', category: 'video', provider: 'Vimeo' },
  { domain: 'doubleclick.net', category: 'marketing', provider: 'Google DoubleClick' },
  { domain: 'facebook.com', category: 'marketing', provider: 'Meta (Facebook)' },
  { domain: 'twitter.com', category: 'marketing', provider: 'X (Twitter)' },
  { domain: 'x.com', category: 'marketing', provider: 'X (Twitter)' },
  { domain: 'linkedin.com', category: 'marketing', provider: 'LinkedIn' },
  { domain: 'bing.com', category: 'marketing', provider: 'Microsoft' },
];

/** The service a cookie domain (".siteimprove.com", "www.youtube.com") belongs to, if known. */
export function findKnownDomain(domain: string): KnownDomain | undefined {
  const host = withoutDot(domain);
  return KNOWN_DOMAINS.find((known) => isWithin(host, known.domain));
}
