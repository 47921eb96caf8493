/** A cookie domain as compared: no leading dot, lower case (`.Example.gov.uk` → `example.gov.uk`). */
export const withoutDot = (domain: string) => domain.replace(/^\./, '').toLowerCase();

/** Whether `host` is `domain` or one of its subdomains: a cookie on `domain` reaches it. */
export const isWithin = (host: string, domain: string) => host === domain || host.endsWith(`.${domain}`);

/**
 * The domains a cookie of this page may have been set on: the host and each parent,
 * stopping before a single label (a top-level domain cannot hold cookies).
 */
export function hostAndParents(host: string): string[] {
  const labels = host.split('.');
  if (labels.length < 2 || /^[\d.]+$/.test(host) || host.includes(':')) return [host];
  return labels.slice(0, -1).map((_, index) => labels.slice(index).join('.'));
}
