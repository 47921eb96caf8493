/** A cookie domain as compared: no leading dot, lower case (`.Example.gov.uk` → `example.gov.uk`). */
export const withoutDot = (domain: string) => domain.replace(/^\./, '').toLowerCase();

/** Whether `host` is `domain` or one of its subdomains: a cookie on `domain` reaches it. */
export const isWithin = (host: string, domain: string) => host === domain || host.endsWith(`.${domain}`);
