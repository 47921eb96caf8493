import { DAY_MS } from '../consent/consent-record.js';
import type { Receipt } from './receipt.js';

/** The consent cookie as the catalogue declares it (`consentCookie`). */
export interface ConsentCookieSettings {
  name: string;
  expiresDays: number;
  domain?: string;
}

/** RFC 6265 cookie-octets: a value made only of these can be written back exactly as it came. */
const COOKIE_OCTETS = /^[\x21\x23-\x2B\x2D-\x3A\x3C-\x5B\x5D-\x7E]+$/;

/** js-cookie writes values percent-encoded; this reads them back the same way it does. */
function decodeCookieValue(raw: string): string | undefined {
  try {
    return raw.replace(/(%[\dA-F]{2})+/gi, decodeURIComponent);
  } catch {
    return undefined;
  }
}

function sameChoice(value: unknown, receipt: Receipt): boolean {
  if (typeof value !== 'object' || value === null) return false;
  const stored = value as Record<string, unknown>;
  const categories = stored.categories as Record<string, unknown> | undefined;
  if (typeof categories !== 'object' || categories === null) return false;
  const answered = Object.entries(receipt.categories);
  return (
    stored.consentId === receipt.consentId &&
    stored.time === receipt.time &&
    stored.revision === receipt.revision &&
    stored.method === receipt.method &&
    Object.keys(categories).length === answered.length &&
    answered.every(([id, answer]) => categories[id] === answer)
  );
}

/**
 * Safari keeps a cookie written by script for 7 days at most, but one set by the site's own
 * server for as long as it says. When the request carries the consent cookie and it holds exactly
 * the choice this receipt reports, this is a `Set-Cookie` that writes the same value back with
 * the lifetime the catalogue gives (counted from the choice, as the library counts it).
 * Anything else — no cookie, another choice, a value that does not parse — gets nothing: the
 * receiver never writes a choice the browser did not already hold.
 */
export function refreshedConsentCookie(
  cookieHeader: string | undefined,
  receipt: Receipt,
  settings: ConsentCookieSettings,
  { secure, now = Date.now() }: { secure: boolean; now?: number },
): string | undefined {
  if (!cookieHeader) return undefined;
  const expires = receipt.time + settings.expiresDays * DAY_MS;
  if (expires <= now) return undefined;
  for (const pair of cookieHeader.split(';')) {
    const separator = pair.indexOf('=');
    if (separator < 0 || pair.slice(0, separator).trim() !== settings.name) continue;
    const raw = pair.slice(separator + 1).trim();
    if (!COOKIE_OCTETS.test(raw)) continue;
    const decoded = decodeCookieValue(raw);
    let value: unknown;
    try {
      value = decoded === undefined ? undefined : JSON.parse(decoded);
    } catch {
      continue;
    }
    if (!sameChoice(value, receipt)) continue;
    return [
      `${settings.name}=${raw}`,
      `Expires=${new Date(expires).toUTCString()}`,
      'Path=/',
      ...(settings.domain ? [`Domain=${settings.domain}`] : []),
      'SameSite=Lax',
      ...(secure ? ['Secure'] : []),
    ].join('; ');
  }
  return undefined;
}
