import { parse } from 'tldts';
import { isObject, type Problem } from '../catalog/check-shape.js';
import { withoutDot } from '../catalog/cookie-domain.js';

// Browsers treat the private section of the list (github.io, azurewebsites.net) as suffixes too.
const OPTIONS = { allowPrivateDomains: true };

/** Whether a domain is a public suffix such as gov.uk, on which no site may set a cookie. */
export function isPublicSuffix(domain: string): boolean {
  const parsed = parse(withoutDot(domain), OPTIONS);
  return !parsed.isIp && parsed.domain === null;
}

/**
 * The rules that need the public suffix list, which is too large to send to residents'
 * browsers: there, a cookie on a public suffix is refused by the browser itself, so the
 * choice is never kept and nothing optional runs. Here it is an error with its reason.
 */
export function publicSuffixProblems(value: unknown): Problem[] {
  if (!isObject(value)) return [];
  const problems: Problem[] = [];
  const check = (path: string, domain: unknown, consequence: string) => {
    if (typeof domain === 'string' && domain && isPublicSuffix(domain))
      problems.push({ path, message: `"${domain}" is a public suffix, shared by many sites: ${consequence}` });
  };
  const consentCookie = isObject(value.consentCookie) ? value.consentCookie : {};
  const site = isObject(value.site) ? value.site : {};
  check(
    'site.domain',
    site.domain,
    'give the council’s own domain, such as "example.gov.uk" (cookies are deleted on it and the hosts below it)',
  );
  check(
    'consentCookie.domain',
    consentCookie.domain,
    'browsers refuse a cookie on it, so no choice would ever be kept; give the council’s own domain, such as ".example.gov.uk"',
  );
  return problems;
}
